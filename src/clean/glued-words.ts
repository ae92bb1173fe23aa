// Repairs words that lost the space between them when markup was stripped ("dela coordination",
// "auVietnam", "d’arméeTô Lâm", "renforçantl’échange") by inserting one space, and returns an OffsetMap from
// the repaired text back to the input. Nothing else in the text changes.
//
// A letter run is split only when it is not a word of the language in any case form (nor of a veto language,
// nor a kept camel-case name), and:
//  - lowercase glue: it reads as dictionary words with a function word of src/lang/<code>/glue.json on at least
//    one side of every join ("dansla", "secrétairedu", "de|la|coopération"), and that reading is the only best
//    one (readings with fewer parts, and with more function words or words seen standalone in the document,
//    win; a tie leaves the run alone);
//  - capitalized glue: a function word after a word used as a name, or as a common word, elsewhere in the same
//    document ("Bureaudu", "Lâmet", "Russieen"); at a sentence start, the lowercase rule when the run does not
//    look like a name ("Ila", "Publiéle"; not "Dela Cruz");
//  - a lower->Upper transition after a known lowercase word or function word ("auVietnam", "arméeTô"), or
//    between two names that both occur standalone in the document ("TrânDai", "PatrushevNikolai"; not "LeBlanc",
//    "McDonald", "YouTube");
//  - an elided article glued to the word before ("renforçantl’échange"), an English clitic glued to the word
//    after ("there’salso").
// Runs with digits, URLs, e-mail addresses, hashtags and all-caps acronyms are never touched; a run that recurs
// in the document is a word of it unless the split is made of function words only.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { decodeTrie, type ITrie } from "cspell-trie-lib";
import { OffsetMapBuilder, type OffsetMap } from "../core/offset-map.js";
import type { Lang } from "../lang/index.js";

export type { Lang };

export interface GlueRepair {
  /** the input with one space inserted inside each glued word */
  text: string;
  /** maps offsets of `text` back to the input */
  map: OffsetMap;
  /** raw offsets of each glued word; raw.slice(start, end) === parts.join("") */
  repairs: { start: number; end: number; parts: string[] }[];
}

interface GlueFile {
  dictionary: string;
  veto_dictionaries: string[];
  dictionary_apostrophe: string;
  function_words: string[];
  prefix_like: string[];
  elisions: string[];
  elision_before: string;
  one_letter_right: string[];
  clitics: string[];
  name_prefixes: string[];
  keep: string[];
}

const KNOWN = 1; // a word of the language, in some case form
const COMMON = 2; // its lowercase form is a word of the language (not only a proper name)
const VETO = 4; // a word of a veto language or a kept name
const VETO_DONE = 8; // the veto dictionaries were consulted

type WordTest = (w: string) => boolean;

/**
 * Exact (case- and accent-sensitive) lookup in a trie. Without forbidden or compound words, `trie.has` comes down to
 * `trie.data.has`, which answers 2-9 times faster (measured); the non-strict (case-folded) entries play no part.
 */
function wordTest(trie: ITrie): WordTest {
  if (trie.hasForbiddenWords || trie.hasCompoundWords) return (w) => trie.has(w);
  const data = trie.data;
  return (w) => data.has(w);
}

interface FnNode {
  end: boolean;
  next: Map<string, FnNode>;
}

/** The dictionaries and word lists of one language. Its only mutable state is a bounded lookup cache. */
export class GlueLexicon {
  readonly lang: Lang;
  private readonly has: WordTest;
  private readonly vetoHas: readonly WordTest[];
  private readonly apostrophe: string;
  private readonly functionWords: ReadonlySet<string>;
  private readonly prefixLike: ReadonlySet<string>;
  private readonly oneLetterRightSet: ReadonlySet<string>;
  /** elisions, longest first */
  private readonly elisions: readonly string[];
  private readonly elisionBefore: ReadonlySet<string>;
  /** clitics after an apostrophe, longest first */
  private readonly cliticList: readonly string[];
  private readonly namePrefixes: ReadonlySet<string>;
  private readonly keep: ReadonlySet<string>;
  private readonly maxFunctionLength: number;
  private readonly fnTrie: FnNode = { end: false, next: new Map() };
  private readonly cache = new Map<string, number>();

