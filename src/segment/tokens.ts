// Word tokens as a flat table of offsets into the working text (no objects per token on the hot path).
export const IS_UPPER = 1; // starts with an uppercase letter
export const IS_ALLCAPS = 2; // two or more letters, all uppercase
export const IS_NUM = 4; // starts with a digit
export const IS_PUNCT = 8; // a single punctuation or symbol character
export const IS_WORD = 16; // starts with a letter

export interface TokenTable {
  readonly n: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly flags: Uint8Array;
  /** lowercased, diacritic-free form of each token, for lookups */
  readonly norm: string[];
  /** lowercased form with its diacritics, for dictionary lookups */
  readonly lower: string[];
}

const normCache = new Map<string, string>();
/** Lowercase, without diacritics, đ -> d, typographic apostrophe -> '. */
export function normalizeWord(w: string): string {
  let n = normCache.get(w);
  if (n === undefined) {
    n = w
      .replace(/[đĐ]/g, "d")
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[’‘`´]/g, "'");
    if (normCache.size > 200_000) normCache.clear();
    normCache.set(w, n);
  }
  return n;
}

// A word is letters/digits with inner hyphens or dots of abbreviations kept apart; elided French
// articles (l', d', qu') and English possessives ('s) become their own tokens.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*|\S/gu;
const ELISION = /^(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|presqu)['’]$/i;

export function tokenize(text: string): TokenTable {
  const starts: number[] = [];
  const ends: number[] = [];
  const flags: number[] = [];
  const norm: string[] = [];
  const lower: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text))) {
    const s = m.index;
    const w = m[0];
    const e = s + w.length;
    let f = 0;
    if (w.length === 1 && !/[\p{L}\p{N}]/u.test(w)) f |= IS_PUNCT;
    else {
      const first = w[0]!;
      if (/\p{N}/u.test(first)) f |= IS_NUM;
      else {
        f |= IS_WORD;
        if (first !== first.toLowerCase()) f |= IS_UPPER;
        if (w.length >= 2 && w === w.toUpperCase() && /\p{L}{2}/u.test(w)) f |= IS_ALLCAPS;
      }
    }
    // merge an apostrophe into an elided article before it: "l" + "'" -> "l'"
    if ((f & IS_PUNCT) && (w === "'" || w === "’") && starts.length) {
      const k = starts.length - 1;
      const prev = text.slice(starts[k]!, ends[k]!);
      if (ends[k] === s && ELISION.test(prev + w)) {
        ends[k] = e;
        norm[k] = normalizeWord(prev + w);
        lower[k] = (prev + "'").toLowerCase();
        continue;
      }
    }
    starts.push(s);
    ends.push(e);
    flags.push(f);
    norm.push(normalizeWord(w));
    lower.push(w.toLowerCase().replace(/[’‘]/g, "'"));
  }
  return {
    n: starts.length,
    start: Int32Array.from(starts),
    end: Int32Array.from(ends),
    flags: Uint8Array.from(flags),
    norm,
    lower,
  };
}

/** Index of the first token whose start is >= offset (binary search). */
export function tokenAt(t: TokenTable, offset: number): number {
  let lo = 0;
  let hi = t.n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.start[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
