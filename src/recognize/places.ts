// Gazetteer matcher: finds countries, demonyms, compound prefixes, cities, regions and international
// organizations in French or English text.
//
// Algorithm: one pass over word tokens (letters, marks, digits, '_'; a '+' glued to a word is its own token),
// each folded (lower case, no diacritics). A trie keyed by folded tokens gives, at every token, the longest
// run of following tokens that spells a lexicon form, provided the gaps between them are a space, hyphen,
// apostrophe or period. Candidates are tried from longest to shortest; each must pass its case policy
// (exact spelling for acronyms, capital initial for proper names), place context for ambiguous words
// ("à Nice"), and the hyphen test for prefixes ("sino-"). Leftmost-longest, non-overlapping.
import {
  acronymGuardFollowers,
  entityById,
  foldToken,
  lexicon,
  placeArticleWords,
  placeContextWords,
  type CasePolicy,
  type Lang,
  type LexEntry,
  type MentionKind,
} from '../kb/index.js';

export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
  iso3: string | null;
  id: string;
  /** canonical name of the referenced entity in the text's language (for demonyms and prefixes: the country or region) */
  name: string;
}

// ---------------------------------------------------------------------------------------------
// Character classes

/** 1 = word character (letter, mark, digit, '_') for every BMP code unit; surrogates count as non-word. */
const WORD: Uint8Array = (() => {
  const t = new Uint8Array(65536);
  const re = /[\p{L}\p{M}\p{N}_]/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (c < 128) {
      t[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 ? 1 : 0;
    } else if (re.test(String.fromCharCode(c))) {
      t[c] = 1;
    }
  }
  return t;
})();

const isHyphen = (c: number): boolean => c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2013;
const isApos = (c: number): boolean => c === 39 || c === 0x2019 || c === 0x02bc;
const isSpace = (c: number): boolean => c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 9;
/** separators allowed inside a multi-word form: space, hyphen (not en dash), apostrophe, period */
const isJoiner = (c: number): boolean => isSpace(c) || c === 45 || c === 0x2010 || c === 0x2011 || isApos(c) || c === 46;

function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = text[i] ?? '';
  return ch !== ch.toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Compiled matcher

interface Candidate {
  readonly kind: LexEntry['kind'];
  readonly policy: CasePolicy;
  readonly ctx: boolean;
  readonly prefix: boolean;
  /** text the span must equal for acr/exact policies (apostrophes normalized to ') */
  readonly surface: string;
  /** 'cap' form that starts with an article ("La Réunion", "Le Cap"): the word after it must be capitalized too */
  readonly capSecond: boolean;
  /** short letters-only acronym: rejected inside all-caps lines */
  readonly shortAcr: boolean;
  /** null for blockers */
  readonly payload: Readonly<Omit<PlaceMention, 'start' | 'end' | 'text'>> | null;
}

interface TrieNode {
  cands: Candidate[] | null;
  next: Map<string, TrieNode> | null;
}

const KIND_RANK: Readonly<Record<LexEntry['kind'], number>> = { country: 0, region: 1, city: 2, igo: 3, prefix: 4, demonym: 5, block: 6 };

interface TokenBuffers {
  start: Int32Array;
  end: Int32Array;
  fold: string[];
}

/** Tokenizes into the given buffers (grown as needed); returns the token count. */
function tokenize(text: string, buf: TokenBuffers, cache: Map<string, string>): number {
  let n = 0;
  const len = text.length;
  let i = 0;
  while (i < len) {
    let c = text.charCodeAt(i);
    if (WORD[c] !== 1) {
      i++;
      continue;
    }
    const s = i;
    let ascii = true;
    let upper = false;
    do {
      if (c >= 128) ascii = false;
      else if (c >= 65 && c <= 90) upper = true;
      i++;
      c = i < len ? text.charCodeAt(i) : 0;
    } while (i < len && WORD[c] === 1);
    if (n + 2 > buf.start.length) grow(buf);
    const tok = text.slice(s, i);
    let f: string;
    if (ascii) f = upper ? tok.toLowerCase() : tok;
    else {
      const hit = cache.get(tok);
      if (hit !== undefined) f = hit;
      else {
        f = foldToken(tok);
        if (cache.size > 50000) cache.clear();
        cache.set(tok, f);
      }
    }
    buf.start[n] = s;
    buf.end[n] = i;
    buf.fold[n] = f;
    n++;
    if (c === 43 /* + */) {
      buf.start[n] = i;
      buf.end[n] = i + 1;
      buf.fold[n] = '+';
      n++;
      i++;
    }
  }
  return n;
}

