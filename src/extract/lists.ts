// Enumerations of agreements: "signed 6 cooperation documents in the following areas: Border; border
// trade; Memorandum of ...", "two agreements, namely the Treaty on ... and another treaty ...". The plural
// head only counts what the list names; each listed item is one document, whether it opens with an
// agreement noun or only names its field.
import type { SentenceSpan } from "../core/annotations.js";
import { IS_ALLCAPS, IS_PUNCT, IS_UPPER } from "../segment/tokens.js";
import type { ExtractContext } from "./context.js";

/** Where the items of a list begin (the token after its cue), and whether they may be bare fields. */
export interface ListStart {
  cue: number;
  at: number;
  fields: boolean;
}

/** Longest items a bare field may have ("border trade", "la coopération policière"). */
const MAX_FIELD = 5;
const ARTICLES = new Set(["a", "an", "another", "un", "une", "des", "de", "d'", "du"]);

export function listStarts(ctx: ExtractContext, s: SentenceSpan): ListStart[] {
  const { t, data } = ctx;
  const out: ListStart[] = [];
  for (let i = s.first; i < s.last; i++) {
    const m = data.listCues.matchAt(t, i, s.last);
    if (!m) continue;
    out.push({ cue: i, at: m.last, fields: m.value === "fields" });
    i = m.last - 1;
  }
  return out;
}

/** The list a plural head opens right after its title ("documents ...:", "agreements, including"), or null. */
export function listAfter(ctx: ExtractContext, starts: readonly ListStart[], nounFirst: number, nounLast: number, titleLast: number): ListStart | null {
  const { t, data } = ctx;
  let plural = false;
  for (let k = nounFirst; k < nounLast; k++) if (data.genericPlural.has(t.norm[k]!)) plural = true;
  if (!plural) return null;
  return starts.find((l) => l.cue === titleLast || (l.cue === titleLast + 1 && t.norm[titleLast] === ",")) ?? null;
}

export interface ListItem {
  /** with its article ("la santé"), as the text writes it */
  from: number;
  /** without it */
  first: number;
  last: number;
  /** opens with an agreement noun: the ordinary scan records it */
  named: boolean;
}

/** The items of a list, split at ";" when it has any (else at ","), the last one also at "and". */
export function listItems(ctx: ExtractContext, s: SentenceSpan, from: number): ListItem[] {
  const { t, data } = ctx;
  let sep = ",";
  for (let k = from; k < s.last; k++) if (t.norm[k] === ";") sep = ";";
  const pieces: [number, number][] = [];
  let a = from;
  for (let k = from; k <= s.last; k++) {
    const end = k === s.last || t.norm[k] === sep || t.norm[k] === "." || (data.connectors.has(t.norm[k]!) && isAnd(t.norm[k]!));
    if (!end) continue;
    if (k > a) pieces.push([a, k]);
    a = k + 1;
    if (t.norm[k] === ".") break;
  }
  return pieces.map(([from, last]) => {
    let first = from;
    while (first < last && (data.definite.has(t.norm[first]!) || ARTICLES.has(t.norm[first]!))) first++;
    return { from, first, last, named: first < last && data.agreementKinds.matchAt(t, first, last) !== null };
  }).filter((x) => x.first < x.last);
}

const isAnd = (n: string) => n === "and" || n === "et";

/** A bare field item ("Border", "border trade"): short, and only words (no person, date, clause or number). */
export function isField(ctx: ExtractContext, s: SentenceSpan, item: ListItem): boolean {
  const { t } = ctx;
  if (item.named || item.last - item.first > MAX_FIELD) return false;
  for (let k = item.first; k < item.last; k++) {
    const f = t.flags[k]!;
    if ((f & IS_PUNCT) && t.norm[k] !== "-" && t.norm[k] !== "'") return false;
    if (!(f & IS_PUNCT) && !/\p{L}/u.test(t.norm[k]!)) return false;
    if (ctx.index.personOf[k]! >= 0) return false;
    if (ctx.dates.some((d) => d.start < t.end[k]! && d.end > t.start[k]!)) return false;
    // "signed", "the": a clause, not a field
    if (ctx.data.agreementStatus.matchAt(t, k, s.last) || (k === item.first && ctx.data.stopwords.has(t.norm[k]!))) return false;
  }
  return true;
}

/** The text of a field item, with the capital its place at the head of a list item gave it dropped. */
export function fieldText(ctx: ExtractContext, item: ListItem): string {
  const { t } = ctx;
  const text = ctx.text.slice(t.start[item.from]!, t.end[item.last - 1]!);
  const k = item.from;
  const keep = ctx.index.placeOf[k]! >= 0 || ctx.index.orgOf[k]! >= 0 || (t.flags[k]! & IS_ALLCAPS) !== 0;
  return keep ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/** A list head as a singular noun ("cooperation documents" -> "cooperation document"). */
export function singularHead(ctx: ExtractContext, first: number, last: number): string {
  const { t, data } = ctx;
  const parts: string[] = [];
  for (let k = first; k < last; k++) {
    let w = ctx.text.slice(t.start[k]!, t.end[k]!);
    if (data.genericPlural.has(t.norm[k]!)) w = data.singulars.get(t.norm[k]!) ?? w.replace(/[sx]$/u, "");
    parts.push(w);
    if (k + 1 < last && t.end[k] !== t.start[k + 1]) parts.push(" ");
  }
  return parts.join("");
}

/**
 * The end of a name written in title case from token k ("Cooperation for the Promotion of Investments"):
 * capitalized words, joined by the small words of titles; k when fewer than two capitalized words.
 */
export function titleCaseEnd(ctx: ExtractContext, s: SentenceSpan, k: number): number {
  const { t, data } = ctx;
  let end = k;
  let caps = 0;
  for (let i = k; i < s.last; i++) {
    const f = t.flags[i]!;
    if ((f & IS_UPPER) && !(f & IS_PUNCT)) {
      caps++;
      end = i + 1;
      continue;
    }
    if (data.connectors.has(t.norm[i]!) || data.titlePrepositions.has(t.norm[i]!) || data.definite.has(t.norm[i]!)) {
      if (isAnd(t.norm[i]!)) break;
      continue;
    }
    break;
  }
  return caps >= 2 ? end : k;
}
