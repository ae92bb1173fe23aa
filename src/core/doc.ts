// The document that travels through the pipeline. `raw` is the input exactly as read and never changes.
// Stages work on `text`, a derived view of the raw input (HTML turned into text, glued words split),
// and `map` takes any offset of `text` back to `raw`: every fact is stored with `text` offsets and
// reported with raw offsets through `toRaw`. Each stage fills its own annotation layer.
import type { OffsetMap } from "./offset-map.js";
import type { Diagnostic } from "./diagnostic.js";
import type { Lang } from "../lang/index.js";
import type { TokenTable } from "../segment/tokens.js";
import type { EvidenceSpan } from "./span.js";
import type { Annotations } from "./annotations.js";

export interface DocMeta {
  id: string;
  /** publication date as ISO (YYYY, YYYY-MM or YYYY-MM-DD), when known */
  published: string | null;
  url: string | null;
  title: string | null;
  /** forced language; detected when null */
  language: string | null;
  /** where the input came from (a path or URL), for messages */
  source: string;
}

export interface Doc extends Partial<Annotations> {
  readonly raw: string;
  readonly meta: DocMeta;
  lang: Lang;
  /** the working text and its map to `raw` */
  text: string;
  map: OffsetMap;
  tokens?: TokenTable;
  messages: Diagnostic[];
}

/** The raw-input evidence for a range of the working text, trimmed of surrounding white space. */
export function toRaw(doc: Doc, start: number, end: number): EvidenceSpan {
  while (start < end && /\s/.test(doc.text[start]!)) start++;
  while (end > start && /\s/.test(doc.text[end - 1]!)) end--;
  const s = doc.map.toRawStart(start);
  const e = Math.max(s, doc.map.toRawEnd(end));
  return { start: s, end: e, text: doc.raw.slice(s, e) };
}
