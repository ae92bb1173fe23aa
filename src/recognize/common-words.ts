// Is a (normalized) word an ordinary word of the language rather than a name? Stop words of the
// language data, then the spelling dictionary the glued-word repair already loads.
import { langData, type Lang } from "../lang/index.js";
import { loadGlueLexicon } from "../clean/glued-words.js";
import { normalizeWord } from "../segment/tokens.js";

const cache = new Map<Lang, (norm: string) => boolean>();

export function commonWords(lang: Lang): (norm: string) => boolean {
  let f = cache.get(lang);
  if (f) return f;
  const { stopwords: stop, commonExtra } = langData(lang);
  const lexicon = loadGlueLexicon(lang);
  const memo = new Map<string, boolean>();
  f = (lower: string) => {
    let v = memo.get(lower);
    if (v === undefined) {
      const n = normalizeWord(lower);
      v = stop.has(n) || commonExtra.has(n) || lexicon.isCommonWord(lower);
      if (memo.size > 100_000) memo.clear();
      memo.set(lower, v);
    }
    return v;
  };
  cache.set(lang, f);
  return f;
}

const nameFormCache = new Map<Lang, (word: string) => boolean>();

/** Can this capitalized ordinary word also be a given name ("Penny", "Grace")? The dictionary's own capitalized entries tell. */
export function nameForms(lang: Lang): (word: string) => boolean {
  let f = nameFormCache.get(lang);
  if (!f) {
    const lexicon = loadGlueLexicon(lang);
    f = (w: string) => lexicon.isNameForm(w);
    nameFormCache.set(lang, f);
  }
  return f;
}
