// Per-token lookups shared by the recognizers: which place mention, sentence or organization mention
// covers a token (-1 when none). Built once per document from the layers already made.
import type { Place, SentenceSpan } from "../core/annotations.js";
import type { TokenTable } from "../segment/tokens.js";
import { tokenAt } from "../segment/tokens.js";

export interface TokenIndex {
  placeOf: Int32Array;
  sentenceOf: Int32Array;
  orgOf: Int32Array;
  personOf: Int32Array;
}

export function coverTokens(t: TokenTable, spans: readonly { start: number; end: number }[], into: Int32Array): void {
  spans.forEach((s, k) => {
    for (let i = tokenAt(t, s.start); i < t.n && t.start[i]! < s.end; i++) into[i] = k;
  });
}

export function buildTokenIndex(t: TokenTable, places: readonly Place[], sentences: readonly SentenceSpan[]): TokenIndex {
  const placeOf = new Int32Array(t.n).fill(-1);
  const sentenceOf = new Int32Array(t.n).fill(-1);
  coverTokens(t, places, placeOf);
  sentences.forEach((s, k) => {
    for (let i = s.first; i < s.last; i++) sentenceOf[i] = k;
  });
  return { placeOf, sentenceOf, orgOf: new Int32Array(t.n).fill(-1), personOf: new Int32Array(t.n).fill(-1) };
}
