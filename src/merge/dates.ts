// Partial ISO dates ("2017-07-25", "2017-07", "2017", "--07-25", "--07") and how two of them relate.

export interface PDate {
  y: number | null;
  m: number | null;
  d: number | null;
}

// a merge parses the same few thousand date strings millions of times
const parsed = new Map<string, Readonly<PDate> | null>();

export function parseDate(s: string | null | undefined): Readonly<PDate> | null {
  if (!s) return null;
  let p = parsed.get(s);
  if (p === undefined) {
    if (parsed.size > 100_000) parsed.clear();
    p = parseUncached(s);
    parsed.set(s, p);
  }
  return p;
}

function parseUncached(s: string): PDate | null {
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (m) return { y: +m[1]!, m: m[2] ? +m[2] : null, d: m[3] ? +m[3] : null };
  m = /^--(\d{2})(?:-(\d{2}))?$/.exec(s);
  if (m) return { y: null, m: +m[1]!, d: m[2] ? +m[2] : null };
  return null;
}

export function formatDate(p: PDate | null): string | null {
  if (!p) return null;
  const mm = p.m !== null ? String(p.m).padStart(2, "0") : null;
  const dd = p.d !== null && mm ? String(p.d).padStart(2, "0") : null;
  if (p.y !== null) return `${p.y}${mm ? `-${mm}${dd ? `-${dd}` : ""}` : ""}`;
  return mm ? `--${mm}${dd ? `-${dd}` : ""}` : null;
}

/** Two dates clash when a component both give differs ("--07-25" fits "2017-07-25"; "2017-07-25" and "2017-07-26" clash). */
export function datesClash(a: string | null, b: string | null): boolean {
  const A = parseDate(a), B = parseDate(b);
  if (!A || !B) return false;
  return (A.y !== null && B.y !== null && A.y !== B.y) || (A.m !== null && B.m !== null && A.m !== B.m) ||
    (A.d !== null && B.d !== null && A.d !== B.d);
}

export const isFullDate = (s: string | null): boolean => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);
/** Both give the same full day. */
export const sameDay = (a: string | null, b: string | null): boolean => isFullDate(a) && a === b;
/** Number of known components (0..3). */
export function precision(s: string | null): number {
  const p = parseDate(s);
  return p ? (p.y !== null ? 1 : 0) + (p.m !== null ? 1 : 0) + (p.d !== null ? 1 : 0) : 0;
}
/** Day and month are known (the year may not be). */
export const hasDay = (s: string | null): boolean => {
  const p = parseDate(s);
  return !!p && p.m !== null && p.d !== null;
};

/** The union of two compatible dates' components ("--07-25" + "2017" -> "2017-07-25"); null when they clash. */
export function combineDates(a: string | null, b: string | null): string | null {
  if (datesClash(a, b)) return null;
  const A = parseDate(a), B = parseDate(b);
  if (!A) return formatDate(B);
  if (!B) return formatDate(A);
  return formatDate({ y: A.y ?? B.y, m: A.m ?? B.m, d: A.d ?? B.d });
}

const DAY = 86400000;
/** Days since the epoch of the first and last day a (partial, year-known) date can denote. */
export function dayRange(s: string | null): [number, number] | null {
  const p = parseDate(s);
  if (!p || p.y === null) return null;
  if (p.m === null) return [Date.UTC(p.y, 0, 1) / DAY, Date.UTC(p.y, 11, 31) / DAY];
  if (p.d === null) return [Date.UTC(p.y, p.m - 1, 1) / DAY, Date.UTC(p.y, p.m, 0) / DAY];
  const t = Date.UTC(p.y, p.m - 1, p.d) / DAY;
  return [t, t];
}

/** Month-and-day order key, for dates whose year may be unknown. */
const md = (p: PDate): number | null => (p.m !== null && p.d !== null ? p.m * 100 + p.d : null);

