// People across articles: one record per real person. Names are compared as diacritic-insensitive token
// sets, after leading honorifics and ranks ("General", "Lt. Gen.", "Tan Sri", "M.") are dropped.
// Two forms are one person when the smaller form's tokens are all in the larger one (initials may stand for
// a token), their states do not conflict, and the smaller form is distinctive: two or more tokens, one of
// them not a very common family or given name ("Nguyen", "Wang", "Van" alone never merge anyone).
// A form that fits several people who cannot be one ("Van Binh" under "Pham Van Binh" and "Do Van Binh")
// joins none of them.
import { words, shortId, UnionFind, cmp } from "./util.js";
import type { MergedPerson, TitleAt } from "./types.js";

/** Tokens that never make a name distinctive on their own. */
export const COMMON_NAME_TOKENS: ReadonlySet<string> = new Set([
  // Vietnamese family names and middle names
  "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong",
  "ly", "truong", "dinh", "dao", "trinh", "van", "thi", "duc", "huu", "minh", "thanh",
  // Chinese
  "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo",
  "he", "lin", "luo", "gao", "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng", "cao", "peng", "zeng",
  // Korean
  "kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang", "lim",
  // very frequent given names and particles
  "muhammad", "mohammed", "mohamed", "mohammad", "ahmed", "ahmad", "ali", "abdul", "abdel", "bin", "binti", "ben",
  "al", "el", "de", "da", "di", "du", "del", "dos", "van", "von", "der", "mohd", "md", "singh", "kumar",
]);

/** Honorifics, ranks and forms of address dropped from the front of a name (one or more words each). */
const HONORIFICS: readonly string[][] = [
  "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "m", "mme", "mlle", "monsieur",
  "madame", "mademoiselle", "h e", "his excellency", "her excellency", "son excellence", "excellency", "hon",
  "honourable", "honorable", "general", "gen", "général", "lt", "lieutenant", "col", "colonel", "maj", "major",
  "capt", "captain", "cdr", "commander", "adm", "admiral", "brig", "brigadier", "sen", "senator", "ambassador",
  "ambassadeur", "président", "president", "presidente", "minister", "ministre", "premier", "prime", "deputy",
  "vice", "chairman", "datuk", "dato", "datin", "seri", "sri", "tan sri", "tun", "tengku", "haji", "hajjah",
  "comrade", "camarade", "marshal", "maréchal", "senior", "superintendent", "inspector", "dai tuong",
  "thuong tuong", "trung tuong", "thieu tuong",
].map((t) => words(t));

export interface NameKey {
  /** full tokens (longer than one letter), sorted, distinct */
  full: string[];
  /** single-letter tokens (initials) */
  initials: string[];
}

/** The comparable key of a name: honorifics dropped, diacritics folded ("Lt. Gen. Phạm Quốc Hưng" -> {hung, pham, quoc}). */
export function nameKey(name: string): NameKey {
  const toks = words(name.replace(/[đĐ]/g, "d"));
  let i = 0;
  for (;;) {
    const h = HONORIFICS.filter((seq) => toks.length - i > seq.length && seq.every((t, k) => toks[i + k] === t))
      .sort((a, b) => b.length - a.length)[0];
    if (!h) break;
    i += h.length;
  }
  const rest = toks.slice(i);
  return {
    full: [...new Set(rest.filter((t) => t.length > 1))].sort(),
    initials: rest.filter((t) => t.length === 1),
  };
}

const distinctiveTokens = (k: NameKey): string[] => k.full.filter((t) => !COMMON_NAME_TOKENS.has(t));

/**
 * Whether two name forms (with their states) can be one person. `a` and `b` may come in either order.
 * Identical single-token forms merge only when the token is rare and long and both give the same state.
 */
export function sameNameForm(a: NameKey, ca: string | null, b: NameKey, cb: string | null): boolean {
  if (ca && cb && ca !== cb) return false;
  let s = a, l = b;
  if (s.full.length + s.initials.length > l.full.length + l.initials.length) [s, l] = [l, s];
  if (!s.full.length) return false;
  const big = new Set(l.full);
  if (!s.full.every((t) => big.has(t))) return false;
  // each initial of the smaller form stands for a distinct remaining token (or initial) of the larger one
  const rest = [...l.full.filter((t) => !s.full.includes(t)), ...l.initials];
  for (const ini of s.initials) {
    const k = rest.findIndex((t) => t[0] === ini);
    if (k < 0) return false;
    rest.splice(k, 1);
  }
  const distinct = distinctiveTokens(s);
  if (s.full.length >= 2) return distinct.length >= 1;
  // one full token: with initials ("J. Widodo"), or alone and identical
  const tok = s.full[0]!;
  if (COMMON_NAME_TOKENS.has(tok) || !(ca && cb)) return false;
  if (s.initials.length) return tok.length >= 4;
  return tok.length >= 5 && l.full.length === 1 && l.initials.length === 0;
}

const keyString = (k: NameKey): string => `${k.full.join(" ")}${k.initials.length ? `/${[...k.initials].sort().join("")}` : ""}`;
const size = (k: NameKey): number => k.full.length + k.initials.length;
const subsetOf = (a: NameKey, b: NameKey): boolean => {
  const big = new Set(b.full);
  return a.full.every((t) => big.has(t));
};

/** One name as one article gives it. */
export interface PersonMention {
  article: string;
  name: string;
  aliases: string[];
  country: string | null;
  titles: string[];
  /** publication date of the article, for titles over time */
  published: string | null;
}

interface Form {
  key: NameKey;
  country: string | null;
  mentions: number[];
}

