// Date recognizer and resolver for French and English news text (GUIDELINES, "Events": date rules).
//
// The words come from src/lang/<lang>/dates.json; this file only knows the shapes of dates. Each shape is one
// regex compiled once per language (cached), run over the text; overlapping candidates are settled by keeping
// the longest. Resolution is language-neutral: a year the text does not give stays unknown ("--09-05") unless a
// reference date (publication date, or an anchor the caller knows better) gives one.
import { readFileSync } from "node:fs";

export type Lang = "fr" | "en";
export type RelativeCue = "last" | "next" | "this";
export type Part = "early" | "mid" | "late";

export interface DateMention {
  /** offsets into the given text; text === input.slice(start, end) */
  start: number;
  end: number;
  text: string;
  /** "2019-09-05", "2019-09", "2019", "--09-05" / "--09" (year unknown), or null when it cannot be resolved */
  value: string | null;
  /** for ranges, the last day; for periods, the last year */
  endValue?: string | null;
  kind: "absolute" | "partial" | "relative" | "range" | "year" | "period";
  periodFrom?: number;
  periodTo?: number;
  /** "juin dernier" / "last June" past; "prochain" / "next" future; "le même jour" same-day */
  relative?: "past" | "future" | "same-day" | null;
  /** "début / mi- / fin", "early / mid / late" */
  part?: Part;
  /** what a relative mention counts from: the reference (publication) date, or the date mentioned before it */
  base?: "publication" | "previous";
  /** for base 'previous' (and deictic days): the shift in days ("le lendemain" +1, "la veille" -1) */
  offsetDays?: number;
}

export interface FindDatesOptions {
  /** publication date: "2023-02-21", "2023-02", "2023" or null */
  published?: string | null;
  /** a better-known reference day (dateline date, date of the report); may lack the year ("--09-06") */
  anchor?: string | null;
  /** a day-month up to this many days after the reference still belongs to its year (near-future announcement) */
  futureToleranceDays?: number;
}

/** A partial calendar date: what is known of the reference day. */
export interface Ref {
  y?: number;
  m?: number;
  d?: number;
}

export interface DateParts {
  year?: number | null;
  month?: number | null;
  day?: number | null;
  /** ISO weekday, 1 = Monday */
  weekday?: number | null;
  cue?: RelativeCue | null;
  /** "juin de l'année dernière": year = reference year + yearOffset */
  yearOffset?: number | null;
}

export const DEFAULT_FUTURE_TOLERANCE_DAYS = 60;

// ---------------------------------------------------------------------------------------------------------------
// Calendar arithmetic

const pad = (n: number) => (n < 10 ? "0" : "") + n;
const dayNum = (y: number, m: number, d: number) => Math.round(Date.UTC(y, m - 1, d) / 86400000);
function fromDayNum(n: number): Ref {
  const dt = new Date(n * 86400000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}
/** ISO weekday (1 = Monday) */
export function isoWeekday(y: number, m: number, d: number): number {
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}
function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
const validDay = (y: number | undefined, m: number, d: number) =>
  m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y ?? 2000, m);