/** x lies within [start, end] (end may be null: a single day); years are compared only where given. */
export function withinRange(x: string | null, start: string | null, end: string | null): boolean {
  const X = parseDate(x), S = parseDate(start), E = parseDate(end ?? start);
  if (!X || !S || !E) return false;
  const ys = [X.y, S.y, E.y].filter((y): y is number => y !== null);
  if (new Set(ys).size > 1 && !(S.y !== null && E.y !== null && E.y === S.y + 1)) return false;
  const x0 = md(X), s0 = md(S), e0 = md(E);
  if (x0 === null || s0 === null || e0 === null) return false;
  return s0 <= e0 ? s0 <= x0 && x0 <= e0 : x0 >= s0 || x0 <= e0;
}

/**
 * A stretch of time an event can lie in: days since the epoch, or, when the year is unknown, day-of-year
 * ordinals (month * 32 + day), which may wrap past the end of the year (lo > hi).
 */
export interface Span {
  lo: number;
  hi: number;
  yearless: boolean;
}

const ord = (m: number, d: number): number => m * 32 + d;
const YEAR_ORD = ord(12, 31) + 1;

/** The span of a (start, end) pair of partial dates; null without at least a month. */
export function dateSpan(start: string | null, end: string | null = null): Span | null {
  const S = parseDate(start);
  if (!S || S.m === null && S.y === null) return null;
  if (S.y !== null) {
    const a = dayRange(start)!;
    let hi = a[1];
    if (end) {
      const e = dayRange(combineDates(end, String(S.y)) ?? end);
      if (e && e[1] >= a[0] && e[1] - a[0] < 366) hi = Math.max(hi, e[1]);
    }
    return { lo: a[0], hi, yearless: false };
  }
  const lo = ord(S.m!, S.d ?? 1);
  let hi = ord(S.m!, S.d ?? 31);
  const E = parseDate(end);
  if (E && E.m !== null && E.d !== null) hi = ord(E.m, E.d);
  return { lo, hi, yearless: true };
}

/** A span widened by `days` on both sides. */
export function widen(s: Span, days: number): Span {
  return s.yearless
    ? { lo: (s.lo - days + YEAR_ORD) % YEAR_ORD, hi: (s.hi + days) % YEAR_ORD, yearless: true }
    : { lo: s.lo - days, hi: s.hi + days, yearless: false };
}

/** The year-free form of a span (null: it covers the whole year). */
function yearlessOf(s: Span): Span | null {
  if (s.yearless) return s;
  if (s.hi - s.lo >= 365) return null;
  const f = (t: number): number => {
    const d = new Date(t * 86400000);
    return ord(d.getUTCMonth() + 1, d.getUTCDate());
  };
  return { lo: f(s.lo), hi: f(s.hi), yearless: true };
}

const segments = (s: Span): [number, number][] => (s.lo <= s.hi ? [[s.lo, s.hi]] : [[s.lo, YEAR_ORD], [0, s.hi]]);

/** Two spans share at least a day (compared without years when either lacks one). */
export function spansOverlap(a: Span, b: Span): boolean {
  if (!a.yearless && !b.yearless) return a.lo <= b.hi && b.lo <= a.hi;
  const x = yearlessOf(a), y = yearlessOf(b);
  if (!x || !y) return true;
  return segments(x).some(([p, q]) => segments(y).some(([r, s]) => p <= s && r <= q));
}

/** The smallest span holding all the given ones (all converted to year-free form when any lacks a year). */
export function hull(spans: readonly Span[]): Span | null {
  if (!spans.length) return null;
  if (spans.every((s) => !s.yearless)) return { lo: Math.min(...spans.map((s) => s.lo)), hi: Math.max(...spans.map((s) => s.hi)), yearless: false };
  const ys = spans.map(yearlessOf);
  if (ys.some((s) => s === null || s.lo > s.hi)) return null;
  return { lo: Math.min(...ys.map((s) => s!.lo)), hi: Math.max(...ys.map((s) => s!.hi)), yearless: true };
}

/** Length in days of a span. */
export const spanDays = (s: Span): number => (s.lo <= s.hi ? s.hi - s.lo : s.hi + YEAR_ORD - s.lo);
