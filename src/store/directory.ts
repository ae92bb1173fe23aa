// Lists of people and organizations for browsing: by name (indexed), filtered by country or sector and by a
// diacritic-insensitive piece of any written form (matched in the folded entity documents of the search index).
import type { Conn } from "./db.js";
import { placeholders } from "./queries.js";
import { indexText } from "./text.js";
import type { OrganizationQuery, OrganizationSummary, Page, PeopleQuery, PersonSummary } from "./types.js";

const CHUNK = 500;

function paging(q: { limit?: number; offset?: number }) {
  return { limit: Math.max(0, Math.min(1000, Math.floor(q.limit ?? 50))), offset: Math.max(0, Math.floor(q.offset ?? 0)) };
}

/** counts per owner id of `sql` (a GROUP BY over `{IDS}`) */
async function countsOf(c: Conn, ids: number[], sql: string): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    for (const r of await c.all<{ owner: number; n: number }>(sql.replace("{IDS}", placeholders(chunk.length)), chunk)) out.set(Number(r.owner), Number(r.n));
  }
  return out;
}

/** WHERE conditions of a name piece: the folded words as one substring of the entity's document */
function nameCond(kind: "person" | "organization", alias: string, q: string | undefined): { where: string[]; params: unknown[] } {
  if (q == null) return { where: [], params: [] };
  const norm = indexText(q);
  // nothing searchable in the piece (punctuation only): no entity matches
  if (!norm) return { where: ["1 = 0"], params: [] };
  return { where: [`${alias}.id IN (SELECT s.entity_id FROM search_entities s WHERE s.kind = '${kind}' AND s.norm LIKE ?)`], params: [`%${norm}%`] };
}

/** Runs `fn` once per generation of the merged records for `key` (the store's memo), or every time. */
export type Memo = <T>(key: string, fn: () => Promise<T>) => Promise<T>;
const noMemo: Memo = (_key, fn) => fn();

/** the most matches of a name piece kept in memory, in name order (below that, ~4 bytes each) */
const MATCHES_KEPT = 5000;

async function page<R extends { id: number }>(c: Conn, cols: string, table: string, where: string[], params: unknown[], q: { limit?: number; offset?: number; q?: string }, memo: Memo) {
  const { limit, offset } = paging(q);
  const w = where.length ? where.join(" AND ") : "1 = 1";
  const key = `${table} WHERE ${w} ${JSON.stringify(params)}`;
  if (q.q != null) {
    // a name piece is a substring match, a scan of every name: its matches are found once per generation and
    // each page of them is cut from that list (unless they are too many to keep)
    const ids = await memo(`ids:${key}`, async () => {
      const rows = await c.all<{ id: number }>(`SELECT t.id FROM ${table} WHERE ${w} ORDER BY t.name, t.id LIMIT ${MATCHES_KEPT + 1}`, params);
      return rows.length > MATCHES_KEPT ? null : Int32Array.from(rows, (r) => Number(r.id));
    });
    if (ids) {
      const wanted = [...ids.subarray(offset, offset + limit)];
      const got = wanted.length ? await c.all<R>(`SELECT ${cols} FROM ${table} WHERE t.id IN (${placeholders(wanted.length)})`, wanted) : [];
      const byId = new Map(got.map((r) => [Number(r.id), r]));
      return { rows: wanted.map((id) => byId.get(id)!).filter(Boolean), total: ids.length, limit, offset };
    }
  }
  const rows = await c.all<R>(`SELECT ${cols} FROM ${table} WHERE ${w} ORDER BY t.name, t.id LIMIT ? OFFSET ?`, [...params, limit, offset]);
  const total =
    rows.length < limit && (rows.length > 0 || offset === 0)
      ? offset + rows.length
      : // the total of a filter is asked again on every page of it: counted once per generation
        await memo(`count:${key}`, async () => Number((await c.get<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${w}`, params))!.n));
  return { rows, total, limit, offset };
}

export async function peopleList(c: Conn, q: PeopleQuery, memo: Memo = noMemo): Promise<Page<PersonSummary>> {
  const n = nameCond("person", "t", q.q);
  const where = [...n.where];
  const params = [...n.params];
  if (q.country != null) {
    where.unshift("t.country = ?");
    params.unshift(q.country.toUpperCase());
  }
  const p = await page<{ id: number; key: string; name: string; country: string | null }>(c, "t.id, t.key, t.name, t.country", "people t", where, params, q, memo);
  const ids = p.rows.map((r) => r.id);
  const variants = new Map<number, string[]>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    for (const r of await c.all<{ owner: number; variant: string }>(`SELECT person_id AS owner, variant FROM person_variants WHERE person_id IN (${placeholders(chunk.length)}) ORDER BY person_id, seq`, chunk)) {
      const l = variants.get(r.owner);
      if (l) l.push(r.variant);
      else variants.set(r.owner, [r.variant]);
    }
  }
  const counts = await countsOf(c, ids, "SELECT person_id AS owner, count(*) AS n FROM event_participants WHERE person_id IN ({IDS}) GROUP BY person_id");
  return {
    items: p.rows.map((r) => ({ id: r.key, name: r.name, country: r.country, variants: variants.get(r.id) ?? [r.name], event_count: counts.get(r.id) ?? 0 })),
    total: p.total,
    limit: p.limit,
    offset: p.offset,
  };
}

export async function organizationCounts(c: Conn, ids: number[]) {
  return {
    events: await countsOf(c, ids, "SELECT org_id AS owner, count(*) AS n FROM event_organizations WHERE org_id IN ({IDS}) GROUP BY org_id"),
    agreements: await countsOf(c, ids, "SELECT org_id AS owner, count(*) AS n FROM agreement_parties WHERE org_id IN ({IDS}) GROUP BY org_id"),
  };
}

export async function organizationList(c: Conn, q: OrganizationQuery, memo: Memo = noMemo): Promise<Page<OrganizationSummary>> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.country != null) {
    where.push("t.country = ?");
    params.push(q.country.toUpperCase());
  }
  if (q.sector != null) {
    where.push("t.sector = ?");
    params.push(q.sector);
  }
  const n = nameCond("organization", "t", q.q);
  where.push(...n.where);
  params.push(...n.params);
  const p = await page<{ id: number; key: string; name: string; country: string | null; sector: string | null }>(c, "t.id, t.key, t.name, t.country, t.sector", "organizations t", where, params, q, memo);
  const counts = await organizationCounts(c, p.rows.map((r) => r.id));
  return {
    items: p.rows.map((r) => ({ id: r.key, name: r.name, country: r.country, sector: r.sector, event_count: counts.events.get(r.id) ?? 0, agreement_count: counts.agreements.get(r.id) ?? 0 })),
    total: p.total,
    limit: p.limit,
    offset: p.offset,
  };
}