/** Formats what is known: "2019-09-05", "2019-09", "2019", "--09-05", "--09". */
export function formatIso(y: number | undefined | null, m?: number | null, d?: number | null): string | null {
  if (y != null) {
    if (m == null) return String(y);
    return d == null ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`;
  }
  if (m == null) return null;
  return d == null ? `--${pad(m)}` : `--${pad(m)}-${pad(d)}`;
}

/** Parses "2019-09-05", "2019-09", "2019", "2019-09-05T10:00Z", "--09-05", "--09". */
export function parseIsoPartial(s: string | null | undefined): Ref | null {
  if (!s) return null;
  let r: Ref | null = null;
  const full = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)/.exec(s);
  if (full) {
    r = { y: +full[1]! };
    if (full[2]) r.m = +full[2];
    if (full[3]) r.d = +full[3];
  } else {
    const part = /^--(\d{2})(?:-(\d{2}))?$/.exec(s);
    if (!part) return null;
    r = { m: +part[1]! };
    if (part[2]) r.d = +part[2];
  }
  if (r.m !== undefined && (r.m < 1 || r.m > 12)) return null;
  if (r.d !== undefined && !validDay(r.y, r.m!, r.d)) return null;
  return r;
}

const refIso = (r: Ref) => formatIso(r.y, r.m, r.d);

/** Shifts an ISO day ("2019-09-05" or "--09-05") by n days; other precisions only for n = 0. */
export function shiftIso(iso: string | null, days: number): string | null {
  const r = parseIsoPartial(iso);
  if (!r || r.m === undefined || r.d === undefined) return days === 0 ? iso : null;
  const y = r.y ?? (r.m === 2 && r.d === 29 ? 2000 : 2001);
  const s = fromDayNum(dayNum(y, r.m, r.d) + days);
  return formatIso(r.y === undefined ? undefined : s.y, s.m, s.d);
}

function shiftMonths(y: number, m: number, n: number): Ref {
  const idx = y * 12 + (m - 1) + n;
  return { y: Math.floor(idx / 12), m: (idx % 12) + 1 };
}

// ---------------------------------------------------------------------------------------------------------------
// Resolution

function bounds(ref: Ref): [number, number] {
  const y = ref.y!;
  if (ref.m === undefined) return [dayNum(y, 1, 1), dayNum(y, 12, 31)];
  if (ref.d === undefined) return [dayNum(y, ref.m, 1), dayNum(y, ref.m, daysInMonth(y, ref.m))];
  const n = dayNum(y, ref.m, ref.d);
  return [n, n];
}

/**
 * A day-month without year. Unknown year without a reference year. Otherwise news reports the past: the latest
 * occurrence not after the reference (+ tolerance for near-future announcements); 'last' strictly before the
 * reference day, 'next' strictly after it, 'this' (le X courant) in the reference year. A weekday given with it
 * chooses among the candidate years when one fits.
 */
export function resolveDayMonth(
  month: number,
  day: number,
  ref: Ref | null,
  cue: RelativeCue | null = null,
  weekday: number | null = null,
  toleranceDays = DEFAULT_FUTURE_TOLERANCE_DAYS,
): string | null {
  if (!validDay(undefined, month, day)) return null;
  if (!ref || ref.y === undefined) return formatIso(undefined, month, day);
  if (cue === "this") return validDay(ref.y, month, day) ? formatIso(ref.y, month, day) : null;
  if (ref.m === undefined) {
    if (cue) return formatIso(undefined, month, day);
    return validDay(ref.y, month, day) ? formatIso(ref.y, month, day) : formatIso(undefined, month, day);
  }
  const [lo, hi] = bounds(ref);
  const dayRef = ref.d !== undefined;
  const all = [ref.y - 1, ref.y, ref.y + 1]
    .filter((y) => validDay(y, month, day))
    .map((y) => ({ y, n: dayNum(y, month, day) }));
  const pick = (pool: { y: number; n: number }[]) => {
    let best: { y: number; n: number } | undefined;
    for (const c of pool) {
      if (cue === "last") {
        if ((dayRef ? c.n < lo : c.n <= hi) && (!best || c.n > best.n)) best = c;
      } else if (cue === "next") {
        if ((dayRef ? c.n > hi : c.n >= lo) && (!best || c.n < best.n)) best = c;
      } else if (c.n <= hi + toleranceDays && (!best || c.n > best.n)) best = c;
    }
    return best;
  };
  let chosen: { y: number; n: number } | undefined;
  if (weekday) {
    const fits = all.filter((c) => isoWeekday(c.y, month, day) === weekday);
    chosen = pick(fits);
    // a weekday fitting a nearby year (within a year of the reference) decides when the rule finds none
    if (!chosen && fits.length) {
      const near = fits.filter((c) => Math.abs(c.n - lo) <= 366).sort((a, b) => Math.abs(a.n - lo) - Math.abs(b.n - lo));
      chosen = near[0];
    }
  }
  chosen ??= pick(all);
  return chosen ? formatIso(chosen.y, month, day) : formatIso(undefined, month, day);
}

/** A month without year: 'last' = the latest such month before the reference month, 'next' the first after it. */
export function resolveMonth(month: number, ref: Ref | null, cue: RelativeCue | null = null, toleranceMonths = 2): string | null {
  if (month < 1 || month > 12) return null;
  if (!ref || ref.y === undefined) return formatIso(undefined, month);
  if (cue === "this") return formatIso(ref.y, month);
  if (ref.m === undefined) return cue ? formatIso(undefined, month) : formatIso(ref.y, month);
  let y: number;
  if (cue === "last") y = month < ref.m ? ref.y : ref.y - 1;
  else if (cue === "next") y = month > ref.m ? ref.y : ref.y + 1;
  else y = month <= ref.m + toleranceMonths ? ref.y : ref.y - 1;
  if (cue === null && month + 12 <= ref.m + toleranceMonths) y = ref.y + 1; // December reference, "in January"
  return formatIso(y, month);
}

/** A weekday alone: the latest such day on or before the reference day; 'last' strictly before; 'next' strictly after. */
export function resolveWeekday(weekday: number, ref: Ref | null, cue: RelativeCue | null = null): string | null {
  if (!ref || ref.y === undefined || ref.m === undefined || ref.d === undefined) return null;
  const n = dayNum(ref.y, ref.m, ref.d);
  const w = isoWeekday(ref.y, ref.m, ref.d);
  let t: number;
  if (cue === "next") t = n + (((weekday - w + 7) % 7) || 7);
  else if (cue === "last") t = n - (((w - weekday + 7) % 7) || 7);
  else t = n - ((w - weekday + 7) % 7);
  const r = fromDayNum(t);
  return formatIso(r.y, r.m, r.d);
}

/** "hier" (day -1), "le mois dernier" (month -1), "l'année prochaine" (year +1) against the reference. */
export function resolveOffset(unit: "day" | "week" | "month" | "year", offset: number, ref: Ref | null): string | null {
  if (!ref) return null;
  if (unit === "day") {
    if (ref.m === undefined || ref.d === undefined) return null;
    return shiftIso(refIso(ref), offset);
  }
  if (unit === "month") {
    if (ref.y === undefined || ref.m === undefined) return null;
    const r = shiftMonths(ref.y, ref.m, offset);
    return formatIso(r.y, r.m);
  }
  if (unit === "year") return ref.y === undefined ? null : String(ref.y + offset);
  return null;
}

const toRef = (r: string | Ref | null | undefined): Ref | null => (typeof r === "string" ? parseIsoPartial(r) : r ?? null);

/** Resolves what the text gives of a date against a reference date (ISO string or Ref). */
export function resolveDate(parts: DateParts, reference?: string | Ref | null, opts: { futureToleranceDays?: number } = {}): string | null {
  const ref = toRef(reference);
  const tol = opts.futureToleranceDays ?? DEFAULT_FUTURE_TOLERANCE_DAYS;
  const { month, day, weekday, cue } = parts;
  let year = parts.year ?? null;
  if (year == null && parts.yearOffset != null && ref?.y !== undefined) year = ref.y + parts.yearOffset;
  if (year != null) {
    if (month != null && day != null && !validDay(year, month, day)) return null;
    return formatIso(year, month, day);
  }
  if (month != null && day != null) return resolveDayMonth(month, day, ref, cue ?? null, weekday ?? null, tol);
  if (month != null) return resolveMonth(month, ref, cue ?? null);
  if (weekday != null) return resolveWeekday(weekday, ref, cue ?? null);
  return null;
}

/**
 * The reference day the text's relative dates count from: the anchor when given (its missing year resolved against
 * the publication date), unless the publication date says more and agrees with it.
 */
export function combineReference(published: string | null | undefined, anchor: string | null | undefined, futureToleranceDays = DEFAULT_FUTURE_TOLERANCE_DAYS): Ref | null {
  const p = parseIsoPartial(published);
  const a = parseIsoPartial(anchor);
  if (!a) return p;
  if (a.y === undefined) {
    if (p?.y !== undefined && a.m !== undefined) {
      const v = a.d !== undefined ? resolveDayMonth(a.m, a.d, p, null, null, futureToleranceDays) : resolveMonth(a.m, p);
      return parseIsoPartial(v);
    }
    return a;
  }
  const prec = (r: Ref) => (r.y !== undefined ? 1 : 0) + (r.m !== undefined ? 1 : 0) + (r.d !== undefined ? 1 : 0);
  if (p && prec(p) > prec(a) && p.y === a.y && (a.m === undefined || a.m === p.m)) return p;
  return a;
}

/** For a mention counted from the previous date ("le même jour", "le lendemain"): its value given that date. */
export function resolveRelative(mention: DateMention, previous: string | null): string | null {
  if (mention.base !== "previous") return mention.value;
  if (!previous) return null;
  return shiftIso(previous, mention.offsetDays ?? 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Language data

interface DatesFile {
  case_sensitive_months: boolean;
  day_first: boolean;
  month_first: boolean;
  months: { full: string[]; abbr: string[] }[];
  weekdays: string[][];
  parts_of_day: string[];
  day_ordinals: string[];
  day_month_joiners: string[];
  month_cues: string[];
  parts: { text: string; part: Part }[];
  relative_before: Record<string, RelativeCue>;
  relative_after: Record<string, RelativeCue>;
  glued_after_relative: string[];
  year_relative_after_month: Record<string, number>;
  relative_phrases: { text: string; unit: "day" | "week" | "month" | "year"; offset: number; base: "publication" | "previous" }[];
  range_starts: string[];
  range_joiners: string[];
  range_joiners_need_start: string[];
  /** "les 3 et 4 mars": a pair of days, a range only when they are close */
  range_pair_joiners: string[];
  period_starts: string[];
  period_joiners: string[];
  weekday_cues: string[];
  not_year_before: string[];
  not_year_after: string[];
  publication_cues: string[];
  update_cues: string[];
  /** "Communiqué de presse du 10 mars 2015": the date of the statement the article reproduces */
  release_cues?: string[];
}

interface Lexicon {
  file: DatesFile;
  months: Map<string, { month: number; abbr: boolean }>;
  weekdays: Map<string, number>;
  parts: Map<string, Part>;
  relBefore: Map<string, RelativeCue>;
  relAfter: Map<string, RelativeCue>;
  yearRel: Map<string, number>;
  phrases: Map<string, DatesFile["relative_phrases"][number]>;
  joinNeedStart: Set<string>;
  pairJoiners: Set<string>;
  periodJoiners: Set<string>;
  weekdayCues: Set<string>;
  notYearBefore: Set<string>;
  notYearAfter: Set<string>;
  publicationCues: Set<string>;
  re: {
    rangeDF: RegExp;
    rangeMF: RegExp | null;
    singleDF: RegExp;
    singleMF: RegExp | null;
    numeric: RegExp;
    month: RegExp;
    weekday: RegExp;
    period: RegExp;
    year: RegExp;
    phrase: RegExp | null;
    stamp: RegExp | null;
    release: RegExp | null;
  };
  /** backward checks, run on the text just before a core: what may precede it */
  pre: { range: RegExp; weekday: RegExp; month: RegExp; relBefore: RegExp; period: RegExp; part: RegExp };
}

/** Lookup key: lower case, ’ → ', any hyphen → -, spaces collapsed. */
export function normKey(s: string): string {
  return s.toLowerCase().replace(/[’ʼ`]/g, "'").replace(/[‐‑‒–]/g, "-").replace(/\s+/g, " ").trim();
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// Letters and digits of the Latin scripts (with combining accents). The patterns use this class instead of \\p{L}:
// without the u flag, V8 compiles them many times faster and they stay case-insensitive over accented letters.
const W = "0-9A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F\\u1D00-\\u1DBF\\u1E00-\\u1EFF";
const NW = `(?![${W}])`; // word end
const B = `(?<![${W}])`; // word start

