// Agreements across articles: its signing, later references and plans become one record.
//
// Two mentions can be one agreement only when (checked for every pair inside a cluster): they come from
// different articles; their kinds are compatible (the same, an agreement and a memorandum, or "other");
// their periods and dates do not clash; two reports of a signing (not background) lie in overlapping time
// (a signing is reported within a month of it: a plan signed again years later is another agreement); and
// their titles, when both have content words, are not unrelated.
// Evidence (links, strongest first): the states they share (at least two, or the one of a single-state
// agreement with an organization) and title overlap over content words (kind words, stop words and the names of
// states left out): a Dice coefficient of at least 0.6, or one title's words all within the other's.
// Articles known to report the same occasion pair their remaining mentions of the same kind, when one of the
// two titles has no content words and each is the other's only counterpart.
import { Blocks, stateFileKeys, stateLookupKeys } from "./blocking.js";
import { combineDates, datesClash, dayRange, precision, sameDay } from "./dates.js";
import { best, conflictsOf, support } from "./explain.js";
import { countryLookup, isoFromDemonym } from "../kb/index.js";
import type { AgreementView, MergedAgreement, OrgRef, SourceRef, StatusAt } from "./types.js";
import { shortId, ConstrainedClusters, words, cmp, onlyCounterparts } from "./util.js";

export interface AgreementReport {
  article: string;
  index: number;
  view: AgreementView;
  published: string | null;
}

const STOP = new Set([
  "the", "of", "on", "in", "and", "for", "to", "a", "an", "by", "with", "between", "under", "its", "their", "this",
  "that", "two", "both", "countries", "country", "sides", "new", "important", "another", "other", "following", "areas",
  "area", "field", "fields", "series", "several", "six", "three", "four", "five", "bilateral", "signed", "de", "du",
  "des", "la", "le", "les", "et", "en", "sur", "pour", "dans", "entre", "au", "aux", "d", "l", "un", "une", "deux",
  "pays", "avec", "par", "nouveau", "nouvel", "nouvelle", "bilateral", "bilaterale", "signe", "signee", "concernes",
  "concerne", "relatif", "relative", "matiere", "domaine", "domaines", "lors", "during",
]);
/** Words that say what kind of document it is, not which one. */
const KIND_WORDS = new Set([
  "agreement", "accord", "treaty", "traite", "convention", "memorandum", "memorandums", "memoranda", "understanding",
  "mou", "protocol", "protocole", "programme", "program", "plan", "declaration", "statement", "joint", "conjointe",
  "commune", "conjoint", "document", "documents", "instrument", "instruments", "cooperation", "collaboration",
  "letter", "lettre", "intent", "intention", "minutes", "proces", "verbal", "arrangement", "pact", "pacte", "charter",
  "charte", "framework", "cadre", "deal", "entente", "mutual", "mutuel", "mutuelle",
]);

// Light stemming: outlets word one document differently ("Recognition of Halal Certification" / "recognizing
// Halal certificates"). One derivational or inflectional ending comes off (English and French, on folded
// words), so "certification" and "certificates" meet while "investment" and "investigation" stay apart.
const SUFFIXES = ["ations", "ation", "itions", "ition", "ements", "ement", "ments", "ment", "ings", "ing", "ions", "ion",
  "ates", "ate", "ials", "ial", "ies", "es", "ed", "s", "e", "y"];
export function stem(t: string): string {
  if (t.length <= 4 || /\d/.test(t)) return t;
  let w = t;
  for (const suf of SUFFIXES) {
    if (w.length - suf.length >= 4 && w.endsWith(suf) && !(suf === "s" && w.endsWith("ss"))) {
      w = w.slice(0, -suf.length);
      break;
    }
  }
  // "recogniz(ing)", "recognis(ed)": the verb-forming ending too
  if (w.length > 6 && /i[zs]$/.test(w)) w = w.slice(0, -2);
  return w;
}

let kindStemSet: Set<string> | null = null;
/** Kind words as stemmed ("treaties" and "treaty" both come to "treat"). */
const kindStems = (): Set<string> => (kindStemSet ??= new Set([...KIND_WORDS].map(stem)));

