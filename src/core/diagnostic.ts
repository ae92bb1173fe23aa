// Problems a stage notices on one document, in the manner of vfile-message: where, why, how bad.
export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  /** `stage:rule`, e.g. `clean:glued-word` */
  rule: string;
  severity: Severity;
  reason: string;
  /** offsets into the raw input, when the problem has a place */
  span?: { start: number; end: number };
}
