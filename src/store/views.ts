// The web app's aggregate views, written once for both dialects. Counts come from the link tables with GROUP BY
// (event_countries, event_pairs, event_areas, ... carry the record's sort_date, date_hi, kind and background), never
// by hydrating records; a rejected record is left out by a primary-key probe into record_reviews, and only when
// some record of that kind is rejected at all.
import type { Conn } from "./db.js";
import { dateConds, reviewCond, type Rec } from "./queries.js";
import type { AreaCount, CountryCount, CountryDetail, PairDossier, PairQuery } from "./types.js";

/** What every view needs to know about the store's state. */
export interface ViewContext {
  c: Conn;
  /** the longest date range of a record of each kind, in days (see listPlan) */
  spans: Record<Rec, number>;
  /** whether some record of that kind is rejected (else the probe is left out) */
  rejected: Record<Rec, boolean>;
}

interface Cond {
  where: string[];
  params: unknown[];
}

const num = (v: unknown) => Number(v);

/** The conditions on a link table `d` of `rec`: dates, kind, area (a probe into …_areas), rejected records out. */
function linkConds(ctx: ViewContext, rec: Rec, f: { from?: string; to?: string; kind?: string; area?: string; skipArea?: boolean }, t = "d"): Cond {
  const rid = `${t}.${rec}_id`;
  const { where, params } = dateConds(t, f.from, f.to, ctx.spans[rec]);
  if (f.kind != null) {
    where.push(`${t}.kind = ?`);
    params.push(f.kind);
  }
  if (f.area != null && !f.skipArea) {
    where.push(`EXISTS (SELECT 1 FROM ${rec}_areas x WHERE x.${rec}_id = ${rid} AND x.area = ?)`);
    params.push(f.area);
  }
  if (ctx.rejected[rec]) where.push(reviewCond(rec, rid, "not-rejected")!);
  return { where, params };
}

const and = (conds: string[]) => (conds.length ? conds.join(" AND ") : "1 = 1");

/**
 * FROM and WHERE for the link table `table` (as d) under filters: with an area, the area's link table (as x,
 * holding the same copied date and kind columns) drives through its (area, sort_date) index and d is joined by
 * record id; else d is scanned alone. An area-filtered count over 100,000 events reads only that area's rows.
 */
function linkScan(ctx: ViewContext, rec: Rec, table: string, f: Parameters<typeof linkConds>[2]): { from: string; where: string[]; params: unknown[] } {
  if (f.area == null || f.skipArea) {
    const k = linkConds(ctx, rec, f);
    return { from: `${table} d`, where: k.where, params: k.params };
  }
  const k = linkConds(ctx, rec, { ...f, skipArea: true }, "x");
  return { from: `${rec}_areas x JOIN ${table} d ON d.${rec}_id = x.${rec}_id`, where: ["x.area = ?", ...k.where], params: [f.area, ...k.params] };
}

async function countBy(ctx: ViewContext, rec: Rec, table: string, col: string, extra: Cond, f: Parameters<typeof linkConds>[2] = {}) {
  if (f.area != null && !f.skipArea) {
    const l = linkScan(ctx, rec, table, f);
    const rows = await ctx.c.all<{ code: string; n: number }>(
      `SELECT d.${col} AS code, count(*) AS n FROM ${l.from} WHERE ${and([...extra.where, ...l.where])} GROUP BY d.${col}`,
      [...extra.params, ...l.params],
    );
    return new Map(rows.map((r) => [r.code, num(r.n)]));
  }
  const k = linkConds(ctx, rec, f);
  const rows = await ctx.c.all<{ code: string; n: number }>(
    `SELECT d.${col} AS code, count(*) AS n FROM ${table} d WHERE ${and([...extra.where, ...k.where])} GROUP BY d.${col}`,
    [...extra.params, ...k.params],
  );
  return new Map(rows.map((r) => [r.code, num(r.n)]));
}