  constructor(lang: Lang, data: GlueFile, trie: ITrie, vetoTries: readonly ITrie[]) {
    this.lang = lang;
    this.has = wordTest(trie);
    this.vetoHas = vetoTries.map(wordTest);
    this.apostrophe = data.dictionary_apostrophe;
    this.functionWords = new Set(data.function_words.map((w) => w.toLowerCase()));
    this.prefixLike = new Set(data.prefix_like.map((w) => w.toLowerCase()));
    this.oneLetterRightSet = new Set(data.one_letter_right);
    this.elisions = [...data.elisions].map((w) => w.toLowerCase()).sort((a, b) => b.length - a.length);
    this.elisionBefore = new Set(data.elision_before);
    this.cliticList = data.clitics.map((w) => w.toLowerCase()).sort((a, b) => b.length - a.length);
    this.namePrefixes = new Set(data.name_prefixes);
    this.keep = new Set(data.keep);
    this.maxFunctionLength = Math.max(1, ...[...this.functionWords].map((w) => w.length));
    for (const fw of this.functionWords) {
      let node = this.fnTrie;
      for (const ch of fw) {
        let nx = node.next.get(ch);
        if (!nx) node.next.set(ch, (nx = { end: false, next: new Map() }));
        node = nx;
      }
      node.end = true;
    }
  }