function grow(buf: TokenBuffers): void {
  const size = Math.max(1024, buf.start.length * 2);
  const s = new Int32Array(size);
  s.set(buf.start);
  const e = new Int32Array(size);
  e.set(buf.end);
  buf.start = s;
  buf.end = e;
}

function formTokens(form: string): { folds: string[]; first: number; last: number } {
  const buf: TokenBuffers = { start: new Int32Array(64), end: new Int32Array(64), fold: [] };
  const n = tokenize(form, buf, new Map());
  return { folds: buf.fold.slice(0, n), first: n ? buf.start[0]! : 0, last: n ? buf.end[n - 1]! : 0 };
}

/**
 * A place matcher for one text language. It owns its scratch buffers and fold cache, so a pipeline can
 * hold one per worker; `findPlaces` uses a shared default instance per language.
 */
export class PlaceMatcher {
  readonly lang: Lang;
  private readonly root = new Map<string, TrieNode>();
  private readonly ctxWords: ReadonlySet<string>;
  private readonly articles: ReadonlySet<string>;
  private readonly guards: readonly number[];
  private readonly buf: TokenBuffers = { start: new Int32Array(1024), end: new Int32Array(1024), fold: [] };
  private readonly foldCache = new Map<string, string>();
  private path: TrieNode[] = [];

