// Fields of cooperation (codes of shared/eval/areas.json) of an article, from the sentences of its main text.
//
// The words are data (src/lang/<lang>/areas.json); this file only knows how to read them:
// - a sentence becomes normalized words (lowercase, no diacritics; apostrophes and hyphens separate words;
//   the articles and prepositions of `drop` are left out, so "traite des êtres humains" and "traite
//   d'êtres humains" are the same words). Words glued by page markup ("échangesde", "trafichumain") are cut
//   again when known words come out of them.
// - one left-to-right pass takes the longest cue or blocker at each word; another marks the words of the
//   rule groups (cooperation context, threats, purpose, background, heads of names, conditions). Candidate
//   patterns are looked up once per distinct word and cached, so a sentence costs a Map lookup per word.
// - a cue counts when its sentence has a cooperation / discussion / commitment word, except inside the name
//   of a body ("ministère de la Défense", "Defence Minister"); a weak cue ("ordre public", "pandémie") only
//   with a cooperation word shortly before it and not after a threat, purpose or background word; `alt`
//   re-codes a cue by the other words of its sentence; a field word followed by "crimes" names a crime, and
//   one that "lutte contre" governs names what is fought; `near` rules join two words a few words apart
//   ("partager ... des informations", "sécurité ... des citoyens").
// Compiled once per language, at first use.
import { readFileSync } from "node:fs";

export type Lang = "fr" | "en";
/** A sentence of the article's main text; start/end are the caller's offsets, passed through as evidence. */
export interface SentenceInput {
  start: number;
  end: number;
  text: string;
}
export interface AreaHit {
  code: string;
  /** the sentences (caller offsets) that support the code, in text order */
  evidence: { start: number; end: number }[];
}

// ---------------------------------------------------------------------------------------------------------
// the data file

type CueSpec = string | { p: string; code?: string | null; codes?: string[]; weak?: boolean; name?: boolean; alt?: AltSpec[] };
interface AltSpec {
  if?: string;
  unless?: string;
  code?: string | null;
  codes?: string[];
}
interface NearSpec {
  code: string;
  a: string[];
  b: string[];
  after: number;
  before: number;
  consume?: boolean;
}
interface AreasFile {
  drop: string[];
  preps: string[];
  peel: string[];
  groups: Record<string, string[]>;
  near: NearSpec[];
  blockers: string[];
  crime_recode: Record<string, string | null>;
  fight_objects_not_fields?: string[];
  name_rule_exempt?: string[];
  cues: Record<string, CueSpec[]>;
}

// ---------------------------------------------------------------------------------------------------------
// the compiled model

interface Pattern {
  words: string[];
  prefix: boolean[];
  caps: boolean[];
  /** tie-break between patterns of the same length: exact words weigh more than prefixes */
  weight: number;
}
interface Alt {
  ifRole: number;
  unlessRole: number;
  codes: string[];
}
interface Cue {
  pat: Pattern;
  codes: string[];
  weak: boolean;
  blocker: boolean;
  /** a name ("Organisation de coopération de Shanghai"): its cooperation words are no context */
  name: boolean;
  alt: Alt[];
}
interface Mark {
  pat: Pattern;
  role: number;
  needsUpper: boolean;
}
interface NearRule {
  code: string;
  aRole: number;
  bRole: number;
  after: number;
  before: number;
  consume: boolean;
}
/** What a normalized word can start: looked up once per distinct word. */
interface WordInfo {
  cues: Cue[];
  marks: Mark[];
  /** the pieces of a glued word ("trafichumain" -> trafic, humain), or null */
  pieces: string[] | null;
}
interface Roles {
  context: number;
  threat: number;
  purpose: number;
  background: number;
  nameHead: number;
  nameHeadCap: number;
  postHead: number;
  postHeadCap: number;
  crimeHead: number;
  crimeLink: number;
  fight: number;
}
interface Model {
  drop: Set<string>;
  preps: Set<string>;
  peel: string[];
  cueExact: Map<string, Cue[]>;
  cueStem: Map<string, Cue[]>;
  markExact: Map<string, Mark[]>;
  markStem: Map<string, Mark[]>;
  near: NearRule[];
  crimeRecode: Map<string, string[]>;
  /** codes whose words, as the object of "lutte contre" / "fight against", name what is fought, not a field */
  fightObjects: Set<string>;
  /** codes whose cues are names themselves ("Conseil de sécurité des Nations unies") */
  nameExempt: Set<string>;
  /** every exact word of every pattern */
  vocab: Set<string>;
  /** prefix words, by their first 3 letters */
  stems: Map<string, string[]>;
  /** exact words that a multi-word pattern continues after: where a glued word may be cut */
  pairHeads: Set<string>;
  R: Roles;
  info: Map<string, WordInfo>;
  raw: Map<string, RawWord>;
}