  /** KNOWN | COMMON flags of a word (any case form the dictionary accepts); VETO computed only when asked. */
  private lookup(w: string, veto: boolean): number {
    let f = this.cache.get(w);
    if (f !== undefined && (!veto || f & (KNOWN | VETO_DONE))) return f;
    const a = w.includes("'") || w.includes("’") ? w.replace(/['’]/g, this.apostrophe) : w;
    const lower = a.toLowerCase();
    if (f === undefined) {
      f = 0;
      const cap = lower.charAt(0).toUpperCase() + lower.slice(1);
      if (this.has(lower)) f = KNOWN | COMMON;
      else if ((a !== lower && this.has(a)) || (cap !== a && cap !== lower && this.has(cap))) f = KNOWN;
    }
    if (veto && !(f & KNOWN)) {
      f |= VETO_DONE;
      if (this.keep.has(w)) f |= VETO;
      else {
        for (const has of this.vetoHas) {
          if (has(a) || (lower !== a && has(lower))) {
            f |= VETO;
            break;
          }
        }
      }
    }
    if (this.cache.size >= 200_000) this.cache.clear();
    this.cache.set(w, f);
    return f;
  }

  /** A word of the language in some case form ("Sécurité", "vietnam", "d’armée"). */
  isWord(w: string): boolean {
    return (this.lookup(w, false) & KNOWN) !== 0;
  }

  /** A word whose lowercase form is a word of the language ("Bureau", "Publié"; not "Russie"). */
  isCommonWord(w: string): boolean {
    return (this.lookup(w, false) & COMMON) !== 0;
  }

  /**
   * The dictionary lists the word capitalized as a name of its own ("Penny", "Grace", "Mark"), not only as an
   * ordinary word ("Policy", "Trade"): a capitalized ordinary word without such a form cannot be a given name.
   */
  isNameForm(w: string): boolean {
    const lower = w.toLowerCase();
    const cap = lower.charAt(0).toUpperCase() + lower.slice(1);
    return cap !== lower && this.has(cap);
  }

  /** A word that must never be split: a word of the language or of a veto language, or a kept name. */
  isProtected(w: string): boolean {
    return (this.lookup(w, true) & (KNOWN | VETO)) !== 0;
  }

  isFunctionWord(w: string): boolean {
    return w.length <= this.maxFunctionLength && this.functionWords.has(w.toLowerCase());
  }

  /** Ends of the function words that start at offset `i` of the lowercase word `w` (no allocation per try). */
  functionEnds(w: string, i: number): number[] {
    const ends: number[] = [];
    let node: FnNode | undefined = this.fnTrie;
    for (let k = i; k < w.length && node; k++) {
      node = node.next.get(w[k]!);
      if (node?.end) ends.push(k + 1);
    }
    return ends;
  }

  isPrefixLike(w: string): boolean {
    return this.prefixLike.has(w.toLowerCase());
  }

  /** may this one-letter function word end a glued token ("vietnamiena" -> "vietnamien a")? */
  oneLetterRight(w: string): boolean {
    return this.oneLetterRightSet.has(w.toLowerCase());
  }

  isNamePrefix(w: string): boolean {
    return this.namePrefixes.has(w);
  }

  get elisionForms(): readonly string[] {
    return this.elisions;
  }

  get clitics(): readonly string[] {
    return this.cliticList;
  }

  canPrecedeElided(ch: string): boolean {
    return this.elisionBefore.has(ch);
  }

  get functionLength(): number {
    return this.maxFunctionLength;
  }
}

const require = createRequire(import.meta.url);

/** Reads the trie of a cspell dictionary package (its cspell-ext.json names the file). */
function loadTrie(pkg: string): ITrie {
  const extPath = require.resolve(`${pkg}/cspell-ext.json`);
  const ext = JSON.parse(readFileSync(extPath, "utf8")) as { dictionaryDefinitions: { path: string }[] };
  const def = ext.dictionaryDefinitions[0];
  if (!def) throw new Error(`glued-words: ${pkg} defines no dictionary`);
  const file = join(dirname(extPath), def.path);
  const buf = readFileSync(file);
  return decodeTrie(file.endsWith(".gz") ? gunzipSync(buf) : buf);
}

const tries = new Map<string, ITrie>();
function trieOf(pkg: string): ITrie {
  let t = tries.get(pkg);
  if (!t) {
    t = loadTrie(pkg);
    tries.set(pkg, t);
  }
  return t;
}

const lexicons = new Map<Lang, GlueLexicon>();

const STRING_FIELDS = ["dictionary", "dictionary_apostrophe", "elision_before"] as const;
const LIST_FIELDS = ["veto_dictionaries", "function_words", "prefix_like", "elisions", "one_letter_right", "clitics", "name_prefixes", "keep"] as const;

function validate(lang: Lang, raw: unknown): GlueFile {
  const o = raw as Record<string, unknown>;
  for (const k of STRING_FIELDS) if (typeof o[k] !== "string") throw new Error(`lang/${lang}/glue.json: "${k}" must be a string`);
  for (const k of LIST_FIELDS) {
    const v = o[k];
    if (!Array.isArray(v) || !v.every((x) => typeof x === "string" && x.length > 0)) throw new Error(`lang/${lang}/glue.json: "${k}" must be a list of words`);
  }
  return o as unknown as GlueFile;
}

/** Loads the dictionaries and glue.json of a language once and caches the lexicon. */
export function loadGlueLexicon(lang: Lang): GlueLexicon {
  const hit = lexicons.get(lang);
  if (hit) return hit;
  const data = validate(lang, JSON.parse(readFileSync(new URL(`../lang/${lang}/glue.json`, import.meta.url), "utf8")));
  const lex = new GlueLexicon(lang, data, trieOf(data.dictionary), data.veto_dictionaries.map(trieOf));
  lexicons.set(lang, lex);
  return lex;
}

// ---------------------------------------------------------------------------------------------------------
// Per-document evidence: how often a letter run occurs standalone, asked only when a rule needs it.

class DocWords {
  private readonly memo = new Map<string, { all: number; names: number }>();
  /** `elides`: a run glued to an apostrophe is an elided form ("l’", a glued "quel’"), not a standalone word */
  constructor(
    private readonly text: string,
    private readonly elides: boolean,
  ) {}
  // A document asks about few runs (the parts of its unknown tokens): searching the text for each is cheaper
  // than indexing every run of it (measured).
  private find(w: string): { all: number; names: number } {
    let hit = this.memo.get(w);
    if (hit) return hit;
    const t = this.text;
    let all = 0;
    let names = 0;
    const cap = isUpper(w[0]!);
    for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) {
      const e = i + w.length;
      if (i > 0 && isLetterCode(t.charCodeAt(i - 1))) continue;
      if (e < t.length && isLetterCode(t.charCodeAt(e))) continue;
      if (this.elides && isApostrophe(t[e]) && e + 1 < t.length && isLetterCode(t.charCodeAt(e + 1))) continue;
      all++;
      if (cap && !isSentenceStart(t, i)) names++;
    }
    hit = { all, names };
    this.memo.set(w, hit);
    return hit;
  }
  /** standalone occurrences of a letter run, as written */
  count(w: string): number {
    return this.find(w).all;
  }
  /** occurrences as written or in lowercase */
  seen(w: string): number {
    const lower = w.toLowerCase();
    return this.count(w) + (lower !== w ? this.count(lower) : 0);
  }
  /** occurrences of a capitalized run inside a sentence (used as a name, not capitalized by position) */
  asName(w: string): number {
    return this.find(w).names;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Character classes

const isUpper = (c: string) => c !== c.toLowerCase();
const isLower = (c: string) => c !== c.toUpperCase();
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isApostrophe = (c: string | undefined) => c === "'" || c === "’";
/** letter or combining mark, memoized per UTF-16 code unit (0: not computed, 1: yes, 2: no) */
const letterCodes = new Uint8Array(65536);
function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  let v = letterCodes[c]!;
  if (v === 0) {
    v = /[\p{L}\p{M}]/u.test(String.fromCharCode(c)) ? 1 : 2;
    letterCodes[c] = v;
  }
  return v === 1;
}
const isLetter = (c: string | undefined) => c !== undefined && isLetterCode(c.charCodeAt(0));
const isSpace = (c: string) => c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\u00a0" || c === "\u202f";
/** characters after which a capitalized word starts a sentence */
const SENTENCE_END = new Set([".", "!", "?", "…", ":", "–", "—", "|", "•"]);
/** opening characters skipped when looking back for a sentence start */
const OPENERS = new Set(["«", "“", '"', "‘", "'", "(", "[", "{", "*", "-", " ", "\t", "\u00a0", "\u202f", "\r"]);
const URLISH = /:\/\/|^www\.|@|[\p{L}\p{N}]\.\p{Ll}{2,}/u;

interface Context {
  /** the token starts a sentence (its capital may be positional) */
  sentenceStart: boolean;
  /** the next word is capitalized (the token may be part of a name: "Dela Cruz") */
  nextCapitalized: boolean;
  /** the previous word is capitalized too ("General Metin Gurak": the token sits inside a name) */
  prevCapitalized?: boolean;
}

const MID: Context = { sentenceStart: false, nextCapitalized: false };

/** A token that recurs this often in a document is one of its words (a term, a name), not an accident of markup. */
const RECURRING = 2;
/** At most this many parts come out of one glued lowercase token. */
const MAX_PARTS = 4;

/** Split points for a letter run that may be a word of a veto language or a kept name. */
function splitUnknown(w: string, lex: GlueLexicon, doc: DocWords, ctx: Context): number[] | null {
  const cuts = splitRun(w, lex, doc, ctx);
  return cuts && !lex.isProtected(w) ? cuts : null;
}

/**
 * Split points (offsets inside `w`) for a letter run that is not a word of the language, or null. `w` has no
 * apostrophe, hyphen or digit. Veto dictionaries are consulted by the caller, only when a split is proposed.
 */
function splitRun(w: string, lex: GlueLexicon, doc: DocWords, ctx: Context): number[] | null {
  if (w.length < 3) return null;
  let hasLower = false;
  let upper = 0;
  let transition = false;
  let lowerFrom = -1; // index of the first lowercase letter
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!;
    if (isUpper(c)) {
      upper++;
      if (i > 0 && isLower(w[i - 1]!)) transition = true;
    } else if (isLower(c)) {
      if (!hasLower) lowerFrom = i;
      hasLower = true;
    }
  }
  if (!hasLower) return null; // acronym (or a script without case)
  if (transition) return splitCamel(w, lex, doc, ctx);
  if (upper === 0) return splitLower(w, lex, doc, false) ?? splitTwoWords(w, lex, doc);
  if (upper === 1) return splitCapitalized(w, lex, doc, ctx) ?? (isUpper(w[0]!) ? splitTwoWords(w, lex, doc) : null);
  if (lowerFrom === upper) return splitAcronym(w, upper, lex, doc);
  return null;
}

/**
 * "Sécuritépublique", "trafichumain", "sécuritémaritime": two content words glued with no function word. Only
 * when the one way to cut the token gives two dictionary words of 4+ letters that both occur standalone in the
 * same document, so names and rare words are left alone.
 */
function splitTwoWords(w: string, lex: GlueLexicon, doc: DocWords): number[] | null {
  if (w.length < 8) return null;
  let cut = -1;
  for (let i = 4; i <= w.length - 4; i++) {
    const a = w.slice(0, i);
    const b = w.slice(i);
    if (!lex.isWord(a) || !lex.isWord(b)) continue;
    if (doc.seen(a) < 1 || doc.seen(b) < 1) continue;
    if (cut >= 0) return null; // two ways to cut: leave it
    cut = i;
  }
  return cut >= 0 ? [cut] : null;
}

/** Is `p` acceptable as a content part of a split (a dictionary word of `min`+ letters)? */
const contentWord = (p: string, lex: GlueLexicon, min = 3) => p.length >= min && lex.isWord(p);

/**
 * "dansla", "secrétairedu", "delacoopération", "lagestiondesdonnées": dictionary words with a function word on
 * at least one side of every join. `strictFront`: a function word may not precede a content word that does not
 * occur standalone in the document (used for tokens capitalized at a sentence start: "Lemaire" is not "Le maire").
 */
function splitLower(w: string, lex: GlueLexicon, doc: DocWords, strictFront: boolean): number[] | null {
  const n = w.length;
  const recurring = doc.count(w) >= RECURRING;
  // function words starting at each offset
  const fnEnds: number[][] = [];
  for (let i = 0; i < n; i++) fnEnds.push(lex.functionEnds(w, i));
  // A reading is a segmentation into function words and dictionary words with a function word on at least one
  // side of every join. It is weak when it lacks the evidence a plain reading needs: a content word that is not
  // seen standalone after a prefix-like function word ("on|boarding", "a|sign") or in a token that recurs
  // ("pest|is"), a one-letter function word ending the token where the language does not allow it
  // ("within|a"). Readings rank by fewer parts, then by how many parts are function words or content words
  // seen standalone in the document ("of|the" over "oft|he", "que|la" over "quel|a"). The token is split only
  // when a single reading has the top rank and it is not weak; otherwise it is left alone ("itsown": "its own"
  // or "it sown"?, "ilsont": "ils ont" or "il sont"?).
  let best: number[] | null = null;
  let bestRank = -Infinity;
  let bestTie = -Infinity;
  let topCount = 0;
  let bestWeak = false;
  const cuts: number[] = [];
  const parts: { s: number; e: number; fn: boolean; seen: boolean }[] = [];

  const finish = (weak: boolean) => {
    if (parts.length < 2) return;
    // three or more parts: one content word at most, of 4+ letters, and no one-letter part ("de|la|coopération",
    // not "coordonner|ont|étroitement", "a|près|a|voir", "meg|a|cities")
    if (parts.length > 2) {
      let content = 0;
      for (const p of parts) {
        if (p.e - p.s === 1 || (!p.fn && p.e - p.s < 4)) return;
        if (!p.fn) content++;
      }
      if (content > 1) return;
      // two neighbours that make one word are that word ("an|other|wondered", "over|all|cost")
      for (let k = 0; k + 1 < parts.length; k++) if (lex.isWord(w.slice(parts[k]!.s, parts[k + 1]!.e))) return;
    }
    const last = parts[parts.length - 1]!;
    if (last.fn && last.e - last.s === 1 && !lex.oneLetterRight(w.slice(last.s, last.e))) weak = true;
    let rank = -parts.length * 1000;
    let tie = 0;
    for (const p of parts) {
      const len = p.e - p.s;
      if (p.fn || p.seen) rank++;
      tie += len * len; // within a rank (variants of one reading): one long part
    }
    if (rank > bestRank) {
      bestRank = rank;
      bestTie = tie;
      topCount = 1;
      bestWeak = weak;
      best = cuts.slice(0, parts.length - 1);
    } else if (rank === bestRank) {
      topCount++;
      if (tie > bestTie) {
        bestTie = tie;
        bestWeak = weak;
        best = cuts.slice(0, parts.length - 1);
      }
    }
  };

  // gate on a content word after a function word: 0 none, 1 it must be seen standalone, 2 always weak (the
  // function word is also a prefix: "sur|exploitation", "out|shot")
  const go = (i: number, prevFn: boolean, gate: number, weak: boolean) => {
    if (i === n) return finish(weak);
    if (parts.length === MAX_PARTS) return;
    if (i > 0) cuts[parts.length - 1] = i;
    for (const e of fnEnds[i]!) {
      parts.push({ s: i, e, fn: true, seen: true });
      go(e, true, lex.isPrefixLike(w.slice(i, e)) ? 2 : strictFront && i === 0 ? 1 : 0, weak);
      parts.pop();
    }
    // a content word: only after a function word (or first), and followed by a function word (or last)
    if (i > 0 && !prevFn) return;
    for (let e = i + 3; e <= n; e++) {
      if (e < n && fnEnds[e]!.length === 0) continue;
      const p = w.slice(i, e);
      if (lex.isFunctionWord(p) || !contentWord(p, lex)) continue;
      const seen = doc.seen(p) > 0;
      parts.push({ s: i, e, fn: false, seen });
      go(e, false, 0, weak || gate === 2 || (!seen && (gate === 1 || recurring)));
      parts.pop();
    }
  };
  go(0, true, 0, false);
  return best && topCount === 1 && !bestWeak ? best : null;
}

/**
 * A capitalized token: "Bureaudu", "Lâmet", "Russieen" (a function word glued after a word that occurs as a name
 * or as a common word elsewhere in the document); at a sentence start also "Lesdeux", "Ila", "Publiéle".
 */
function splitCapitalized(w: string, lex: GlueLexicon, doc: DocWords, ctx: Context): number[] | null {
  const max = lex.functionLength;
  const atStart = ctx.sentenceStart && !ctx.nextCapitalized;
  let counted = false;
  for (let i = w.length - 1; i >= 2 && w.length - i <= max; i--) {
    const right = w.slice(i);
    if (!lex.isFunctionWord(right) || (right.length === 1 && !lex.oneLetterRight(right))) continue;
    const left = w.slice(0, i);
    if (lex.isFunctionWord(left)) continue; // two function words: only at a sentence start, below
    if (!counted) {
      if (doc.count(w) >= RECURRING) return null; // a name ("Juston Burris ... Juston")
      counted = true;
    }
    if (doc.asName(left) > 0) return [i];
    // ... but between two capitalized words the token is more likely a name of its own ("General Metin Gurak")
    if (right.length > 1 && left.length >= 3 && lex.isCommonWord(left) && doc.count(left.toLowerCase()) > 0 && !(ctx.prevCapitalized && ctx.nextCapitalized)) return [i];
  }
  // at a sentence start the capital may be positional: repair it as a lowercase token, unless it looks like a
  // name (it recurs, occurs inside a sentence, or is followed by another capitalized word: "Dela Cruz")
  if (!atStart || (!counted && doc.count(w) >= RECURRING) || doc.asName(w) > 0) return null;
  const cuts = splitLower(w.toLowerCase(), lex, doc, true);
  if (!cuts) return null;
  const first = w.slice(0, cuts[0]);
  return lex.isFunctionWord(first) || lex.isCommonWord(first) ? cuts : null;
}

/** "UNECEde", "OTANet": an acronym that occurs standalone in the document, then a function word. */
function splitAcronym(w: string, upper: number, lex: GlueLexicon, doc: DocWords): number[] | null {
  const rest = w.slice(upper);
  if (upper < 2 || rest.length < 2 || !lex.isFunctionWord(rest)) return null;
  return doc.count(w.slice(0, upper)) > 0 ? [upper] : null;
}

/** Lower->Upper transitions: "auVietnam", "arméeTô", "TrânDai", "PatrushevNikolaiPlatonovich", "EnFrance". */
function splitCamel(w: string, lex: GlueLexicon, doc: DocWords, ctx: Context): number[] | null {
  const marks: number[] = [];
  for (let i = 1; i < w.length; i++) if (isUpper(w[i]!) && isLower(w[i - 1]!)) marks.push(i);
  const cuts: number[] = [];
  let from = 0;
  for (let k = 0; k < marks.length; k++) {
    const at = marks[k]!;
    const left = w.slice(from, at);
    const right = w.slice(at, marks[k + 1] ?? w.length);
    if (splitsAt(left, right, lex, doc, from === 0 && ctx.sentenceStart)) {
      cuts.push(at);
      from = at;
    }
  }
  if (cuts.length === 0) return null;
  // each piece may itself be glued ("delaRussie" -> "dela" + "Russie" -> "de la Russie")
  const out: number[] = [];
  const bounds = [0, ...cuts, w.length];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const s = bounds[k]!;
    if (k > 0) out.push(s);
    const piece = w.slice(s, bounds[k + 1]!);
    const inner = lex.isWord(piece) ? null : splitUnknown(piece, lex, doc, k === 0 ? ctx : MID);
    if (inner) for (const c of inner) out.push(s + c);
  }
  return out;
}