/** Content words of a title: what tells one agreement from another between the same states. */
export function titleWords(title: string | null): Set<string> {
  const out = new Set<string>();
  for (const t of words(title)) {
    if (t.length < 2 && !/\d/.test(t)) continue;
    const s = stem(t);
    // the word lists hold singulars: "déclarations communes" is kind words only
    const singular = t.length > 4 && t.endsWith("s") && !t.endsWith("ss") ? t.slice(0, -1) : t;
    if ([t, singular, s].some((w) => STOP.has(w) || KIND_WORDS.has(w)) || kindStems().has(s)) continue;
    if (!/\d/.test(t) && (isoFromDemonym(t) || countryLookup(t))) continue;
    out.add(s);
  }
  return out;
}

/** Dice coefficient of two word sets (0 when either is empty). */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return (2 * n) / (a.size + b.size);
}

/** Every word of the smaller set is in the larger one (false when either is empty). */
export function contained(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (!a.size || !b.size) return false;
  const [s, l] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of s) if (!l.has(t)) return false;
  return true;
}

export function kindsFit(a: string, b: string): boolean {
  if (a === b || a === "other" || b === "other") return true;
  const doc = new Set(["agreement", "memorandum"]);
  return doc.has(a) && doc.has(b);
}

interface R {
  src: AgreementReport;
  countries: string[];
  words: Set<string>;
  /** days a reported signing can lie in (null: not a reported signing, or unknown) */
  window: [number, number] | null;
}

/** Title overlap that links two mentions: Dice at least this, or every content word of one is in the other. */
const MIN_TITLE = 0.6;
const MIN_TITLE_IN_CLUSTER = 0.3;

const periodKey = (v: AgreementView): string | null => (v.period ? `${v.period.from ?? ""}-${v.period.to ?? ""}` : null);

function fits(a: R, b: R): boolean {
  return a.src.article !== b.src.article && attributesFit(a, b);
}
/** `fits` but for the article: reads only what `signature` holds. */
function attributesFit(a: R, b: R): boolean {
  const x = a.src.view, y = b.src.view;
  if (!kindsFit(x.kind, y.kind)) return false;
  const pa = periodKey(x), pb = periodKey(y);
  if (pa && pb && pa !== pb) return false;
  if (datesClash(x.date, y.date)) return false;
  if (a.window && b.window && (a.window[1] < b.window[0] || b.window[1] < a.window[0])) return false;
  return !(a.words.size && b.words.size && dice(a.words, b.words) < MIN_TITLE_IN_CLUSTER);
}
/** Everything `attributesFit` reads of a mention: equal signatures fit anyone alike. */
function signature(r: R): string {
  const v = r.src.view;
  return JSON.stringify([v.kind, periodKey(v), v.date, r.window, [...r.words].sort()]);
}
const sharedStates = (a: R, b: R): number => a.countries.filter((c) => b.countries.includes(c)).length;
function linkable(a: R, b: R): boolean {
  if (!a.countries.length || !b.countries.length) return false;
  if (sharedStates(a, b) < Math.min(2, a.countries.length, b.countries.length)) return false;
  return fits(a, b);
}

interface Link {
  a: number;
  b: number;
  score: number;
  why: string;
}

export interface AgreementMerge {
  agreements: MergedAgreement[];
  idOf(k: number): string;
}

/**
 * Merges agreement mentions. `affine` holds pairs of article ids ("a\u0000b", a < b) known to report the same
 * occasion (they share a merged event, or are near-duplicates).
 */