const STEM_KEY = 3;
const F_UPPER = 1; // starts with an uppercase letter
const F_CAPS = 2; // two or more letters, all uppercase
const F_PREP = 4; // a dropped preposition ("de", "of") stood before it
const F_SOFT = 8; // a comma, bracket or quote stands before it
const F_HARD = 16; // . ; : ! ? stands before it
const BREAK = F_SOFT | F_HARD;

function normalize(w: string): string {
  return w.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/đ/g, "d").replace(/œ/g, "oe").replace(/æ/g, "ae");
}

function compilePattern(text: string, drop: Set<string>): Pattern | null {
  const words: string[] = [];
  const prefix: boolean[] = [];
  const caps: boolean[] = [];
  for (const chunk of text.trim().split(/\s+/)) {
    const star = chunk.endsWith("*");
    const parts = (star ? chunk.slice(0, -1) : chunk).match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
    parts.forEach((part, k) => {
      const n = normalize(part);
      const isPrefix = star && k === parts.length - 1;
      if (!isPrefix && drop.has(n)) return;
      if (isPrefix && n.length < STEM_KEY) throw new Error(`areas: prefix shorter than ${STEM_KEY} letters in "${text}"`);
      words.push(n);
      prefix.push(isPrefix);
      caps.push(part.length >= 2 && part === part.toUpperCase() && part !== part.toLowerCase());
    });
  }
  if (!words.length) return null;
  const weight = words.reduce((s, w, k) => s + (prefix[k] ? w.length : 100), 0);
  return { words, prefix, caps, weight };
}