/** events and agreements per code, by events desc (then agreements desc, then code) */
export function combine(events: Map<string, number>, agreements: Map<string, number>): CountryCount[] {
  const codes = new Set([...events.keys(), ...agreements.keys()]);
  return [...codes]
    .map((code) => ({ code, events: events.get(code) ?? 0, agreements: agreements.get(code) ?? 0 }))
    .sort((x, y) => y.events - x.events || y.agreements - x.agreements || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
}

const NONE: Cond = { where: [], params: [] };

export async function countries(ctx: ViewContext): Promise<CountryCount[]> {
  return combine(await countBy(ctx, "event", "event_countries", "country", NONE), await countBy(ctx, "agreement", "agreement_countries", "country", NONE));
}

/** The partners of a country: the pair index read from either side (pairs are stored with country_a < country_b). */
async function partners(ctx: ViewContext, rec: Rec, code: string): Promise<Map<string, number>> {
  const out = await countBy(ctx, rec, `${rec}_pairs`, "country_b", { where: ["d.country_a = ?"], params: [code] });
  for (const [k, n] of await countBy(ctx, rec, `${rec}_pairs`, "country_a", { where: ["d.country_b = ?"], params: [code] })) out.set(k, (out.get(k) ?? 0) + n);
  return out;
}

export async function country(ctx: ViewContext, code: string): Promise<CountryDetail> {
  const one = { where: ["d.country = ?"], params: [code] };
  const events = (await countBy(ctx, "event", "event_countries", "country", one)).get(code) ?? 0;
  const agreements = (await countBy(ctx, "agreement", "agreement_countries", "country", one)).get(code) ?? 0;
  return { code, events, agreements, partners: combine(await partners(ctx, "event", code), await partners(ctx, "agreement", code)) };
}

/** Everything of a pair but its records: areas by year and the officials who took part. */
export async function pairAggregates(ctx: ViewContext, a: string, b: string, q: PairQuery): Promise<Pick<PairDossier, "areas_by_year" | "officials">> {
  const pair = { where: ["d.country_a = ?", "d.country_b = ?"], params: [a, b] };
  // the area filter is the join's own condition here
  const k = linkConds(ctx, "event", { ...q, skipArea: true });
  const areaCond = q.area != null ? { where: ["x.area = ?"], params: [q.area] } : NONE;
  const byYear = await ctx.c.all<{ year: string; area: string; n: number }>(
    `SELECT substr(d.sort_date, 1, 4) AS year, x.area AS area, count(*) AS n FROM event_pairs d JOIN event_areas x ON x.event_id = d.event_id
     WHERE ${and([...pair.where, "d.date_hi IS NOT NULL", ...k.where, ...areaCond.where])} GROUP BY substr(d.sort_date, 1, 4), x.area`,
    [...pair.params, ...k.params, ...areaCond.params],
  );
  const years = new Map<string, Record<string, number>>();
  for (const r of byYear) {
    let y = years.get(r.year);
    if (!y) years.set(r.year, (y = {}));
    y[r.area] = num(r.n);
  }
  const areas_by_year = [...years.keys()].sort().map((year) => ({ year, areas: years.get(year)! }));
  const k2 = linkConds(ctx, "event", q);
  const officials = await ctx.c.all<{ id: string; name: string; country: string | null; n: number }>(
    `SELECT p.key AS id, p.name AS name, p.country AS country, t.n AS n FROM (
       SELECT x.person_id AS pid, count(*) AS n FROM event_pairs d JOIN event_participants x ON x.event_id = d.event_id
       WHERE ${and([...pair.where, ...k2.where])} GROUP BY x.person_id ORDER BY count(*) DESC, x.person_id LIMIT 50
     ) t JOIN people p ON p.id = t.pid ORDER BY t.n DESC, p.id`,
    [...pair.params, ...k2.params],
  );
  return { areas_by_year, officials: officials.map((o) => ({ id: o.id, name: o.name, country: o.country, events: num(o.n) })) };
}

export async function areas(ctx: ViewContext): Promise<AreaCount[]> {
  return combine(await countBy(ctx, "event", "event_areas", "area", NONE), await countBy(ctx, "agreement", "agreement_areas", "area", NONE));
}