function splitsAt(left: string, right: string, lex: GlueLexicon, doc: DocWords, sentenceStart: boolean): boolean {
  if (right.length < 2) return false;
  const rightCapitalized = isLower(right[1]!);
  const fl = lex.isFunctionWord(left);
  if (isLower(left[0]!)) {
    // a known lowercase word or function word before a capitalized word (or an acronym after a function word)
    if (fl) return true;
    if (rightCapitalized && left.length >= 2 && lex.isWord(left)) return true;
    // a glued lowercase token ("delaRussie", "oftheUS"): before an acronym it must end in a function word
    const inner = splitLower(left, lex, doc, false);
    return inner !== null && (rightCapitalized || lex.isFunctionWord(left.slice(inner[inner.length - 1]!)));
  }
  if (!rightCapitalized || lex.isProtected(left + right)) return false;
  // a function word capitalized at a sentence start, when the rest occurs standalone: "EnFrance" (but not
  // "WeWork", "SoFi", "LeBlanc", "DeSantis" inside a sentence)
  if (fl) return sentenceStart && doc.count(left + right) < RECURRING && doc.count(right) > 0;
  if (lex.isNamePrefix(left)) return false;
  // two names ("TrânDai", "PatrushevNikolai"), not words ("FromSoftware", "PlayStation"): both occur standalone
  if (lex.isCommonWord(left) || lex.isCommonWord(right)) return false;
  return doc.count(left) > 0 && doc.count(right) > 0;
}

