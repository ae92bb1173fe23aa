// A stand-off annotation: a labelled [start, end) range. Offsets are UTF-16 indices; whether they point into
// the raw input or into a derived text is said by the field that holds the span.
export interface Span {
  start: number;
  end: number;
  label: string;
  /** a knowledge-base id (ISO 3166 alpha-3 code, organization id ...) when known */
  kbId?: string;
  /** the stage that made it */
  by?: string;
}

/** The evidence form of the output contract: text must equal raw.slice(start, end). */
export interface EvidenceSpan {
  start: number;
  end: number;
  text: string;
}