export interface PeopleIndex {
  people: MergedPerson[];
  /** the merged person id of mention k (as passed in) */
  idOf(k: number): string;
}

/** Clusters name mentions into people. Candidate pairs come from a token index, never all pairs. */
export function mergePeople(mentions: readonly PersonMention[]): PeopleIndex {
  // 1. identical forms (same tokens, same state)
  const forms: Form[] = [];
  const formOf = new Map<string, number>();
  const mentionForm: number[] = [];
  mentions.forEach((m, k) => {
    const key = nameKey(m.name);
    const id = `${keyString(key)}|${m.country ?? "?"}`;
    let f = formOf.get(id);
    if (f === undefined) {
      f = forms.length;
      forms.push({ key, country: m.country, mentions: [] });
      formOf.set(id, f);
    }
    forms[f]!.mentions.push(k);
    mentionForm.push(f);
  });

  // 2. candidate pairs through shared distinctive tokens (a token held by very many forms is no evidence)
  const postings = new Map<string, number[]>();
  forms.forEach((f, i) => {
    for (const t of distinctiveTokens(f.key)) {
      const p = postings.get(t);
      if (p) p.push(i);
      else postings.set(t, [i]);
    }
  });
  const bigger: number[][] = forms.map(() => []);
  const seen = new Set<string>();
  for (const list of postings.values()) {
    if (list.length > 5000) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x]!, j = list[y]!;
        const pk = i < j ? `${i},${j}` : `${j},${i}`;
        if (seen.has(pk)) continue;
        seen.add(pk);
        const a = forms[i]!, b = forms[j]!;
        if (!sameNameForm(a.key, a.country, b.key, b.country)) continue;
        if (size(a.key) <= size(b.key)) bigger[i]!.push(j);
        if (size(b.key) <= size(a.key)) bigger[j]!.push(i);
      }
    }
  }

  // 3. join each form to the larger forms it fits, largest forms first, unless those are several people
  const uf = new UnionFind(forms.length);
  const top: NameKey[] = forms.map((f) => f.key); // the largest key of each cluster (at its root)
  const state: (string | null)[] = forms.map((f) => f.country);
  const clusterFits = (r1: number, r2: number): boolean => {
    const s1 = state[r1], s2 = state[r2];
    if (s1 && s2 && s1 !== s2) return false;
    const a = top[r1]!, b = top[r2]!;
    return size(a) <= size(b) ? subsetOf(a, b) : subsetOf(b, a);
  };
  const order = forms.map((_, i) => i).sort((i, j) => size(forms[j]!.key) - size(forms[i]!.key) ||
    cmp(keyString(forms[i]!.key), keyString(forms[j]!.key)) || i - j);
  for (const i of order) {
    const roots = [...new Set(bigger[i]!.map((j) => uf.find(j)))].filter((r) => r !== uf.find(i));
    if (!roots.length) continue;
    const all = [uf.find(i), ...roots];
    let ok = true;
    for (let x = 0; x < all.length && ok; x++) for (let y = x + 1; y < all.length && ok; y++) ok = clusterFits(all[x]!, all[y]!);
    if (!ok) continue;
    for (const r of roots) {
      const a = uf.find(i), b = uf.find(r);
      const keep = size(top[a]!) >= size(top[b]!) ? top[a]! : top[b]!;
      const st = state[a] ?? state[b] ?? null;
      const root = uf.union(a, b);
      if (root >= 0) {
        top[root] = keep;
        state[root] = st;
      }
    }
  }

  // 4. records
  const groups = [...uf.groups().values()];
  const people: MergedPerson[] = [];
  const idOfMention: string[] = new Array<string>(mentions.length).fill("");
  for (const g of groups) {
    const ms = g.flatMap((f) => forms[f]!.mentions).sort((a, b) => a - b);
    const src = ms.map((k) => mentions[k]!);
    const earliest = [...src].sort((a, b) => cmp(a.article, b.article) || cmp(a.name, b.name))[0]!;
    const id = shortId("p-", `${earliest.article}\u0000${earliest.name}`);
    for (const k of ms) idOfMention[k] = id;
    people.push(personRecord(id, src));
  }
  people.sort((a, b) => cmp(a.id, b.id));
  return { people, idOf: (k) => idOfMention[k] ?? "" };
}

const nonAscii = (s: string): number => [...s].filter((c) => c.charCodeAt(0) > 127).length;

function personRecord(id: string, src: PersonMention[]): MergedPerson {
  const counts = new Map<string, number>();
  for (const m of src) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  const names = [...counts.keys()];
  names.sort((a, b) => size(nameKey(b)) - size(nameKey(a)) || nonAscii(b) - nonAscii(a) ||
    counts.get(b)! - counts.get(a)! || cmp(a, b));
  const variants = [...new Set(src.flatMap((m) => [m.name, ...m.aliases]))].sort();
  const cc = new Map<string, number>();
  for (const m of src) if (m.country) cc.set(m.country, (cc.get(m.country) ?? 0) + 1);
  const country = [...cc].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]?.[0] ?? null;
  const titles: TitleAt[] = [];
  const seen = new Set<string>();
  for (const m of src) for (const t of m.titles) {
    const k = `${t}\u0000${m.article}`;
    if (seen.has(k)) continue;
    seen.add(k);
    titles.push({ title: t, date: m.published, article: m.article });
  }
  titles.sort((a, b) => cmp(a.date ?? "9999", b.date ?? "9999") || cmp(a.article, b.article) ||
    cmp(a.title, b.title));
  return { id, name: names[0]!, variants, country, titles, articles: [...new Set(src.map((m) => m.article))].sort() };
}