/**
 * "renforçantl’échange" -> "renforçant" + "l’", "asoulignél’" -> "a" + "souligné" + "l’": split points inside
 * `w` (the run before the apostrophe), or null.
 */
function splitElision(w: string, next: string, lex: GlueLexicon, doc: DocWords, ctx: Context): number[] | null {
  const forms = lex.elisionForms;
  if (forms.length === 0 || w.length < 2) return null;
  if (!lex.canPrecedeElided(next.charAt(0))) return null;
  const lower = w.toLowerCase();
  if (forms.includes(lower)) return null;
  for (const e of forms) {
    if (lower.length <= e.length || !lower.endsWith(e)) continue;
    const left = w.slice(0, w.length - e.length);
    if (lex.isFunctionWord(left)) return [left.length];
    if (contentWord(left, lex)) {
      if (lex.isProtected(w)) continue; // "grand’rue": the whole run is a word
      return [left.length];
    }
    // the run before is glued too ("asoulignél’importance"); not "aujourd’huila"
    if (left.length >= 3 && !lex.isWord(left) && lex.isWord(next)) {
      const inner = splitUnknown(left, lex, doc, ctx);
      if (inner) return [...inner, left.length];
    }
  }
  return null;
}

/** "there’salso" -> "s" + "also", "isn’tabout" -> "t" + "about": a clitic glued to the next word. */
function splitClitic(w: string, lex: GlueLexicon, doc: DocWords): number[] | null {
  const lower = w.toLowerCase();
  for (const c of lex.clitics) {
    if (lower.length < c.length + 2 || !lower.startsWith(c)) continue;
    const rest = w.slice(c.length);
    if (lex.isFunctionWord(rest) || contentWord(rest, lex)) return [c.length];
    const inner = splitUnknown(rest, lex, doc, MID);
    if (inner) return [c.length, ...inner.map((k) => k + c.length)];
  }
  return null;
}