  constructor(lang: Lang) {
    this.lang = lang;
    this.ctxWords = placeContextWords(lang);
    this.articles = placeArticleWords(lang);
    this.guards = acronymGuardFollowers().map((s) => s.charCodeAt(0));
    for (const e of lexicon()) {
      if (e.lang !== '*' && e.lang !== lang) continue;
      this.add(e);
    }
    const sortNode = (m: Map<string, TrieNode>): void => {
      for (const node of m.values()) {
        node.cands?.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind]);
        if (node.next) sortNode(node.next);
      }
    };
    sortNode(this.root);
  }

  private add(e: LexEntry): void {
    const { folds, first, last } = formTokens(e.form);
    if (!folds.length) return;
    let payload: Candidate['payload'] = null;
    if (e.kind !== 'block') {
      const ent = entityById(e.id);
      if (!ent) return;
      payload = Object.freeze({ kind: e.kind, iso3: ent.iso3, id: ent.id, name: ent.name[this.lang] });
    }
    const surface = e.form.slice(first, last).replace(/[’ʼ]/g, "'");
    const cand: Candidate = {
      kind: e.kind,
      policy: e.policy,
      ctx: e.ctx,
      prefix: e.kind === 'prefix',
      surface,
      capSecond: e.policy === 'cap' && folds.length > 1 && this.articles.has(folds[0]!),
      shortAcr: e.policy === 'acr' && surface.length <= 3 && /^\p{Lu}+$/u.test(surface),
      payload,
    };
    let level = this.root;
    let node: TrieNode | undefined;
    for (let i = 0; i < folds.length; i++) {
      const f = folds[i]!;
      node = level.get(f);
      if (!node) {
        node = { cands: null, next: null };
        level.set(f, node);
      }
      if (i < folds.length - 1) level = node.next ??= new Map();
    }
    (node!.cands ??= []).push(cand);
  }

  /** All place mentions in `text`, in text order, non-overlapping (leftmost-longest). */
  find(text: string): PlaceMention[] {
    const n = tokenize(text, this.buf, this.foldCache);
    const { start, end, fold } = this.buf;
    const out: PlaceMention[] = [];
    const path = this.path;
    let t = 0;
    while (t < n) {
      const first = this.root.get(fold[t]!);
      if (!first || (start[t]! > 0 && text.charCodeAt(start[t]! - 1) === 64 /* @handle */)) {
        t++;
        continue;
      }
      let depth = 0;
      path[depth++] = first;
      let node = first;
      let u = t;
      while (node.next && u + 1 < n && this.gapOk(text, end[u]!, start[u + 1]!)) {
        const nx = node.next.get(fold[u + 1]!);
        if (!nx) break;
        node = nx;
        u++;
        path[depth++] = nx;
      }
      let next = t + 1;
      search: for (let d = depth - 1; d >= 0; d--) {
        const cands = path[d]!.cands;
        if (!cands) continue;
        const last = t + d;
        for (const c of cands) {
          if (!this.accept(text, c, t, last, n)) continue;
          if (c.payload) {
            const s = start[t]!;
            const e = end[last]!;
            out.push({ start: s, end: e, text: text.slice(s, e), ...c.payload });
          }
          next = last + 1;
          break search;
        }
      }
      t = next;
    }
    return out;
  }

  private gapOk(text: string, a: number, b: number): boolean {
    if (b === a) return true; // only around a glued '+'
    if (b - a > 3) return false;
    for (let k = a; k < b; k++) if (!isJoiner(text.charCodeAt(k))) return false;
    return true;
  }

  private accept(text: string, c: Candidate, t: number, last: number, n: number): boolean {
    const { start, end } = this.buf;
    const s = start[t]!;
    const e = end[last]!;
    if (c.prefix) {
      // "sino-vietnamien": the prefix must be glued by a hyphen to a following word
      if (!isHyphen(text.charCodeAt(e)) || WORD[text.charCodeAt(e + 1)] !== 1) return false;
    }
    switch (c.policy) {
      case 'i':
        break;
      case 'cap':
        if (!isUpperAt(text, s)) return false;
        if (c.capSecond && !isUpperAt(text, start[t + 1]!)) return false;
        break;
      case 'acr':
      case 'exact': {
        if (e - s !== c.surface.length) return false;
        const span = text.slice(s, e);
        if (span !== c.surface && span.replace(/[’ʼ]/g, "'") !== c.surface) return false;
        if (c.policy === 'acr') {
          if (this.guards.includes(text.charCodeAt(e))) return false;
          if (c.shortAcr && this.inCapsLine(text, t, last, n)) return false;
        }
        break;
      }
    }
    if (c.ctx && !this.placeContext(text, t, last)) return false;
    return true;
  }

  /** True when the neighbouring words on the same line are all upper case ("UN MINISTRE", "VISITE AU VIETNAM"). */
  private inCapsLine(text: string, t: number, last: number, n: number): boolean {
    const { start, end } = this.buf;
    let seen = 0;
    for (const k of [t - 1, last + 1]) {
      if (k < 0 || k >= n) continue;
      const a = k < t ? end[k]! : end[last]!;
      const b = k < t ? start[t]! : start[k]!;
      if (text.slice(a, b).includes('\n')) continue;
      const w = text.slice(start[k]!, end[k]!);
      if (w.length < 2 || /\p{Ll}/u.test(w) || !/\p{Lu}.*\p{Lu}/u.test(w)) return false;
      seen++;
    }
    return seen > 0;
  }

  /** Token k directly precedes token k+1, separated only by a space or an apostrophe. */
  private adjacent(text: string, k: number): boolean {
    const a = this.buf.end[k]!;
    const b = this.buf.start[k + 1]!;
    if (b - a > 2) return false;
    for (let i = a; i < b; i++) {
      const c = text.charCodeAt(i);
      if (!isSpace(c) && !isApos(c)) return false;
    }
    return true;
  }

  /** "à Nice", "in Tours", "à la Réunion", or a dateline ("NICE, 6 mai -", "Victoria (AFP) -"). */
  private placeContext(text: string, t: number, last: number): boolean {
    const { start, end, fold } = this.buf;
    const s = start[t]!;
    let p = t - 1;
    if (p >= 0 && this.adjacent(text, p) && this.articles.has(fold[p]!)) p--;
    if (p >= 0 && this.adjacent(text, p) && this.ctxWords.has(fold[p]!)) return true;
    let k = s - 1;
    while (k >= 0 && isSpace(text.charCodeAt(k))) k--;
    if (k >= 0 && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) return false;
    let j = end[last]!;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    const c = text.charCodeAt(j);
    return c === 44 /* , */ || c === 40 /* ( */ || c === 0x2014 || c === 0x2013 || c === 45 || c === 58 /* : */;
  }
}

const defaults: Partial<Record<Lang, PlaceMatcher>> = {};

/** Finds place and organization mentions in French (`fr`) or English (`en`) text. Offsets index into `text`. */
export function findPlaces(text: string, lang: Lang): PlaceMention[] {
  const m = (defaults[lang] ??= new PlaceMatcher(lang));
  return m.find(text);
}