export function mergeAgreements(reports: readonly AgreementReport[], affine: ReadonlySet<string>): AgreementMerge {
  const rs: R[] = reports.map((src) => {
    const v = src.view;
    let window: [number, number] | null = null;
    if (v.status === "signed" && !v.background) {
      const p = dayRange(src.published);
      window = dayRange(v.date) ?? (p ? [p[0] - 31, p[1]] : null);
    }
    return { src, countries: v.countries, words: titleWords(v.title), window };
  });

  // candidates: same states and a shared title word (a word held by very many mentions is no evidence)
  const blocks = new Blocks();
  rs.forEach((r, i) => {
    for (const k of stateFileKeys(r.countries)) for (const w of r.words) blocks.add(`${k}|${w}`, i);
  });
  const candidates = new Map<number, [number, number]>();
  rs.forEach((r, i) => {
    for (const k of stateLookupKeys(r.countries)) {
      for (const w of r.words) {
        for (const j of blocks.near(`${k}|${w}`, i)) {
          if (j === i) continue;
          const key = i < j ? i * rs.length + j : j * rs.length + i;
          if (!candidates.has(key)) candidates.set(key, i < j ? [i, j] : [j, i]);
        }
      }
    }
  });

  const uf = new ConstrainedClusters(rs.length, (x, y) => attributesFit(rs[x]!, rs[y]!), (x) => signature(rs[x]!), (x) => rs[x]!.src.article);
  const members = uf.members;
  const links: Link[] = [];
  const tryUnion = (l: Link): boolean => {
    if (!uf.union(l.a, l.b)) return false;
    links.push(l);
    return true;
  };

  const scored: Link[] = [];
  for (const [i, j] of candidates.values()) {
    const a = rs[i]!, b = rs[j]!;
    if (!linkable(a, b)) continue;
    const t = dice(a.words, b.words);
    const within = contained(a.words, b.words);
    if (t < MIN_TITLE && !within) continue;
    const x = a.src.view, y = b.src.view;
    const per = periodKey(x) !== null && periodKey(x) === periodKey(y);
    const score = 3 * t + (x.kind === y.kind ? 2 : 0) + (per ? 2 : 0) + (sameDay(x.date, y.date) || (x.date && x.date === y.date) ? 1 : 0) +
      (x.status === y.status ? 0.5 : 0) + 0.1 * sharedStates(a, b);
    scored.push({ a: i, b: j, score, why: `title overlap ${t.toFixed(2)}${within ? " (one title within the other)" : ""}${per ? ", same period" : ""}` });
  }
  scored.sort((p, q) => q.score - p.score || p.a - q.a || p.b - q.b);
  for (const l of scored) tryUnion(l);

  // articles reporting the same occasion: remaining specific mentions pair one to one
  const byArticle = new Map<string, number[]>();
  rs.forEach((r, i) => {
    if (r.src.view.background) return;
    const l = byArticle.get(r.src.article);
    if (l) l.push(i);
    else byArticle.set(r.src.article, [i]);
  });
  for (const key of [...affine].sort()) {
    const [ax, ay] = key.split("\u0000") as [string, string];
    const X = byArticle.get(ax), Y = byArticle.get(ay);
    if (!X || !Y) continue;
    const inOther = (i: number, other: string): boolean => uf.hasGroup(i, other);
    const ok = (i: number, j: number): boolean => {
      const a = rs[i]!, b = rs[j]!;
      // only when a title says nothing that could tell them apart ("the agreement", "cooperation documents")
      if (a.words.size && b.words.size) return false;
      return a.src.view.kind === b.src.view.kind && linkable(a, b) && sharedStates(a, b) >= Math.min(2, a.countries.length);
    };
    const freeX = X.filter((i) => !inOther(i, ay)), freeY = Y.filter((j) => !inOther(j, ax));
    for (const [i, j] of onlyCounterparts(freeX, freeY, ok)) {
      tryUnion({ a: i, b: j, score: 0, why: "articles report the same occasion, only counterpart of its kind" });
    }
  }

  const idOf: string[] = new Array<string>(rs.length).fill("");
  const linksByRoot = new Map<number, Link[]>();
  for (const l of links) {
    const r = uf.find(l.a);
    const list = linksByRoot.get(r);
    if (list) list.push(l);
    else linksByRoot.set(r, [l]);
  }
  const agreements: MergedAgreement[] = [];
  for (const [root, ms] of members) {
    const sorted = [...ms].sort((x, y) => cmp(rs[x]!.src.article, rs[y]!.src.article) || rs[x]!.src.index - rs[y]!.src.index);
    const first = rs[sorted[0]!]!.src;
    const id = shortId("ag-", `${first.article}#${first.index}`);
    for (const k of sorted) idOf[k] = id;
    agreements.push(agreementRecord(id, sorted.map((k) => rs[k]!), linksByRoot.get(root) ?? [], rs));
  }
  agreements.sort((a, b) => cmp(a.id, b.id));
  return { agreements, idOf: (k) => idOf[k] ?? "" };
}