function partsOf(w: string, cuts: readonly number[]): string[] {
  const parts: string[] = [];
  let s = 0;
  for (const c of cuts) {
    parts.push(w.slice(s, c));
    s = c;
  }
  parts.push(w.slice(s));
  return parts;
}

function isSentenceStart(text: string, s: number): boolean {
  let i = s - 1;
  while (i >= 0) {
    const c = text[i]!;
    if (c === "\n") return true;
    if (!OPENERS.has(c)) return SENTENCE_END.has(c) && !(c === "." && afterTitleOrInitial(text, i));
    i--;
  }
  return true;
}

/** Is the period at `dot` the end of an initial or a short title ("V. Poutine", "M. Lemoine", "Dr. Wang")? */
function afterTitleOrInitial(text: string, dot: number): boolean {
  let a = dot;
  while (a > 0 && isLetterCode(text.charCodeAt(a - 1))) a--;
  const len = dot - a;
  return len >= 1 && len <= 3 && isUpper(text[a]!) && (a === 0 || !isLetterCode(text.charCodeAt(a - 1)));
}

function prevIsCapitalized(text: string, s: number): boolean {
  let i = s - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\u00a0")) i--;
  if (i === s - 1) return false;
  let a = i;
  while (a > 0 && isLetterCode(text.charCodeAt(a - 1))) a--;
  return a <= i && isLetterCode(text.charCodeAt(a)) && isUpper(text[a]!);
}