function index<T extends { pat: Pattern }>(items: T[]): [Map<string, T[]>, Map<string, T[]>] {
  const exact = new Map<string, T[]>();
  const stem = new Map<string, T[]>();
  for (const item of items) {
    const w = item.pat.words[0]!;
    const [map, key] = item.pat.prefix[0] ? [stem, w.slice(0, STEM_KEY)] : [exact, w];
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return [exact, stem];
}

const models = new Map<Lang, Model>();

function model(lang: Lang): Model {
  const hit = models.get(lang);
  if (hit) return hit;
  const file = JSON.parse(readFileSync(new URL(`../lang/${lang}/areas.json`, import.meta.url), "utf8")) as AreasFile;
  const drop = new Set(file.drop.map(normalize));
  const roles = new Map<string, number>();
  const role = (name: string) => {
    let r = roles.get(name);
    if (r === undefined) {
      r = roles.size;
      if (r > 30) throw new Error("areas: more than 31 rule groups");
      roles.set(name, r);
    }
    return r;
  };
  const roleOf = (name: string | undefined) => {
    if (name === undefined) return -1;
    const r = roles.get(name);
    if (r === undefined) throw new Error(`areas: unknown group "${name}"`);
    return r;
  };
  const vocab = new Set<string>();
  const stems = new Map<string, string[]>();
  const pairHeads = new Set<string>();
  const compile = (text: string): Pattern | null => {
    const p = compilePattern(text, drop);
    p?.words.forEach((w, k) => {
      if (p.prefix[k]) {
        const list = stems.get(w.slice(0, STEM_KEY));
        if (!list) stems.set(w.slice(0, STEM_KEY), [w]);
        else if (!list.includes(w)) list.push(w);
      } else {
        vocab.add(w);
        if (k + 1 < p.words.length) pairHeads.add(w);
      }
    });
    return p;
  };
  const codeList = (key: string, c: { code?: string | null; codes?: string[] }): string[] =>
    c.codes ?? (c.code === undefined ? [key] : c.code === null ? [] : [c.code]);

  const marks: Mark[] = [];
  for (const [name, list] of Object.entries(file.groups)) {
    const r = role(name);
    for (const text of list) {
      const pat = compile(text);
      if (pat) marks.push({ pat, role: r, needsUpper: name.endsWith("_capitalized") });
    }
  }
  const near: NearRule[] = file.near.map((n, k) => {
    const rule = { code: n.code, aRole: role(`near${k}a`), bRole: role(`near${k}b`), after: n.after, before: n.before, consume: !!n.consume };
    for (const [list, r] of [[n.a, rule.aRole], [n.b, rule.bRole]] as const)
      for (const text of list) {
        const pat = compile(text);
        if (pat) marks.push({ pat, role: r, needsUpper: false });
      }
    return rule;
  });
  const cues: Cue[] = [];
  for (const text of file.blockers) {
    const pat = compile(text);
    if (pat) cues.push({ pat, codes: [], weak: false, blocker: true, name: true, alt: [] });
  }
  for (const [key, list] of Object.entries(file.cues)) {
    for (const spec of list) {
      const c = typeof spec === "string" ? { p: spec } : spec;
      const pat = compile(c.p);
      if (!pat) continue;
      const alt = ("alt" in c ? (c.alt ?? []) : []).map((a) => ({ ifRole: roleOf(a.if), unlessRole: roleOf(a.unless), codes: codeList(key, a) }));
      cues.push({ pat, codes: codeList(key, c), weak: "weak" in c && !!c.weak, blocker: false, name: "name" in c && !!c.name, alt });
    }
  }
  const [cueExact, cueStem] = index(cues);
  const [markExact, markStem] = index(marks);
  const m: Model = {
    drop,
    preps: new Set(file.preps.map(normalize)),
    peel: file.peel.map(normalize).sort((a, b) => b.length - a.length),
    cueExact,
    cueStem,
    markExact,
    markStem,
    near,
    crimeRecode: new Map(Object.entries(file.crime_recode).map(([code, to]) => [code, to === null ? [] : [to]])),
    fightObjects: new Set(file.fight_objects_not_fields ?? []),
    nameExempt: new Set(file.name_rule_exempt ?? []),
    vocab,
    stems,
    pairHeads,
    R: {
      context: role("context"),
      threat: role("threat"),
      purpose: role("purpose"),
      background: role("background"),
      nameHead: role("name_head"),
      nameHeadCap: role("name_head_capitalized"),
      postHead: role("post_head"),
      postHeadCap: role("post_head_capitalized"),
      crimeHead: role("crime_head"),
      crimeLink: role("crime_link"),
      fight: role("fight"),
    },
    info: new Map(),
    raw: new Map(),
  };
  models.set(lang, m);
  return m;
}

function known(m: Model, x: string): boolean {
  if (m.vocab.has(x)) return true;
  const list = m.stems.get(x.slice(0, STEM_KEY));
  if (list) for (const s of list) if (x.startsWith(s)) return true;
  return false;
}

function wordInfo(m: Model, w: string): WordInfo {
  let info = m.info.get(w);
  if (info) return info;
  const key = w.slice(0, STEM_KEY);
  const cues = [...(m.cueExact.get(w) ?? []), ...(m.cueStem.get(key) ?? []).filter((c) => w.startsWith(c.pat.words[0]!))];
  const marks = [...(m.markExact.get(w) ?? []), ...(m.markStem.get(key) ?? []).filter((c) => w.startsWith(c.pat.words[0]!))];
  info = { cues, marks, pieces: w.length >= 6 && !m.vocab.has(w) ? unglue(m, w) : null };
  if (m.info.size > 200_000) m.info.clear();
  m.info.set(w, info);
  return info;
}

/** Cuts a word glued by page markup into known words: "trafic|humain", "de|sabotage", "échanges|de". */
function unglue(m: Model, w: string): string[] | null {
  if (w.length >= 9)
    for (let k = 4; k <= w.length - 4; k++) {
      const left = w.slice(0, k);
      if (m.pairHeads.has(left) && known(m, w.slice(k))) return [left, w.slice(k)];
    }
  // a word that some prefix already reads is cut only into an exact word ("échangesde" -> échanges, de)
  const ok = known(m, w) ? (x: string) => m.vocab.has(x) : (x: string) => known(m, x);
  for (const fw of m.peel) if (w.length - fw.length >= 4 && w.startsWith(fw) && ok(w.slice(fw.length))) return [fw, w.slice(fw.length)];
  for (const fw of m.peel) if (w.length - fw.length >= 4 && w.endsWith(fw) && ok(w.slice(0, -fw.length))) return [w.slice(0, -fw.length), fw];
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// the words of a sentence

interface Words {
  n: number;
  w: string[];
  f: number[];
  info: WordInfo[];
}

const WORD = /[\p{L}\p{M}\p{N}]+|[.;:!?,()«»"“”[\]]/gu;
const PUNCT = ".;:!?,()«»\"“”[]";

/** What a word as written becomes: the words it adds (none for a dropped word) or the break it marks. */
interface RawWord {
  /** F_SOFT / F_HARD for a punctuation mark, F_PREP for a dropped preposition, else 0 */
  mark: number;
  /** the words to add, with their F_UPPER / F_CAPS flags */
  words: { w: string; f: number; info: WordInfo }[];
  /** F_PREP when a glued preposition ends the word ("échangesde"): it goes to the next word */
  after: number;
}

function rawWord(m: Model, raw: string): RawWord {
  let r = m.raw.get(raw);
  if (r) return r;
  if (raw.length === 1 && PUNCT.includes(raw)) r = { mark: ".;:!?".includes(raw) ? F_HARD : F_SOFT, words: [], after: 0 };
  else {
    const first = raw[0]!;
    let flags = first !== first.toLowerCase() ? F_UPPER : 0;
    if (raw.length >= 2 && raw === raw.toUpperCase() && raw !== raw.toLowerCase()) flags |= F_CAPS;
    const norm = normalize(raw);
    if (m.drop.has(norm)) r = { mark: m.preps.has(norm) ? F_PREP : 0, words: [], after: 0 };
    else {
      const pieces = wordInfo(m, norm).pieces ?? [norm];
      r = { mark: 0, words: [], after: 0 };
      // a glued word: its first piece keeps the case; a dropped piece ("de" of "échangesde") is a preposition
      for (let k = 0; k < pieces.length; k++) {
        const w = pieces[k]!;
        if (m.drop.has(w)) {
          if (m.preps.has(w)) {
            if (r.words.length) r.after = F_PREP;
            else r.mark = F_PREP;
          }
          continue;
        }
        r.words.push({ w, f: k === 0 ? flags : 0, info: wordInfo(m, w) });
      }
    }
  }
  if (m.raw.size > 200_000) m.raw.clear();
  m.raw.set(raw, r);
  return r;
}

function words(text: string, m: Model): Words {
  const s: Words = { n: 0, w: [], f: [], info: [] };
  let pending = 0;
  WORD.lastIndex = 0;
  let t: RegExpExecArray | null;
  while ((t = WORD.exec(text))) {
    const r = rawWord(m, t[0]);
    pending |= r.mark;
    for (let k = 0; k < r.words.length; k++) {
      const x = r.words[k]!;
      s.w.push(x.w);
      s.f.push(x.f | pending);
      s.info.push(x.info);
      pending = 0;
    }
    pending |= r.after;
  }
  s.n = s.w.length;
  return s;
}

/** Length in words of pattern p at word i (its first word already known to match), or 0. */
function matchLen(p: Pattern, s: Words, i: number): number {
  const k = p.words.length;
  if (i + k > s.n) return 0;
  if (p.caps[0] && !(s.f[i]! & F_CAPS)) return 0;
  for (let j = 1; j < k; j++) {
    const x = s.w[i + j]!;
    const fl = s.f[i + j]!;
    if (fl & BREAK) return 0;
    if (p.prefix[j] ? !x.startsWith(p.words[j]!) : x !== p.words[j]) return 0;
    if (p.caps[j] && !(fl & F_CAPS)) return 0;
  }
  return k;
}

// ---------------------------------------------------------------------------------------------------------
// one sentence

interface Found {
  s: number;
  e: number;
  cue: Cue;
}
interface Marked {
  s: number;
  e: number;
  role: number;
}
type Trace = (what: string) => void;

const hasRole = (mask: Int32Array, i: number, r: number) => (mask[i]! & (1 << r)) !== 0;

function sentenceCodes(text: string, m: Model, out: Set<string>, trace?: Trace): void {
  const s = words(text, m);
  if (!s.n) return;
  const R = m.R;
  trace?.(`words: ${s.w.map((w, i) => (s.f[i]! & F_HARD ? "| " : s.f[i]! & F_SOFT ? ", " : "") + (s.f[i]! & F_PREP ? "^" : "") + w).join(" ")}`);

  // the words of the rule groups: a mask of roles by first word, and the marks for the near rules
  const mask = new Int32Array(s.n);
  let present = 0;
  const marked: Marked[] = [];
  for (let i = 0; i < s.n; i++) {
    for (const mk of s.info[i]!.marks) {
      if (mk.needsUpper && !(s.f[i]! & F_UPPER)) continue;
      const k = matchLen(mk.pat, s, i);
      if (!k) continue;
      mask[i] = mask[i]! | (1 << mk.role);
      present |= 1 << mk.role;
      marked.push({ s: i, e: i + k, role: mk.role });
    }
  }

  // the longest cue or blocker at each word
  const found: Found[] = [];
  for (let i = 0; i < s.n; ) {
    let best: Cue | null = null;
    let bestLen = 0;
    for (const c of s.info[i]!.cues) {
      const k = matchLen(c.pat, s, i);
      if (k && (k > bestLen || (k === bestLen && (c.pat.weight > best!.pat.weight || (c.pat.weight === best!.pat.weight && c.blocker))))) {
        best = c;
        bestLen = k;
      }
    }
    if (best) {
      found.push({ s: i, e: i + bestLen, cue: best });
      i += bestLen;
    } else i++;
  }

  // cooperation words inside a blocker or a name are no context ("Organisation de coopération de Shanghai")
  let inBlocker: Uint8Array | null = null;
  for (const x of found) {
    if (!x.cue.name) continue;
    inBlocker ??= new Uint8Array(s.n);
    for (let j = x.s; j < x.e; j++) {
      mask[j] = mask[j]! & ~(1 << R.context);
      if (x.cue.blocker) inBlocker[j] = 1;
    }
  }

  // near rules: a word of `a` with a word of `b` a few words after (or before) it. A b word inside a cue
  // that starts after the a word belongs to that cue's phrase ("l'échange d'expériences, la formation des
  // cadres" exchanges experience, not officials)
  const cueHead = new Int32Array(s.n).fill(-1);
  for (const x of found) for (let j = x.s + 1; j < x.e; j++) cueHead[j] = x.s;
  const consumed: [number, number][] = [];
  let nearHit = false;
  for (const r of m.near) {
    if (!(present & (1 << r.aRole)) || !(present & (1 << r.bRole))) continue;
    for (const a of marked) {
      if (a.role !== r.aRole || inBlocker?.[a.s]) continue;
      let start = -1;
      let end = -1;
      for (const b of marked) {
        if (b.role !== r.bRole || inBlocker?.[b.s]) continue;
        if (b.s >= a.e && b.s - a.e < r.after && !hardBetween(s, a.e, b.s) && !(cueHead[b.s]! >= a.e)) {
          if (end < 0 || b.e < end) [start, end] = [a.s, b.e];
        } else if (b.e <= a.s && a.s - b.e < r.before && !hardBetween(s, b.e, a.s) && end < 0) [start, end] = [b.s, a.e];
      }
      if (end < 0) continue;
      if (r.consume) {
        // an enumeration of b words ("des diplomates, des entrepreneurs, des étudiants") is the same phrase
        for (let grew = true; grew; ) {
          grew = false;
          for (const b of marked)
            if (b.role === r.bRole && b.s >= end && b.s - end < 3 && !hardBetween(s, end, b.s)) {
              end = b.e;
              grew = true;
            }
        }
        consumed.push([start, end]);
      }
      out.add(r.code);
      nearHit = true;
      trace?.(`near ${r.code}: ${s.w.slice(start, end).join(" ")}`);
    }
  }

  let context = false;
  for (let j = 0; j < s.n && !context; j++) context = hasRole(mask, j, R.context);
  if (!context && !nearHit) {
    trace?.("no cooperation word: nothing counts");
    return;
  }

  for (const x of found) {
    const c = x.cue;
    const what = trace ? s.w.slice(x.s, x.e).join(" ") : "";
    if (c.blocker || (!c.codes.length && !c.alt.length)) {
      trace?.(`blocker: ${what}`);
      continue;
    }
    if (consumed.some(([a, b]) => x.s >= a && x.e <= b)) {
      trace?.(`inside a near phrase: ${what}`);
      continue;
    }
    if (!c.codes.every((code) => m.nameExempt.has(code)) && inName(s, x, mask, R)) {
      trace?.(`in a name: ${what}`);
      continue;
    }
    if (c.weak && !weakOk(s, x.s, mask, R)) {
      trace?.(`weak, not governed: ${what}`);
      continue;
    }
    let codes = c.codes;
    for (const a of c.alt) {
      if ((a.ifRole < 0 || present & (1 << a.ifRole)) && (a.unlessRole < 0 || !(present & (1 << a.unlessRole)))) {
        codes = a.codes;
        break;
      }
    }
    if (codes.length === 1 && m.crimeRecode.has(codes[0]!) && namesCrime(s, x, mask, R)) codes = m.crimeRecode.get(codes[0]!)!;
    if (codes.some((code) => m.fightObjects.has(code)) && foughtAgainst(s, x.s, mask, R)) {
      trace?.(`object of a fight: ${what}`);
      codes = codes.filter((code) => !m.fightObjects.has(code));
    }
    trace?.(`cue ${codes.join("+") || "(none)"}: ${what}`);
    for (const code of codes) out.add(code);
  }
}

function hardBetween(s: Words, from: number, to: number): boolean {
  for (let j = from + 1; j <= to && j < s.n; j++) if (s.f[j]! & F_HARD) return true;
  return false;
}

/** "ministère (vietnamien) de la Sécurité publique", "Ministry of National Defence", "Defence Minister". */
function inName(s: Words, x: Found, mask: Int32Array, R: Roles): boolean {
  let prep = false;
  const upper = (s.f[x.s]! & F_UPPER) !== 0;
  for (let h = x.s - 1; h >= 0 && x.s - h <= 5; h--) {
    const f = s.f[h + 1]!;
    // a name goes on past a comma only with capitalized words ("Minister of Land, Infrastructure and Transport")
    if (f & F_HARD || (f & F_SOFT && !(f & F_UPPER && upper))) break;
    if (f & F_PREP) prep = true;
    if (hasRole(mask, h, R.nameHead) || hasRole(mask, h, R.nameHeadCap)) {
      // the preposition may have been glued away ("ministères vietnamiensde la Sécurité publique")
      if (prep || (x.s - h <= 2 && upper)) return true;
      break;
    }
    if (hasRole(mask, h, R.context)) break;
  }
  // "Defence Minister" names a body; "wildfires, the minister said" does not
  if (x.e < s.n && !(s.f[x.e]! & (F_HARD | F_SOFT))) {
    if (hasRole(mask, x.e, R.postHead)) return true;
    if (hasRole(mask, x.e, R.postHeadCap) && upper && s.f[x.e]! & F_UPPER) return true;
  }
  return false;
}

const WEAK_CONTEXT = 12; // words before a weak cue where its cooperation word may be
const WEAK_BLOCK = 6; // words before a weak cue where a threat, purpose or background word rules it

/** A weak cue needs a cooperation word shortly before it; a purpose or background word before it, or a
 * threat word with no cooperation word between, makes it a passing mention. */
function weakOk(s: Words, i: number, mask: Int32Array, R: Roles): boolean {
  let ctx = false;
  for (let j = i - 1; j >= 0 && i - j <= WEAK_CONTEXT; j--) {
    if (s.f[j + 1]! & F_HARD) break;
    if (i - j <= WEAK_BLOCK && (hasRole(mask, j, R.purpose) || hasRole(mask, j, R.background))) return false;
    if (!ctx && i - j <= WEAK_BLOCK && hasRole(mask, j, R.threat)) return false;
    if (hasRole(mask, j, R.context)) ctx = true;
  }
  return ctx;
}

/** "commercial and tourism-related crimes", "criminalité liée au tourisme". */
function namesCrime(s: Words, x: Found, mask: Int32Array, R: Roles): boolean {
  for (let j = x.e; j < s.n && j - x.e <= 3; j++) {
    if (s.f[j]! & BREAK) break;
    if (hasRole(mask, j, R.crimeHead)) return true;
  }
  let link = false;
  for (let j = x.s - 1; j >= 0 && x.s - j <= 3; j--) {
    if (s.f[j + 1]! & BREAK) break;
    if (hasRole(mask, j, R.crimeLink)) link = true;
    else if (hasRole(mask, j, R.crimeHead)) return link;
  }
  return false;
}

/** "la lutte contre la production, les transports, le commerce ... de drogues". */
function foughtAgainst(s: Words, i: number, mask: Int32Array, R: Roles): boolean {
  for (let j = i - 1; j >= 0 && i - j <= 6; j--) {
    if (s.f[j + 1]! & F_HARD) break;
    if (hasRole(mask, j, R.fight)) return true;
    if (hasRole(mask, j, R.context)) break;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Fields of cooperation of an article: every code that some sentence of its main text supports, with those
 * sentences as evidence (offsets passed through as given). Codes come in the order they first appear.
 */
export function detectAreas(sentences: SentenceInput[], lang: Lang): AreaHit[] {
  const m = model(lang);
  const hits = new Map<string, AreaHit>();
  const codes = new Set<string>();
  for (const sent of sentences) {
    codes.clear();
    sentenceCodes(sent.text, m, codes);
    for (const code of codes) {
      let h = hits.get(code);
      if (!h) hits.set(code, (h = { code, evidence: [] }));
      const last = h.evidence[h.evidence.length - 1];
      if (!last || last.start !== sent.start || last.end !== sent.end) h.evidence.push({ start: sent.start, end: sent.end });
    }
  }
  return [...hits.values()];
}

/** For working on the data: how one sentence is read (its words, each cue and why it counts or not). */
export function explainSentence(text: string, lang: Lang): string[] {
  const lines: string[] = [];
  const codes = new Set<string>();
  sentenceCodes(text, model(lang), codes, (l) => lines.push(l));
  lines.push(`codes: ${[...codes].join(" ") || "-"}`);
  return lines;
}