/** One phrase as a pattern: ' matches ' and ’, a space any run of spaces, - any hyphen. */
function phrase(s: string): string {
  let p = "";
  for (const ch of s.trim()) {
    if (ch === "'" || ch === "’") p += "['’]";
    else if (ch === " ") p += "\\s+";
    else if (ch === "-") p += "[-‐‑]";
    else p += esc(ch);
  }
  return p;
}
/** Alternation of phrases, longest first; those ending with a letter or digit must end a word (`end`). */
function alt(list: Iterable<string>, end: string = NW): string {
  const uniq = [...new Set([...list].map((s) => s.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!uniq.length) return "(?!)";
  const wordy = uniq.filter((s) => /[\p{L}\p{N}]$/u.test(s)).map(phrase);
  const other = uniq.filter((s) => !/[\p{L}\p{N}]$/u.test(s)).map(phrase);
  const parts = [...other, ...(wordy.length ? [`(?:${wordy.join("|")})${end}`] : [])];
  return `(?:${parts.join("|")})`;
}
const lexicons = new Map<Lang, Lexicon>();

function lexicon(lang: Lang): Lexicon {
  const hit = lexicons.get(lang);
  if (hit) return hit;
  const file = JSON.parse(readFileSync(new URL(`../lang/${lang}/dates.json`, import.meta.url), "utf8")) as DatesFile;
  const months = new Map<string, { month: number; abbr: boolean }>();
  file.months.forEach((mo, i) => {
    for (const f of mo.full) months.set(normKey(f), { month: i + 1, abbr: false });
    for (const f of mo.abbr) months.set(normKey(f), { month: i + 1, abbr: true });
  });
  const weekdays = new Map<string, number>();
  file.weekdays.forEach((names, i) => names.forEach((n) => weekdays.set(normKey(n), i + 1)));
  const keyed = <V>(o: Record<string, V>) => new Map(Object.entries(o).map(([k, v]) => [normKey(k), v] as [string, V]));

  const glue = file.glued_after_relative.length ? alt(file.glued_after_relative) : null;
  // a relative word may be glued to the next small word by the page's markup ("juin dernieret la prochaine")
  const relEnd = glue ? `(?:${NW}|(?=${glue}))` : NW;
  const MONTH_NB = alt(months.keys());
  const MONTH = `${B}${MONTH_NB}`;
  const WD_NB = alt(weekdays.keys());
  const WD = `${B}${WD_NB}`;
  const POD = alt(file.parts_of_day);
  const ORD = file.day_ordinals.length ? `(?:${file.day_ordinals.map(esc).join("|")})(?![${W}])` : "(?!)";
  const DAY = `(?:[12]\\d|3[01]|0?[1-9])(?!\\d)(?![.:]\\d)(?:${ORD})?`;
  const YEAR = `(?<![\\d.,])(?:1[89]\\d\\d|20\\d\\d)(?![${W}])(?![.,]\\d)`;
  const JOIN = file.day_month_joiners.length ? `(?:${alt(file.day_month_joiners)}\\s+)?` : "";
  const RELA = file.relative_after && Object.keys(file.relative_after).length ? alt(Object.keys(file.relative_after), relEnd) : "(?!)";
  const RELB = Object.keys(file.relative_before).length ? `${B}${alt(Object.keys(file.relative_before))}` : "(?!)";
  const YREL = Object.keys(file.year_relative_after_month).length ? alt(Object.keys(file.year_relative_after_month)) : "(?!)";
  const YSEP = file.month_first ? "\\s*,?\\s*" : "\\s*";
  const DASH = "[-‐‑‒–—]";
  const RJOIN = `(?:${DASH}|${alt(file.range_joiners)})`;
  const RSTART = `${B}${alt(file.range_starts)}`;
  const WDP = `(?:${WD}(?:\\s+${POD})?\\s*,?\\s*)?`;
  const NOT_BEFORE_DAY = "(?<![\\d,:/‐‑‒–—-])";
  const flags = "gid";
  const phrases = new Map(file.relative_phrases.map((p) => [normKey(p.text), p] as [string, DatesFile["relative_phrases"][number]]));
  const cues = [...file.publication_cues, ...file.update_cues];
  const lex: Lexicon = {
    file,
    months,
    weekdays,
    parts: new Map(file.parts.map((p) => [normKey(p.text), p.part] as [string, Part])),
    relBefore: keyed(file.relative_before),
    relAfter: keyed(file.relative_after),
    yearRel: keyed(file.year_relative_after_month),
    phrases,
    joinNeedStart: new Set(file.range_joiners_need_start.map(normKey)),
    pairJoiners: new Set(file.range_pair_joiners.map(normKey)),
    periodJoiners: new Set(file.period_joiners.map(normKey)),
    weekdayCues: new Set(file.weekday_cues.map(normKey)),
    notYearBefore: new Set(file.not_year_before.map(normKey)),
    notYearAfter: new Set(file.not_year_after.map(normKey)),
    publicationCues: new Set(file.publication_cues.map(normKey)),
    re: {
      // cores start with a digit or a bare word alternation (fast to scan); prefixes are checked backwards
      rangeDF: new RegExp(
        `${NOT_BEFORE_DAY}(?<d1>${DAY})(?:\\s*${JOIN}(?<m1>${MONTH})(?:\\s*(?<y1>${YEAR}))?)?` +
          `\\s*(?<conn>${RJOIN})\\s*${WDP}(?<d2>${DAY})\\s*${JOIN}(?<m2>${MONTH})(?:\\s*(?<y2>${YEAR})|\\s+(?<yrel>${YREL}))?(?:\\s+(?<rel>${RELA}))?`,
        flags,
      ),
      rangeMF: file.month_first
        ? new RegExp(
            `(?<m1>${MONTH_NB})\\s*(?<d1>${DAY})(?:${YSEP}(?<y1>${YEAR}))?` +
              `\\s*(?<conn>${RJOIN})\\s*${WDP}(?:(?<m2>${MONTH})\\s*)?(?<d2>${DAY})(?:${YSEP}(?<y2>${YEAR}))?`,
            flags,
          )
        : null,
      singleDF: new RegExp(
        `${NOT_BEFORE_DAY}(?<d>${DAY})\\s*${JOIN}(?<m>${MONTH})(?:\\s*(?<y>${YEAR})|\\s+(?<yrel>${YREL}))?(?:\\s+(?<rel>${RELA}))?`,
        flags,
      ),
      singleMF: file.month_first
        ? new RegExp(`(?<m>${MONTH_NB})\\s*(?<d>${DAY})(?:${YSEP}(?<y>${YEAR})|\\s+(?<yrel>${YREL}))?`, flags)
        : null,
      numeric: new RegExp(
        `(?<![\\d.,/])(?:(?<d>[0-3]?\\d)(?<s1>[./-])(?<m>[01]?\\d)\\k<s1>(?<y>(?:1[89]|20)\\d\\d)|(?<Y>(?:1[89]|20)\\d\\d)(?<s2>[-/.])(?<M>[01]\\d)\\k<s2>(?<D>[0-3]\\d))(?![\\d])(?![.,/]\\d)`,
        flags,
      ),
      month: new RegExp(`(?<m>${MONTH_NB})(?:${YSEP}(?<y>${YEAR})|\\s+(?<yrel>${YREL}))?(?:\\s+(?<rel>${RELA}))?`, flags),
      weekday: new RegExp(`(?<wd>${WD_NB})(?:\\s+(?<pod>${POD}))?(?:\\s+(?<rel>${RELA}))?`, flags),
      period: new RegExp(
        `(?<y1>${YEAR})(?<sep>\\s*(?:${DASH}|/|${alt(file.period_joiners)})\\s*)(?<y2>(?:1[89]|20)\\d\\d|\\d\\d)(?![${W}])(?![.,:]\\d)`,
        flags,
      ),
      year: new RegExp(`(?<y>${YEAR})`, flags),
      phrase: phrases.size ? new RegExp(alt(file.relative_phrases.map((p) => p.text)), flags) : null,
      stamp: cues.length ? new RegExp(`(?<cue>${alt(cues)})`, flags) : null,
      release: file.release_cues?.length ? new RegExp(`(?<cue>${alt(file.release_cues)})`, flags) : null,
    },
    pre: {
      range: new RegExp(`(?:(?<pre>${RSTART})\\s+)?(?:(?<wd>${WD})(?:\\s+${POD})?\\s*,?\\s*)?$`, "id"),
      weekday: new RegExp(`(?<wd>${WD})(?:\\s+${POD})?\\s*,?\\s*$`, "id"),
      month: new RegExp(
        `(?:(?<cue>${B}${alt(file.month_cues)})\\s+)?(?:(?<part>${B}${alt(file.parts.map((p) => p.text))})\\s*)?(?:(?<rb>${RELB})\\s+)?$`,
        "id",
      ),
      relBefore: new RegExp(`(?<rb>${RELB})\\s+$`, "id"),
      period: new RegExp(`(?<pre>${B}${alt(file.period_starts)})\\s+$`, "id"),
      part: new RegExp(`(?<part>${B}${alt(file.parts.map((p) => p.text))})\\s*$`, "id"),
    },
  };
  lexicons.set(lang, lex);
  return lex;
}

// ---------------------------------------------------------------------------------------------------------------
// Recognition

interface Ctx {
  text: string;
  lex: Lexicon;
  ref: Ref | null;
  tol: number;
}
interface Cand {
  m: DateMention;
  prio: number;
}
type Groups = Record<string, string | undefined>;
type Idx = Record<string, [number, number] | undefined>;

const isUpper = (s: string) => s !== s.toLowerCase() && s[0] === s[0]!.toUpperCase() && s[0] !== s[0]!.toLowerCase();
const cueToRel = (c: RelativeCue | null | undefined): "past" | "future" | null => (c === "last" ? "past" : c === "next" ? "future" : null);
const offsetToRel = (o: number | null | undefined): "past" | "future" | null => (o == null || o === 0 ? null : o < 0 ? "past" : "future");

function monthOf(ctx: Ctx, s: string | undefined): { month: number; abbr: boolean } | null {
  if (!s) return null;
  const hit = ctx.lex.months.get(normKey(s));
  if (!hit) return null;
  if (ctx.lex.file.case_sensitive_months && !isUpper(s)) return null;
  return hit;
}
const dayOf = (s: string | undefined) => (s ? parseInt(s, 10) : NaN);

function mention(ctx: Ctx, start: number, end: number, rest: Omit<DateMention, "start" | "end" | "text">): DateMention {
  return { start, end, text: ctx.text.slice(start, end), ...rest };
}

/** the word before `at` (skipping spaces), lower-cased, and whatever non-space is glued right before `at` */
function wordBefore(text: string, at: number): { glued: string; word: string } {
  let i = at;
  while (i > 0 && !/\s/.test(text[i - 1]!)) i--;
  const glued = text.slice(i, at);
  if (glued) return { glued, word: glued };
  let j = at;
  while (j > 0 && /\s/.test(text[j - 1]!)) j--;
  let k = j;
  while (k > 0 && !/\s/.test(text[k - 1]!)) k--;
  return { glued: "", word: text.slice(k, j) };
}
function wordAfter(text: string, at: number): { glued: string; word: string } {
  let i = at;
  while (i < text.length && !/\s/.test(text[i]!)) i++;
  const glued = text.slice(at, i);
  if (glued) return { glued, word: glued };
  let j = at;
  while (j < text.length && j < at + 40 && /\s/.test(text[j]!)) j++;
  let k = j;
  while (k < text.length && k < j + 40 && !/\s/.test(text[k]!)) k++;
  return { glued: "", word: text.slice(j, k) };
}
const stripPunct = (w: string) => w.replace(/^[("«“'’\[]+|[)»”"'’\],;:!?]+$/g, "");

/** a 4-digit number that counts something ("2000 personnes", "n° 2019") rather than a year */
function notAYear(ctx: Ctx, start: number, end: number): boolean {
  const b = wordBefore(ctx.text, start);
  const before = normKey(b.glued ? b.glued : stripPunct(b.word));
  if (before && ctx.lex.notYearBefore.has(before)) return true;
  if (b.glued && /[$€£#°º+]$/.test(b.glued)) return true;
  if (!b.glued && /\d$/.test(b.word)) return true; // part of a digit group: "3825 2096"
  const a = wordAfter(ctx.text, end);
  if (a.glued) return /^%/.test(a.glued) || ctx.lex.notYearAfter.has(normKey(stripPunct(a.glued)));
  const after = normKey(a.word.replace(/[.,;:!?)»”"]+$/g, ""));
  if (after && ctx.lex.notYearAfter.has(after)) return true;
  if (/^\d{3}(?!\d)/.test(a.word)) return true; // "2 000" style digit groups
  return false;
}

/** "Monday Semaya Kumba": a weekday word followed by a capitalized name and no cue before it is not a date */
function weekdayIsName(ctx: Ctx, start: number, end: number): boolean {
  const a = wordAfter(ctx.text, end);
  if (a.glued || !a.word || !isUpper(a.word[0]!)) return false;
  const next = stripPunct(a.word);
  if (monthOf(ctx, next) || ctx.lex.weekdays.has(normKey(next))) return false;
  const b = wordBefore(ctx.text, start);
  if (b.glued) return false;
  const prev = normKey(stripPunct(b.word));
  if (ctx.lex.weekdayCues.has(prev)) return false;
  return true;
}

/** Runs a global regex over the text; a callback returning false rejects the match, and the scan resumes inside it. */
function scan(re: RegExp, text: string, each: (m: RegExpExecArray, g: Groups, ix: Idx) => void | boolean): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const ok = each(m, (m.groups ?? {}) as Groups, (m.indices?.groups ?? {}) as Idx);
    if (ok === false || m[0].length === 0) re.lastIndex = m.index + 1;
  }
}

/** days from the first to the last day of a range, the year of the first day given or assumed */
function rangeLength(y1: number | undefined, m1: number, d1: number, y2: number | undefined, m2: number, d2: number): number {
  const ys = y1 ?? 2001;
  const a = dayNum(ys, m1, d1);
  let b = dayNum(y2 ?? ys, m2, d2);
  if (y2 === undefined && b < a) b = dayNum(ys + 1, m2, d2);
  return b - a;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** a bare-word core must not continue a word ("xjuin") */
const startsWord = (text: string, at: number) => at === 0 || !WORD_CHAR.test(text[at - 1]!);

/** What precedes a core: `re` ends with $ and is run on the text before `at` (cut at a word boundary). */
function prefix(text: string, re: RegExp, at: number): { start: number; g: Groups; at: (name: string) => number | undefined } {
  let s = Math.max(0, at - 64);
  while (s > 0 && WORD_CHAR.test(text[s - 1]!)) s--;
  const m = re.exec(text.slice(s, at));
  if (!m || m[0].length === 0 || !/\S/.test(m[0])) return { start: at, g: {}, at: () => undefined };
  const ix = (m.indices?.groups ?? {}) as Idx;
  return { start: s + m.index, g: (m.groups ?? {}) as Groups, at: (name) => (ix[name] ? s + ix[name]![0] : undefined) };
}

function findRanges(ctx: Ctx, out: Cand[]): void {
  const { lex, text } = ctx;
  for (const [re, prio] of [[lex.re.rangeDF, 0], [lex.re.rangeMF, 1]] as const) {
    if (!re) continue;
    scan(re, text, (m, g) => {
      if (prio === 1 && !startsWord(text, m.index)) return false;
      const p = prefix(text, lex.pre.range, m.index);
      const conn = normKey(g.conn ?? "");
      if (lex.joinNeedStart.has(conn) && !p.g.pre) return false;
      const m2 = monthOf(ctx, g.m2) ?? (g.m2 ? null : monthOf(ctx, g.m1));
      const m1 = g.m1 ? monthOf(ctx, g.m1) : m2;
      if (!m1 || !m2) return false;
      const d1 = dayOf(g.d1);
      const d2 = dayOf(g.d2);
      if (!validDay(undefined, m1.month, d1) || !validDay(undefined, m2.month, d2)) return false;
      if (m1.month === m2.month && d1 >= d2 && !g.y1) return false;
      let y1 = g.y1 ? +g.y1 : undefined;
      let y2 = g.y2 ? +g.y2 : undefined;

      const yOff = g.yrel ? lex.yearRel.get(normKey(g.yrel)) : undefined;
      if (y2 === undefined && yOff !== undefined && ctx.ref?.y !== undefined) y2 = ctx.ref.y + yOff;
      if (y1 === undefined && y2 !== undefined) y1 = m1.month > m2.month || (m1.month === m2.month && d1 > d2) ? y2 - 1 : y2;
      // "le 3 janvier et le 6 septembre" are two dates; a range runs forward, for at most a year
      const span = rangeLength(y1, m1.month, d1, y2, m2.month, d2);
      if (span <= 0 || span > 366 || (lex.pairJoiners.has(conn) && span > 7)) return false;
      const cue = g.rel ? lex.relAfter.get(normKey(g.rel)) ?? null : null;
      const wd1 = p.g.wd ? lex.weekdays.get(normKey(p.g.wd)) ?? null : null;
      const value = y1 !== undefined ? formatIso(y1, m1.month, d1) : resolveDayMonth(m1.month, d1, ctx.ref, cue, wd1, ctx.tol);
      let endValue: string | null;
      if (y2 !== undefined) endValue = formatIso(y2, m2.month, d2);
      else {
        const sv = parseIsoPartial(value);
        if (sv?.y !== undefined) {
          const ey = dayNum(sv.y, m2.month, d2) >= dayNum(sv.y, sv.m!, sv.d!) ? sv.y : sv.y + 1;
          endValue = formatIso(ey, m2.month, d2);
        } else endValue = formatIso(undefined, m2.month, d2);
      }
      out.push({
        m: mention(ctx, p.start, m.index + m[0].length, { value, endValue, kind: "range", relative: cueToRel(cue) ?? offsetToRel(yOff) }),
        prio,
      });
    });
  }
}

function findSingles(ctx: Ctx, out: Cand[]): void {
  const { lex, text } = ctx;
  for (const [re, prio] of [[lex.re.singleDF, 2], [lex.re.singleMF, 3]] as const) {
    if (!re) continue;
    scan(re, text, (m, g, ix) => {
      if (prio === 3 && !startsWord(text, m.index)) return;
      const mo = monthOf(ctx, g.m);
      if (!mo) return;
      const d = dayOf(g.d);
      if (!validDay(undefined, mo.month, d)) return;
      const p = prefix(text, lex.pre.weekday, m.index);
      let end = m.index + m[0].length;
      let y = g.y ? +g.y : undefined;
      if (y !== undefined && ix.y && notAYear(ctx, ix.y[0], ix.y[1])) {
        // "le 5 mai 2000 personnes": the number is not the year
        y = undefined;
        end = Math.max(ix.m![1], ix.d![1]);
      }
      const wd = p.g.wd ? lex.weekdays.get(normKey(p.g.wd)) ?? null : null;
      const yOff = g.yrel ? lex.yearRel.get(normKey(g.yrel)) ?? null : null;
      const cue = g.rel ? lex.relAfter.get(normKey(g.rel)) ?? null : null;
      if (y !== undefined && !validDay(y, mo.month, d)) return;
      const value = resolveDate({ year: y, month: mo.month, day: d, weekday: wd, cue, yearOffset: yOff }, ctx.ref, {
        futureToleranceDays: ctx.tol,
      });
      const relative = cueToRel(cue) ?? offsetToRel(yOff);
      const kind = y !== undefined ? "absolute" : cue || yOff != null ? "relative" : "partial";
      out.push({ m: mention(ctx, p.start, end, { value, kind, relative }), prio });
    });
  }
}

function findNumeric(ctx: Ctx, out: Cand[]): void {
  scan(ctx.lex.re.numeric, ctx.text, (m, g) => {
    let y: number, mo: number, d: number;
    if (g.Y) {
      y = +g.Y;
      mo = +g.M!;
      d = +g.D!;
    } else {
      y = +g.y!;
      mo = +g.m!;
      d = +g.d!;
      if (mo > 12 && d <= 12) [mo, d] = [d, mo]; // month-first (US) order
    }
    if (!validDay(y, mo, d)) return;
    out.push({ m: mention(ctx, m.index, m.index + m[0].length, { value: formatIso(y, mo, d), kind: "absolute", relative: null }), prio: 4 });
  });
}

function findMonths(ctx: Ctx, out: Cand[]): void {
  const { lex, text } = ctx;
  scan(lex.re.month, text, (m, g, ix) => {
    if (!startsWord(text, m.index)) return;
    const mo = monthOf(ctx, g.m);
    if (!mo) return;
    let y = g.y ? +g.y : undefined;
    let end = m.index + m[0].length;
    if (y !== undefined && ix.y && notAYear(ctx, ix.y[0], ix.y[1])) {
      y = undefined;
      end = ix.m![1];
    }
    if (mo.abbr && y === undefined) return;
    const p = prefix(text, lex.pre.month, m.index);
    const cue = p.g.rb ? lex.relBefore.get(normKey(p.g.rb)) ?? null : g.rel ? lex.relAfter.get(normKey(g.rel)) ?? null : null;
    const yOff = g.yrel ? lex.yearRel.get(normKey(g.yrel)) ?? null : null;
    const part = p.g.part ? lex.parts.get(normKey(p.g.part)) : undefined;
    if (y === undefined && !cue && yOff == null && !part && !p.g.cue) return;
    // "Mai Phan Dung": a capitalized month alone followed by a capitalized word is a name
    if (y === undefined && !cue && yOff == null && !lex.file.case_sensitive_months && isUpper(g.m!)) {
      const a = wordAfter(text, ix.m![1]);
      if (!a.glued && a.word && isUpper(a.word)) return;
    }
    // the span starts at the part or relative word, not at a bare cue ("en", "in")
    const start = (part ? p.at("part") : undefined) ?? p.at("rb") ?? m.index;
    const value = resolveDate({ year: y, month: mo.month, cue, yearOffset: yOff }, ctx.ref, { futureToleranceDays: ctx.tol });
    const kind = y !== undefined ? "absolute" : cue || yOff != null ? "relative" : "partial";
    const mm = mention(ctx, start, end, { value, kind, relative: cueToRel(cue) ?? offsetToRel(yOff) });
    if (part) mm.part = part;
    out.push({ m: mm, prio: 5 });
  });
}

function findWeekdays(ctx: Ctx, out: Cand[]): void {
  const { lex, text } = ctx;
  scan(lex.re.weekday, text, (m, g) => {
    if (!startsWord(text, m.index)) return;
    const wd = lex.weekdays.get(normKey(g.wd!));
    if (!wd) return;
    const p = prefix(text, lex.pre.relBefore, m.index);
    const cue = p.g.rb ? lex.relBefore.get(normKey(p.g.rb)) ?? null : g.rel ? lex.relAfter.get(normKey(g.rel)) ?? null : null;
    const end = m.index + m[0].length;
    if (!cue && !g.pod && weekdayIsName(ctx, m.index, end)) return;
    out.push({
      m: mention(ctx, p.start, end, { value: resolveWeekday(wd, ctx.ref, cue), kind: "relative", relative: cueToRel(cue), base: "publication" }),
      prio: 6,
    });
  });
}

function findPeriods(ctx: Ctx, out: Cand[]): void {
  const { lex, text } = ctx;
  scan(lex.re.period, text, (m, g) => {
    const sep = g.sep!;
    const isWord = /\p{L}/u.test(sep);
    const p = prefix(text, lex.pre.period, m.index);
    if (isWord && (!p.g.pre || !lex.periodJoiners.has(normKey(sep)))) return;
    const y1 = +g.y1!;
    let y2 = +g.y2!;
    if (g.y2!.length === 2) {
      if (sep.trim() !== sep || isWord) return; // "2019-20" only written tight
      y2 = Math.floor(y1 / 100) * 100 + y2;
    }
    if (y2 <= y1 || y2 - y1 > 30) return;
    out.push({
      m: mention(ctx, p.start, m.index + m[0].length, {
        value: String(y1),
        endValue: String(y2),
        kind: "period",
        periodFrom: y1,
        periodTo: y2,
        relative: null,
      }),
      prio: 7,
    });
  });
}

function findYears(ctx: Ctx, out: Cand[]): void {
  const { lex, text } = ctx;
  scan(lex.re.year, text, (m, g) => {
    const ys = m.index;
    const ye = ys + m[0].length;
    if (notAYear(ctx, ys, ye)) return;
    const p = prefix(text, lex.pre.part, ys);
    const part = p.g.part ? lex.parts.get(normKey(p.g.part)) : undefined;
    const mm = mention(ctx, part ? p.start : ys, ye, { value: g.y!, kind: "year", relative: null });
    if (part) mm.part = part;
    out.push({ m: mm, prio: 8 });
  });
}

function findPhrases(ctx: Ctx, out: Cand[]): void {
  const { lex, text } = ctx;
  if (!lex.re.phrase) return;
  scan(lex.re.phrase, text, (m) => {
    if (!startsWord(text, m.index)) return;
    const p = lex.phrases.get(normKey(m[0]));
    if (!p) return;
    const start = m.index;
    const end = start + m[0].length;
    if (p.base === "previous") {
      out.push({
        m: mention(ctx, start, end, {
          value: null,
          kind: "relative",
          relative: p.offset === 0 ? "same-day" : offsetToRel(p.offset),
          base: "previous",
          offsetDays: p.offset,
        }),
        prio: 9,
      });
      return;
    }
    const mm = mention(ctx, start, end, { value: resolveOffset(p.unit, p.offset, ctx.ref), kind: "relative", relative: offsetToRel(p.offset), base: "publication" });
    if (p.unit === "day") mm.offsetDays = p.offset;
    out.push({ m: mm, prio: 9 });
  });
}

/** Finds and resolves every date mention of the text, in text order, without overlaps (the longest wins). */
export function findDates(text: string, lang: Lang, opts: FindDatesOptions = {}): DateMention[] {
  const lex = lexicon(lang);
  const tol = opts.futureToleranceDays ?? DEFAULT_FUTURE_TOLERANCE_DAYS;
  const ctx: Ctx = { text, lex, ref: combineReference(opts.published, opts.anchor, tol), tol };
  const cands: Cand[] = [];
  findRanges(ctx, cands);
  findSingles(ctx, cands);
  findNumeric(ctx, cands);
  findMonths(ctx, cands);
  findWeekdays(ctx, cands);
  findPeriods(ctx, cands);
  findYears(ctx, cands);
  findPhrases(ctx, cands);
  cands.sort((a, b) => a.m.start - b.m.start || b.m.end - a.m.end || a.prio - b.prio);
  const out: Cand[] = [];
  for (const c of cands) {
    const last = out[out.length - 1];
    if (last && c.m.start < last.m.end) {
      const better = c.m.end - c.m.start > last.m.end - last.m.start;
      if (better) out[out.length - 1] = c;
      continue;
    }
    out.push(c);
  }
  return out.map((c) => c.m);
}

/**
 * The publication (or, failing one, update) date a page prints: "Publié le 12 mars 2015", "Mise à jour 28.08.2011",
 * "Published: 12 March 2015", "Updated 2015-03-12". Only dates right after a cue word of the data file, and only
 * with a year. Returns "YYYY-MM-DD" (or "YYYY-MM").
 */
/**
 * The date of a press release the article reproduces ("Communiqué de presse du 10 mars 2015" on a line of its
 * own): "aujourd'hui" and "hier" in the release count from it, not from the day the page was posted.
 */
export function findReleaseDate(text: string, lang: Lang): string | null {
  const re = lexicon(lang).re.release;
  if (!re) return null;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const lineStart = text.lastIndexOf("\n", m.index) + 1;
    if (text.slice(lineStart, m.index).trim() || !startsWord(text, m.index)) continue;
    const lineEnd = text.indexOf("\n", m.index);
    const rest = text.slice(m.index + m[0].length, lineEnd < 0 ? text.length : lineEnd);
    // a heading line: the cue and a full date, little else
    if (rest.length > 40) continue;
    const first = findDates(rest, lang)[0];
    if (!first?.value || !/^\d{4}-\d{2}-\d{2}$/.test(first.value)) continue;
    if (!/^[\s:,–—-]*(?:(?:le|on|the|du|of)\s+)?$/i.test(rest.slice(0, first.start))) continue;
    return first.value;
  }
  return null;
}

export function findPublicationDate(text: string, lang: Lang): string | null {
  const lex = lexicon(lang);
  const re = lex.re.stamp;
  if (!re) return null;
  let update: string | null = null;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  const found: { cue: string; end: number }[] = [];
  while ((m = re.exec(text))) if (startsWord(text, m.index)) found.push({ cue: normKey(m.groups!.cue!), end: m.index + m[0].length });
  for (const f of found) {
    const window = text.slice(f.end, f.end + 80);
    const dates = findDates(window, lang);
    const first = dates[0];
    if (!first || !first.value || !/^\d{4}-\d{2}(?:-\d{2})?$/.test(first.value)) continue;
    const gap = window.slice(0, first.start);
    if (!/^[\s:|,–—-]*(?:(?:le|on|the|du)\s+)?$/i.test(gap)) continue;
    if (lex.publicationCues.has(f.cue)) return first.value;
    update ??= first.value;
  }
  return update;
}