function nextIsCapitalized(text: string, e: number): boolean {
  let i = e;
  while (i < text.length && (text[i] === " " || text[i] === "\u00a0")) i++;
  const c = text[i];
  return i > e && c !== undefined && isUpper(c) && isLetter(c);
}

/** The whitespace-delimited chunk around [s, e). */
function chunkAt(text: string, s: number, e: number): string {
  let a = s;
  let b = e;
  while (a > 0 && !isSpace(text[a - 1]!)) a--;
  while (b < text.length && !isSpace(text[b]!)) b++;
  return text.slice(a, b);
}

/** Splits glued words of `text` by inserting spaces; the map points back into `text`. */
export function repairGluedWords(text: string, lang: Lang, lexicon?: GlueLexicon): GlueRepair {
  const lex = lexicon ?? loadGlueLexicon(lang);
  const doc = new DocWords(text, lex.elisionForms.length > 0);
  const repairs: GlueRepair["repairs"] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isLetterCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    while (i < n && isLetterCode(text.charCodeAt(i))) i++;
    const e = i;
    if (e - s < 2) continue;
    const prev = text[s - 1];
    const next = text[e];
    if (isDigit(prev) || isDigit(next)) continue;
    if (suspectChunk(text, e, prev, next)) {
      const chunk = chunkAt(text, s, e);
      if (chunk.startsWith("#") || URLISH.test(chunk) || prev === "_" || next === "_") {
        while (i < n && !isSpace(text[i]!)) i++; // a URL, an e-mail address, a hashtag: skip the whole chunk
        continue;
      }
    }
    const w = text.slice(s, e);
    let cuts: number[] | null = null;
    let end = e;
    if (isApostrophe(next) && e + 1 < n && isLetterCode(text.charCodeAt(e + 1)) && (lex.elisionForms.length > 0 || !lex.isWord(w))) {
      let ne = e + 1;
      while (ne < n && isLetterCode(text.charCodeAt(ne))) ne++;
      if (!lex.elisionForms.includes(w.toLowerCase())) {
        // a word with an apostrophe is left alone, with the run after it ("aujourd’hui", "prud’homme")
        const whole = text.slice(s, ne);
        if (lex.isWord(whole)) {
          i = ne;
          continue;
        }
        cuts = splitElision(w, text.slice(e + 1, ne), lex, doc, { sentenceStart: isSentenceStart(text, s), nextCapitalized: false });
        if (cuts && (lex.isProtected(whole) || startsWithWord(text, s, e + 2, ne, lex))) {
          i = ne;
          continue;
        }
        if (cuts) end = e + 1;
      }
      // the run after the apostrophe is examined on its own
    }
    if (!cuts) {
      // the fast path: most runs are words of the language
      if (w.length < 3 || lex.isWord(w)) continue;
      if (isApostrophe(prev) && s >= 2 && isLetterCode(text.charCodeAt(s - 2)) && lex.clitics.length) cuts = splitClitic(w, lex, doc);
      if (!cuts) cuts = splitRun(w, lex, doc, { sentenceStart: isSentenceStart(text, s), nextCapitalized: nextIsCapitalized(text, e), prevCapitalized: prevIsCapitalized(text, s) });
      if (cuts && lex.isProtected(w)) cuts = null;
      if (cuts && (prev === "-" || next === "-")) {
        // a part of a hyphenated word: leave it when the whole compound is a word
        const chunk = chunkAt(text, s, e).replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
        if (chunk.includes("-") && lex.isProtected(chunk)) cuts = null;
      }
    }
    if (cuts && cuts.length) repairs.push({ start: s, end, parts: partsOf(text.slice(s, end), cuts) });
  }
  const b = new OffsetMapBuilder(text);
  let pos = 0;
  for (const r of repairs) {
    let at = r.start;
    for (let k = 0; k + 1 < r.parts.length; k++) {
      at += r.parts[k]!.length;
      b.copy(pos, at);
      b.replace(at, at, " ");
      pos = at;
    }
  }
  b.copy(pos, text.length);
  const { text: out, map } = b.build();
  return { text: out, map, repairs };
}

/** Is some text[s, k) with from <= k < to a word ("aujourd’hui" in a glued "aujourd’huila")? */
function startsWithWord(text: string, s: number, from: number, to: number, lex: GlueLexicon): boolean {
  for (let k = to - 1; k >= from; k--) if (lex.isWord(text.slice(s, k))) return true;
  return false;
}

/** Could the chunk around this run be a URL, an e-mail address or a hashtag? (cheap test before the real one) */
function suspectChunk(text: string, e: number, prev: string | undefined, next: string | undefined): boolean {
  if (prev === "#" || prev === "@" || prev === "_" || prev === "/" || prev === "." || prev === ":") return true;
  if (next === "@" || next === "_" || next === "/") return true;
  if (next === "." || next === ":") {
    const after = text.charCodeAt(e + 1);
    return e + 1 < text.length && (isLetterCode(after) || after === 47 /* / */);
  }
  return false;
}
