// The list queries must be answered from indexes: no full scan of a table and no sort for country, pair, area,
// kind, status and date filters (checked on SQLite's query plans).
import { test } from "node:test";
import assert from "node:assert/strict";
import { listPlan, type ListFilters, type Rec } from "./queries.js";
import { openSqliteStore } from "./sqlite.js";
import { numbered } from "./postgres.js";

const cases: [Rec, ListFilters, RegExp][] = [
  ["event", { personIds: [7] }, /event_participants_person_date \(person_id=\?\)/],
  ["event", { personIds: [7], country: "VNM", with: "FRA", area: "trade", kind: "visit", background: false, from: "2024" }, /event_participants_person_date \(person_id=\? AND sort_date>\?\)/],
  ["event", { country: "VNM" }, /event_countries_country_date \(country=\?\)/],
  ["event", { country: "VNM", from: "2024-01", to: "2024-06" }, /event_countries_country_date \(country=\? AND sort_date>\? AND sort_date<\?\)/],
  ["event", { country: "VNM", with: "FRA" }, /event_pairs_pair_date \(country_a=\? AND country_b=\?\)/],
  ["event", { country: "FRA", with: "VNM", area: "trade", from: "2024-01" }, /event_pairs_pair_date \(country_a=\? AND country_b=\? AND sort_date>\?\)/],
  ["event", { area: "trade", to: "2023" }, /event_areas_area_date \(area=\? AND sort_date<\?\)/],
  ["event", { kind: "visit", from: "2020" }, /events_kind_date \(kind=\? AND sort_date>\?\)/],
  ["event", { from: "2024-03-01", to: "2024-03-31" }, /events_date \(sort_date>\? AND sort_date<\?\)/],
  ["event", { country: "USA", kind: "meeting", background: false, order: undefined } as ListFilters, /event_countries_country_date \(country=\?\)/],
  ["agreement", { country: "VNM", with: "JPN", status: "signed" }, /agreement_pairs_pair_date \(country_a=\? AND country_b=\?\)/],
  ["agreement", { status: "signed", from: "2024" }, /agreements_status_date \(status=\? AND sort_date>\?\)/],
  ["agreement", { area: "energy" }, /agreement_areas_area_date \(area=\?\)/],
];

test("list queries are driven by an index, in date order, without a full scan or a sort", async () => {
  const s = await openSqliteStore(":memory:");
  await s.migrate();
  try {
    for (const [rec, f, want] of cases) {
      for (const dir of ["asc", "desc"] as const) {
        const p = listPlan(rec, f, 3, dir);
        const sql = `SELECT ${p.select} FROM ${p.from} WHERE ${p.where} ORDER BY ${p.order} LIMIT ? OFFSET ?`;
        const plan = (s.raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...p.params, 50, 0) as { detail: string }[]).map((r) => r.detail);
        const text = plan.join(" | ");
        assert.match(text, want, `${JSON.stringify(f)}: ${text}`);
        assert.doesNotMatch(text, /\bSCAN\b/, `${JSON.stringify(f)}: ${text}`);
        assert.doesNotMatch(text, /TEMP B-TREE/, `${JSON.stringify(f)}: ${text}`);
        const count = (s.raw.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM ${p.from} WHERE ${p.where}`).all(...p.params) as { detail: string }[]).map((r) => r.detail).join(" | ");
        assert.doesNotMatch(count, /\bSCAN\b/, `count ${JSON.stringify(f)}: ${count}`);
      }
    }
    // several people of one name: the participants index, then a sort of their events
    const p = listPlan("event", { personIds: [1, 2], country: "VNM" }, 0);
    const text = (s.raw.prepare(`EXPLAIN QUERY PLAN SELECT ${p.select} FROM ${p.from} WHERE ${p.where} ORDER BY ${p.order} LIMIT 5`).all(...p.params) as { detail: string }[]).map((r) => r.detail).join(" | ");
    assert.match(text, /event_participants_person_date \(person_id=\?\)/, text);
    assert.match(text, /event_countries_1 \(event_id=\? AND country=\?\)/, text);
  } finally {
    await s.close();
  }
});

test("a from bound reaches back by the longest record span, and checks the record's end", () => {
  const p = listPlan("event", { country: "VNM", from: "2024-03-10" }, 5);
  assert.deepEqual(p.params, ["VNM", "2024-03-05", "2024-03-10"]);
  assert.equal(p.where, "d.country = ? AND d.sort_date >= ? AND d.date_hi >= ?");
  const q = listPlan("event", { with: "fra", country: "vnm", to: "2024" }, 0);
  assert.deepEqual(q.params, ["FRA", "VNM", "2024-12-31"]);
});

test("placeholders are numbered for PostgreSQL", () => {
  assert.equal(numbered("SELECT ? , ?, x IN (?, ?)"), "SELECT $1 , $2, x IN ($3, $4)");
});
