// Dates of the output contract (YYYY, YYYY-MM, YYYY-MM-DD; --MM-DD / --MM when the year is unknown) as day ranges,
// so that records of any precision sort together and a filter matches every record whose range overlaps it.

/** The sort key of an undated record (or one without a year): after every real date. */
export const UNDATED = "9999-12-31";

const FULL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, "0");
}

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** First and last day of a date, or null when it has no year (or is not a date). */
export function dayRange(d: string | null | undefined): [string, string] | null {
  if (!d) return null;
  const m = FULL.exec(d);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[2] === undefined) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  if (m[3] === undefined) return [`${m[1]}-${m[2]}-01`, `${m[1]}-${m[2]}-${pad(lastDay(y, mo))}`];
  const day = Number(m[3]);
  if (day < 1 || day > lastDay(y, mo)) return null;
  return [d, d];
}

/** Day range of a record that may last (end_date): from the first day of `date` to the last of `end ?? date`. */
export function recordRange(date: string | null | undefined, end?: string | null): { sort: string; hi: string | null } {
  const a = dayRange(date);
  if (!a) return { sort: UNDATED, hi: null };
  const b = dayRange(end);
  const hi = b && b[1] > a[1] ? b[1] : a[1];
  return { sort: a[0], hi };
}

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(d: string, n: number): string {
  const t = new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** A query bound: "from" takes the first day of the given date, "to" the last. Throws on anything else. */
export function bound(d: string, side: "from" | "to"): string {
  const r = dayRange(d);
  if (!r) throw new Error(`store: bad ${side} date ${JSON.stringify(d)} (want YYYY, YYYY-MM or YYYY-MM-DD)`);
  return side === "from" ? r[0] : r[1];
}