const STATUS_RANK: Record<string, number> = { signed: 3, referenced: 2, planned: 1 };
const KIND_RANK: Record<string, number> = { agreement: 4, memorandum: 3, programme: 2, declaration: 1, other: 0 };
const ref = (r: R): string => `${r.src.article}#${r.src.index}`;

function agreementRecord(id: string, ms: R[], links: Link[], all: R[]): MergedAgreement {
  const obs = <T>(f: (r: R) => T) => ms.map((r) => ({ value: f(r) as unknown, article: r.src.article }));
  const kinds = support(obs((r) => r.src.view.kind));
  const titles = support(obs((r) => r.src.view.title));
  const dates = support(obs((r) => r.src.view.date));
  const periods = support(obs((r) => r.src.view.period));
  const statuses = support(obs((r) => r.src.view.status));
  const kind = best<string>(support(ms.filter((r) => r.src.view.kind !== "other").map((r) => ({ value: r.src.view.kind as unknown, article: r.src.article }))),
    (k) => KIND_RANK[k] ?? 0) ?? "other";
  const title = best<string>(titles, (t) => titleWords(t).size * 1000 + t.length);
  let date = best<string>(dates, (d) => precision(d));
  for (const d of dates) {
    const c = combineDates(date, d.value as string);
    if (c !== null && precision(c) > precision(date)) date = c;
  }
  const status = [...ms].map((r) => r.src.view.status).sort((a, b) => (STATUS_RANK[b] ?? 0) - (STATUS_RANK[a] ?? 0))[0] ?? "referenced";
  const history: StatusAt[] = ms.map((r) => ({
    status: r.src.view.status,
    article: r.src.article,
    date: r.src.view.status === "signed" ? r.src.view.date ?? r.src.published : r.src.published,
  }));
  history.sort((a, b) => cmp(a.date ?? "9999", b.date ?? "9999") || cmp(a.article, b.article));
  const parties: OrgRef[] = [];
  const seen = new Set<string>();
  for (const r of ms) for (const p of r.src.view.parties) {
    const k = `${words(p.name).join(" ")}|${p.country ?? ""}`;
    if (seen.has(k)) continue;
    seen.add(k);
    parties.push(p);
  }
  const sources: SourceRef[] = ms.map((r) => ({ article: r.src.article, index: r.src.index }));
  // a plan and a signing clash only in their order: a signing reported before the plan to sign it
  const signedAt = history.filter((h) => h.status === "signed" && h.date).map((h) => h.date!);
  const plannedAfter = history.filter((h) => h.status === "planned" && h.date && signedAt.some((s) => {
    const a = dayRange(s), b = dayRange(h.date);
    return a && b && b[0] > a[1];
  }));
  return {
    id,
    kind,
    title,
    status,
    history,
    date,
    period: best(periods),
    countries: [...new Set(ms.flatMap((r) => r.countries))].sort(),
    parties,
    signings: [],
    sources,
    fields: { kind: kinds, title: titles, status: statuses, date: dates, period: periods, countries: support(obs((r) => r.countries)) },
    conflicts: [
      ...conflictsOf("date", dates, (a, b) => datesClash(a as string, b as string)),
      ...conflictsOf("period", periods, (a, b) => JSON.stringify(a) !== JSON.stringify(b)),
      ...conflictsOf("kind", kinds, (a, b) => a !== b),
      ...plannedAfter.map((h) => `status: planned [${h.article}] after signed [${history.filter((x) => x.status === "signed").map((x) => x.article).join(", ")}]`),
    ],
    links: links.map((l) => `${ref(all[l.a]!)} + ${ref(all[l.b]!)}: ${l.why}`),
  };
}

