// The in-memory network against a plain recount of the records it describes: random events and agreements
// (dates of every precision, undated ones, ranges, several countries, rejected records) and random filters.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ARTICLES } from "../../test/store/fixtures.js";
import { dayRange } from "./dates.js";
import { openStore } from "./store.js";
import type { AgreementRow, EventRow, MergedSnapshot, Network, NetworkQuery } from "./types.js";

let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
const STATES = ["ALB", "BEN", "CHL", "DNK", "EST", "FJI"];
const AREAS = ["energy", "trade", "health", "drugs"];
const KINDS = ["meeting", "visit", "call"];
const date = (): string | null =>
  pick([null, "--05-03", `${2018 + Math.floor(rand() * 6)}`, `${2018 + Math.floor(rand() * 6)}-0${1 + Math.floor(rand() * 9)}`, `${2018 + Math.floor(rand() * 6)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`]);
const states = () => [...new Set([pick(STATES), pick(STATES), ...(rand() < 0.3 ? [pick(STATES)] : [])])];
const areas = () => [...new Set(Array.from({ length: Math.floor(rand() * 3) }, () => pick(AREAS)))];

/** The network recounted from hydrated records, with the filter semantics of the lists: date ranges overlap. */
function recount(events: EventRow[], agreements: AgreementRow[], q: NetworkQuery): Network {
  const overlaps = (d: string | null, end: string | null) => {
    if (q.from == null && q.to == null) return true;
    const r = dayRange(d);
    if (!r) return false;
    const hi = dayRange(end)?.[1] ?? r[1];
    return (q.from == null || (hi > r[1] ? hi : r[1]) >= dayRange(q.from)![0]) && (q.to == null || r[0] <= dayRange(q.to)![1]);
  };
  const nodes = new Map<string, { code: string; events: number; agreements: number }>();
  const edges = new Map<string, Network["edges"][number]>();
  const node = (c: string) => nodes.get(c) ?? nodes.set(c, { code: c, events: 0, agreements: 0 }).get(c)!;
  const pairs = (cs: string[]) => {
    const s = [...new Set(cs)].sort();
    const out: [string, string][] = [];
    for (let i = 0; i < s.length; i++) for (let j = i + 1; j < s.length; j++) out.push([s[i]!, s[j]!]);
    return out;
  };
  const edge = ([a, b]: [string, string]) => edges.get(`${a}|${b}`) ?? edges.set(`${a}|${b}`, { a, b, events: 0, agreements: 0, areas: {} }).get(`${a}|${b}`)!;
  for (const e of events) {
    if (!overlaps(e.date, e.end_date) || (q.kind != null && e.kind !== q.kind) || (q.area != null && !e.areas.includes(q.area))) continue;
    for (const c of new Set(e.countries)) node(c).events++;
    for (const p of pairs(e.countries)) {
      const x = edge(p);
      x.events++;
      for (const a of e.areas) if (q.area == null || a === q.area) x.areas[a] = (x.areas[a] ?? 0) + 1;
    }
  }
  for (const g of agreements) {
    if (!overlaps(g.date, null) || (q.area != null && !g.areas.includes(q.area))) continue;
    for (const c of new Set(g.countries)) node(c).agreements++;
    for (const p of pairs(g.countries)) edge(p).agreements++;
  }
  const order = <T extends { events: number; agreements: number }>(x: T, y: T, kx: string, ky: string) => y.events - x.events || y.agreements - x.agreements || (kx < ky ? -1 : kx > ky ? 1 : 0);
  return {
    nodes: [...nodes.values()].sort((x, y) => order(x, y, x.code, y.code)),
    edges: [...edges.values()].sort((x, y) => order(x, y, x.a + x.b, y.a + y.b)),
  };
}

test("the network under random filters equals a recount of the records", async () => {
  const s = await openStore(":memory:");
  try {
    const ids: number[] = [];
    for (const a of ARTICLES) ids.push((await s.upsertArticle(a)).id);
    const source = () => ({ articleId: pick(ids), index: 0, evidence: [{ start: 0, end: 5, text: ARTICLES[0]!.text.slice(0, 5) }] });
    const snap: MergedSnapshot = {
      people: [],
      organizations: [],
      events: Array.from({ length: 300 }, (_, i) => {
        const d = date();
        return {
          id: `e${i}`, kind: pick(KINDS), date: d, end_date: d && rand() < 0.2 ? `${d.slice(0, 4)}-12` : null, place_name: null, place_country: null,
          countries: states(), areas: areas(), participants: [], organizations: [], background: rand() < 0.2, sources: [source()], fields: {}, conflicts: [],
        };
      }),
      agreements: Array.from({ length: 80 }, (_, i) => ({
        id: `g${i}`, kind: "memorandum", title: `Memorandum ${i}`, status: "signed", date: date(), period: null, countries: states(), areas: areas(),
        parties: [], background: false, status_history: [], sources: [source()], fields: {}, conflicts: [],
      })),
    };
    await s.replaceMerged(snap);
    for (const id of ["e3", "e10", "e77"]) await s.addCorrection({ target_kind: "event", target_id: id, action: "review", payload: { status: "rejected" }, by: "ed" });
    await s.addCorrection({ target_kind: "agreement", target_id: "g5", action: "review", payload: { status: "rejected" }, by: "ed" });
    const events = (await s.events({ limit: 1000 })).items;
    const agreements = (await s.agreements({ limit: 1000 })).items;
    assert.equal(events.length, 297, "the rejected events are out of the list");
    const queries: NetworkQuery[] = [{}, { area: "energy" }, { kind: "visit" }, { from: "2020" }, { to: "2019-06" }, { from: "2019-03-01", to: "2021" }, { area: "nowhere" }, { kind: "signing" }];
    for (let i = 0; i < 40; i++) {
      const q: NetworkQuery = {};
      if (rand() < 0.5) q.area = pick(AREAS);
      if (rand() < 0.4) q.kind = pick(KINDS);
      if (rand() < 0.6) q.from = `${2018 + Math.floor(rand() * 6)}-0${1 + Math.floor(rand() * 9)}`;
      if (rand() < 0.6) q.to = `${2019 + Math.floor(rand() * 6)}`;
      queries.push(q);
    }
    for (const q of queries) assert.deepEqual(await s.network(q), recount(events, agreements, q), JSON.stringify(q));
    const all = await s.network();
    assert.ok(all.edges.length >= 10 && all.edges.some((e) => Object.keys(e.areas).length > 1), "the random world makes a real network");
  } finally {
    await s.close();
  }
});
