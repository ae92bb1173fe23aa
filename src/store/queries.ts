// The list queries, written once for both dialects. Each filter set picks the index that drives the scan
// (pair, country, area, person, status/kind, date) so that the rows come out of the index already ordered by date;
// the remaining filters are checked per row by primary-key lookups.
import { addDays, bound } from "./dates.js";

export type Rec = "event" | "agreement";

export interface ListFilters {
  country?: string;
  with?: string;
  area?: string;
  kind?: string;
  status?: string;
  from?: string;
  to?: string;
  background?: boolean;
  /** ids of the people one of whom must take part (events only) */
  personIds?: number[];
}

export interface ListPlan {
  /** FROM clause: the driving table `d` (or the record table itself) joined to the record table `e` */
  from: string;
  /** FROM clause enough to count the rows (the driving table alone when no condition is on the record) */
  countFrom: string;
  /** WHERE clause (never empty) */
  where: string;
  params: unknown[];
  /** ORDER BY clause, following the driving index */
  order: string;
}

export const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/** `span`: the longest date range (in days) of a record of this kind, so a "from" bound can use the date index. */
export function listPlan(rec: Rec, f: ListFilters, span: number, dir: "asc" | "desc" = "asc"): ListPlan {
  const t = rec === "event" ? "events" : "agreements";
  const rid = `${rec}_id`;
  const fromParams: unknown[] = [];
  const where: string[] = [];
  const params: unknown[] = [];
  let a = f.country ? f.country.toUpperCase() : undefined;
  let b = f.with ? f.with.toUpperCase() : undefined;
  if (!a && b) [a, b] = [b, undefined];
  if (a === b) b = undefined;
  const done = { pair: false, country: false, area: false, person: false, status: false, kind: false };
  /** the conditions on `e`: without them a count needs no join */
  let onE = false;
  let from!: string;
  let countFrom!: string;
  let sd!: string;
  let idc!: string;
  const driven = (table: string) => {
    from = `${table} d JOIN ${t} e ON e.id = d.${rid}`;
    countFrom = `${table} d`;
    sd = "d.sort_date";
    idc = `d.${rid}`;
  };
  const plain = () => {
    from = countFrom = `${t} e`;
    sd = "e.sort_date";
    idc = "e.id";
    onE = true;
  };
  // the driving index, most selective first: a person's events, a pair, a country, an area, a status or kind, dates
  if (rec === "event" && f.personIds) {
    const sub = `(SELECT DISTINCT event_id, sort_date FROM event_participants WHERE person_id IN (${placeholders(f.personIds.length)})) d`;
    from = `${sub} JOIN events e ON e.id = d.event_id`;
    countFrom = sub;
    fromParams.push(...f.personIds);
    sd = "d.sort_date";
    idc = "d.event_id";
    done.person = true;
  } else if (a && b) {
    driven(`${rec}_pairs`);
    where.push("d.country_a = ?", "d.country_b = ?");
    params.push(a < b ? a : b, a < b ? b : a);
    done.pair = true;
  } else if (a) {
    driven(`${rec}_countries`);
    where.push("d.country = ?");
    params.push(a);
    done.country = true;
  } else if (f.area != null) {
    driven(`${rec}_areas`);
    where.push("d.area = ?");
    params.push(f.area);
    done.area = true;
  } else if (rec === "agreement" && f.status != null) {
    plain();
    where.push("e.status = ?");
    params.push(f.status);
    done.status = true;
  } else if (f.kind != null) {
    plain();
    where.push("e.kind = ?");
    params.push(f.kind);
    done.kind = true;
  } else plain();
  const exists = (table: string, cond: string, ...ps: unknown[]) => {
    where.push(`EXISTS (SELECT 1 FROM ${table} x WHERE x.${rid} = e.id AND ${cond})`);
    params.push(...ps);
    onE = true;
  };
  if (a && b && !done.pair) exists(`${rec}_pairs`, "x.country_a = ? AND x.country_b = ?", a < b ? a : b, a < b ? b : a);
  else if (a && !b && !done.country) exists(`${rec}_countries`, "x.country = ?", a);
  if (f.area != null && !done.area) exists(`${rec}_areas`, "x.area = ?", f.area);
  if (rec === "event" && f.personIds && !done.person) exists("event_participants", `x.person_id IN (${placeholders(f.personIds.length)})`, ...f.personIds);
  const onRecord = (cond: string, ...ps: unknown[]) => {
    where.push(cond);
    params.push(...ps);
    onE = true;
  };
  if (rec === "agreement" && f.status != null && !done.status) onRecord("e.status = ?", f.status);
  if (f.kind != null && !done.kind) onRecord("e.kind = ?", f.kind);
  if (f.background != null) onRecord("e.background = ?", f.background ? 1 : 0);
  if (f.from != null) {
    const lo = bound(f.from, "from");
    // date_hi >= lo is the test; sort_date >= lo - span bounds the index range without losing a record
    where.push(`${sd} >= ?`);
    params.push(addDays(lo, -Math.max(0, span)));
    onRecord("e.date_hi >= ?", lo);
  }
  if (f.to != null) {
    where.push(`${sd} <= ?`);
    params.push(bound(f.to, "to"));
  }
  const d = dir === "desc" ? "DESC" : "ASC";
  return {
    from,
    countFrom: onE ? from : countFrom,
    where: where.length ? where.join(" AND ") : "1 = 1",
    params: [...fromParams, ...params],
    order: `${sd} ${d}, ${idc} ${d}`,
  };
}
