// Matches phrases given as data ("séance de travail", "sign*", "memorandum of understanding") over the
// normalized tokens of a TokenTable. A token pattern ending in "*" matches any token with that prefix
// (at least 3 characters before the star). Compiled once: a Map from first token (or its first 3
// characters for prefix patterns) to candidate phrases, so a scan costs one or two Map lookups per token.
import { normalizeWord, type TokenTable } from "../segment/tokens.js";

export interface PhraseMatch<T> {
  /** first token index */
  first: number;
  /** last token index + 1 */
  last: number;
  value: T;
}

interface Compiled<T> {
  parts: { text: string; prefix: boolean }[];
  value: T;
}

const PREFIX_KEY = 3;

export class PhraseMatcher<T> {
  private readonly exact = new Map<string, Compiled<T>[]>();
  private readonly prefix = new Map<string, Compiled<T>[]>();

  constructor(entries: Iterable<[phrase: string, value: T]>) {
    for (const [phrase, value] of entries) this.add(phrase, value);
  }

  private add(phrase: string, value: T): void {
    const words = splitPhrase(phrase);
    if (!words.length) return;
    const parts = words.map((w) => (w.endsWith("*") && w.length > PREFIX_KEY ? { text: w.slice(0, -1), prefix: true } : { text: w, prefix: false }));
    const head = parts[0]!;
    const c: Compiled<T> = { parts, value };
    const map = head.prefix ? this.prefix : this.exact;
    const key = head.prefix ? head.text.slice(0, PREFIX_KEY) : head.text;
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  }

  /** The longest phrase starting at token i, or null. */
  matchAt(t: TokenTable, i: number, limit = t.n): PhraseMatch<T> | null {
    const w = t.norm[i]!;
    let best: PhraseMatch<T> | null = null;
    const tryList = (list: Compiled<T>[] | undefined) => {
      if (!list) return;
      for (const c of list) {
        let k = 0;
        for (; k < c.parts.length; k++) {
          const j = i + k;
          if (j >= limit) break;
          const p = c.parts[k]!;
          const tok = t.norm[j]!;
          if (p.prefix ? !tok.startsWith(p.text) : tok !== p.text) break;
        }
        if (k === c.parts.length && (!best || i + k > best.last)) best = { first: i, last: i + k, value: c.value };
      }
    };
    tryList(this.exact.get(w));
    if (w.length >= PREFIX_KEY) tryList(this.prefix.get(w.slice(0, PREFIX_KEY)));
    return best;
  }

  /** All non-overlapping longest matches in tokens [from, to), left to right. */
  scan(t: TokenTable, from = 0, to = t.n): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = from; i < to; i++) {
      const m = this.matchAt(t, i, to);
      if (m) {
        out.push(m);
        i = m.last - 1;
      }
    }
    return out;
  }
}

/** Splits a data phrase into normalized tokens the way the tokenizer does ("l'Intérieur" -> "l'", "interieur"). */
export function splitPhrase(phrase: string): string[] {
  const out: string[] = [];
  const re = /[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*\*?['’]?|[^\s\p{L}\p{M}\p{N}]/gu;
  for (const m of phrase.matchAll(re)) {
    let w = m[0];
    // an elided article keeps its apostrophe; any other trailing apostrophe is its own token
    if (/['’]$/.test(w) && !/^(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|presqu)['’]$/i.test(w)) {
      out.push(normalizeWord(w.slice(0, -1)));
      w = "'";
    }
    out.push(normalizeWord(w));
  }
  return out;
}
