// The list queries, written once for both dialects. Each filter set picks the index that drives the scan
// (a person's events, a pair, a country, an area, a status or kind, dates) so that the rows come out of the index
// already in date order. The link tables carry copies of the record's sort_date, date_hi, kind, status and
// background, and their indexes end with them: every filter is checked inside the driving index (or by a
// primary-key probe for a second link), and a count never touches the record table.
import { addDays, bound } from "./dates.js";

export type Rec = "event" | "agreement";

/** The record columns copied into each link table (…_countries, …_pairs, …_areas, event_participants). */
export const COPIED: Record<Rec, readonly string[]> = {
  event: ["date_hi", "kind", "background"],
  agreement: ["date_hi", "kind", "status", "background"],
};

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
  /** by review state ("not-rejected": the lists' default); a primary-key probe into record_reviews */
  review?: "all" | "unreviewed" | "confirmed" | "rejected" | "not-rejected";
}

/** The review condition on the record id column `idc`, or null when every record passes. */
export function reviewCond(rec: Rec, idc: string, review: ListFilters["review"]): string | null {
  const probe = (status: string | null) =>
    `EXISTS (SELECT 1 FROM record_reviews r WHERE r.rec_kind = '${rec}' AND r.record_id = ${idc}${status ? ` AND r.status = '${status}'` : ""})`;
  switch (review) {
    case "confirmed":
    case "rejected":
      return probe(review);
    case "unreviewed":
      return `NOT ${probe(null)}`;
    case "not-rejected":
      return `NOT ${probe("rejected")}`;
    default:
      return null;
  }
}

/**
 * Conditions of a [from, to] overlap on a table carrying sort_date and date_hi (alias `t`); `span` as for listPlan.
 * Throws on a bad date.
 */
export function dateConds(t: string, from: string | undefined, to: string | undefined, span: number): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (from != null) {
    const lo = bound(from, "from");
    where.push(`${t}.sort_date >= ?`, `${t}.date_hi >= ?`);
    params.push(addDays(lo, -Math.max(0, span)), lo);
  }
  if (to != null) {
    where.push(`${t}.sort_date <= ?`);
    params.push(bound(to, "to"));
  }
  return { where, params };
}

export interface ListPlan {
  /** the record's columns: e.*, or d.* when the record table drives */
  select: string;
  /** FROM clause: the driving table `d` joined to the record table `e` (or the record table alone, as `d`) */
  from: string;
  /** FROM clause enough to count the rows: the driving table alone */
  countFrom: string;
  /** WHERE clause (never empty), on the driving table only */
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
  const where: string[] = [];
  const params: unknown[] = [];
  let a = f.country ? f.country.toUpperCase() : undefined;
  let b = f.with ? f.with.toUpperCase() : undefined;
  if (!a && b) [a, b] = [b, undefined];
  if (a === b) b = undefined;
  const pair = a && b ? (a < b ? [a, b] : [b, a]) : null;
  const ids = rec === "event" && f.personIds?.length ? f.personIds : null;
  const done = { pair: false, country: false, area: false, person: false, status: false, kind: false };
  let driver!: string;
  let idc!: string;
  const on = (table: string, cond: string, ...ps: unknown[]) => {
    driver = `${table} d`;
    idc = `d.${rid}`;
    where.push(cond);
    params.push(...ps);
  };
  // the driving index, most selective first
  if (ids && ids.length === 1) {
    on("event_participants", "d.person_id = ?", ids[0]);
    done.person = true;
  } else if (ids) {
    // several people of one name: each event once
    driver = `(SELECT DISTINCT event_id, sort_date, ${COPIED.event.join(", ")} FROM event_participants WHERE person_id IN (${placeholders(ids.length)})) d`;
    idc = "d.event_id";
    params.push(...ids);
    done.person = true;
  } else if (pair) {
    on(`${rec}_pairs`, "d.country_a = ? AND d.country_b = ?", ...pair);
    done.pair = true;
  } else if (a) {
    on(`${rec}_countries`, "d.country = ?", a);
    done.country = true;
  } else if (f.area != null) {
    on(`${rec}_areas`, "d.area = ?", f.area);
    done.area = true;
  } else {
    driver = `${t} d`;
    idc = "d.id";
    if (rec === "agreement" && f.status != null) {
      where.push("d.status = ?");
      params.push(f.status);
      done.status = true;
    } else if (f.kind != null) {
      where.push("d.kind = ?");
      params.push(f.kind);
      done.kind = true;
    }
  }
  const exists = (table: string, cond: string, ...ps: unknown[]) => {
    where.push(`EXISTS (SELECT 1 FROM ${table} x WHERE x.${rid} = ${idc} AND ${cond})`);
    params.push(...ps);
  };
  if (pair && !done.pair) exists(`${rec}_pairs`, "x.country_a = ? AND x.country_b = ?", ...pair);
  if (a && !pair && !done.country) exists(`${rec}_countries`, "x.country = ?", a);
  if (f.area != null && !done.area) exists(`${rec}_areas`, "x.area = ?", f.area);
  if (rec === "agreement" && f.status != null && !done.status) {
    where.push("d.status = ?");
    params.push(f.status);
  }
  if (f.kind != null && !done.kind) {
    where.push("d.kind = ?");
    params.push(f.kind);
  }
  if (f.background != null) {
    where.push("d.background = ?");
    params.push(f.background ? 1 : 0);
  }
  // date_hi >= from is the test; sort_date >= from - span bounds the index range without losing a record
  const dates = dateConds("d", f.from, f.to, span);
  where.push(...dates.where);
  params.push(...dates.params);
  const review = reviewCond(rec, idc, f.review);
  if (review) where.push(review);
  const d = dir === "desc" ? "DESC" : "ASC";
  return {
    select: driver === `${t} d` ? "d.*" : "e.*",
    from: driver === `${t} d` ? driver : `${driver} JOIN ${t} e ON e.id = ${idc}`,
    countFrom: driver,
    where: where.length ? where.join(" AND ") : "1 = 1",
    params,
    order: `d.sort_date ${d}, ${idc} ${d}`,
  };
}
