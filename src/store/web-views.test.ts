// The web app's store queries (views, lists by name), corrections and accounts: one suite, run on SQLite and on
// PostgreSQL (a throwaway server, as in store.test.ts).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ARTICLES, snapshot } from "../../test/store/fixtures.js";
import { findPgBin, startPgTestServer, type PgTestServer } from "./pg-test-server.js";
import { CorrectionError, openStore, type Store } from "./store.js";
import type { MergedSnapshot } from "./types.js";

async function seed(s: Store): Promise<{ ids: number[]; snap: MergedSnapshot }> {
  const ids: number[] = [];
  for (const a of ARTICLES) ids.push((await s.upsertArticle(a)).id);
  const snap = snapshot(ids);
  await s.replaceMerged(snap);
  return { ids, snap };
}

const keys = (p: { items: { id: string }[] }) => p.items.map((x) => x.id);

/** the same snapshot with every event and agreement id changed, as a re-extraction would make it */
function renamed(snap: MergedSnapshot): MergedSnapshot {
  return { ...snap, events: snap.events.map((e) => ({ ...e, id: `${e.id}-v2` })), agreements: snap.agreements.map((g) => ({ ...g, id: `${g.id}-v2` })) };
}

function suite(name: string, open: () => Promise<Store>) {
  describe(name, () => {
    const stores: Store[] = [];
    const fresh = async () => {
      const s = await open();
      stores.push(s);
      await seed(s);
      return s;
    };
    after(async () => {
      for (const s of stores) await s.close().catch(() => {});
    });

    test("event and agreement by id, with review state and corrections", async () => {
      const s = await fresh();
      const e1 = await s.event("e1");
      assert.equal(e1?.id, "e1");
      assert.deepEqual(e1?.participants.map((p) => p.id), ["p-khai", "p-helene"]);
      assert.deepEqual(e1?.review, { status: "unreviewed", by: null, at: null, note: null });
      assert.deepEqual(e1?.corrections, []);
      assert.equal(await s.event("nope"), null);
      const g1 = await s.agreement("g1");
      assert.equal(g1?.title, "Memorandum on Renewable Energy Cooperation");
      assert.equal(g1?.review.status, "unreviewed");
      assert.equal(await s.agreement("e1"), null, "an event id is no agreement");
    });

    test("people and organizations by name: a diacritic-insensitive piece, country, sector, paging", async () => {
      const s = await fresh();
      assert.deepEqual(keys(await s.people({ q: "dang van" })), ["p-khai"]);
      assert.deepEqual(keys(await s.people({ q: "ĐẶNG" })), ["p-khai"]);
      assert.deepEqual(keys(await s.people({ q: "omura" })), ["p-kenji"], "a variant matches too");
      const van = await s.people({ q: "van" });
      assert.deepEqual(new Set(keys(van)), new Set(["p-khai", "p-luc", "p-luc2"]));
      assert.equal(van.total, 3);
      const khai = van.items.find((p) => p.id === "p-khai")!;
      assert.deepEqual(khai.variants, ["Đặng Văn Khải", "Dang Van Khai", "Đặng Khải"]);
      assert.equal(khai.event_count, 3);
      assert.deepEqual(new Set(keys(await s.people({ q: "van", country: "vnm" }))), new Set(["p-khai", "p-luc"]));
      const p1 = await s.people({ limit: 2 });
      assert.deepEqual([p1.items.length, p1.total], [2, 5]);
      const p2 = await s.people({ limit: 2, offset: 4 });
      assert.deepEqual([p2.items.length, p2.total], [1, 5]);
      assert.deepEqual(keys(await s.people({ q: "zzz" })), []);
      assert.deepEqual(keys(await s.people({ q: "--" })), [], "nothing searchable matches nothing");

      assert.deepEqual(keys(await s.organizations({ q: "agence francaise" })), ["o-afd"]);
      assert.deepEqual(keys(await s.organizations({ country: "JPN" })), ["o-jica"]);
      assert.equal((await s.organizations({ sector: "GOV" })).total, 3);
      const o = (await s.organizations({ q: "ministry" })).items[0]!;
      assert.deepEqual([o.id, o.event_count, o.agreement_count], ["o-mofa-vn", 1, 1]);
      const d = await s.organization("o-mofa-vn");
      assert.deepEqual([d?.events.map((e) => e.id), d?.agreements.map((g) => g.id)], [["e1"], ["g1"]]);
      assert.equal(await s.organization("o-nope"), null);
    });

    test("countries, country partners, areas and the network come from the link tables", async () => {
      const s = await fresh();
      assert.deepEqual(await s.countries(), [
        { code: "VNM", events: 5, agreements: 3 },
        { code: "FRA", events: 5, agreements: 2 },
        { code: "JPN", events: 2, agreements: 1 },
        { code: "USA", events: 2, agreements: 1 },
      ]);
      assert.deepEqual(await s.country("vnm"), {
        code: "VNM", events: 5, agreements: 3,
        partners: [{ code: "FRA", events: 4, agreements: 2 }, { code: "JPN", events: 2, agreements: 1 }, { code: "USA", events: 1, agreements: 1 }],
      });
      assert.deepEqual(await s.country("DEU"), { code: "DEU", events: 0, agreements: 0, partners: [] });
      const areas = await s.areas();
      assert.deepEqual(areas.find((a) => a.code === "trade"), { code: "trade", events: 4, agreements: 0 });
      assert.deepEqual(areas.find((a) => a.code === "energy"), { code: "energy", events: 2, agreements: 1 });

      const net = await s.network();
      const fv = net.edges.find((e) => e.a === "FRA" && e.b === "VNM")!;
      assert.deepEqual(fv, { a: "FRA", b: "VNM", events: 4, agreements: 2, areas: { trade: 2, energy: 2, defence: 1, climate: 1 } });
      assert.equal(net.edges[0], fv, "heaviest edge first");
      assert.deepEqual(net.nodes.map((n) => n.code), ["VNM", "FRA", "JPN", "USA"]);
      const trade = await s.network({ area: "trade" });
      assert.deepEqual(trade.edges.find((e) => e.a === "FRA" && e.b === "VNM"), { a: "FRA", b: "VNM", events: 2, agreements: 0, areas: { trade: 2 } });
      const meetings = await s.network({ kind: "meeting" });
      assert.deepEqual(meetings.edges.map((e) => [e.a, e.b, e.events]).filter((x) => (x[2] as number) > 0), [["FRA", "VNM", 1], ["FRA", "USA", 1]], "ties by agreements");
      const y2024 = await s.network({ from: "2024", to: "2024" });
      assert.equal(y2024.edges.find((e) => e.a === "FRA" && e.b === "VNM")?.events, 3, "e1, e2, e4; not the undated e6");
      assert.equal(y2024.nodes.find((n) => n.code === "USA")?.events, 1);
    });

    test("pair dossier: records, areas by year, officials", async () => {
      const s = await fresh();
      const d = await s.pair("VNM", "FRA");
      assert.deepEqual([d.a, d.b], ["VNM", "FRA"]);
      assert.deepEqual(new Set(d.events.map((e) => e.id)), new Set(["e1", "e2", "e4", "e6"]));
      assert.deepEqual([d.event_total, d.agreement_total], [4, 2]);
      assert.deepEqual(d.areas_by_year, [{ year: "2024", areas: { trade: 1, energy: 2, defence: 1, climate: 1 } }]);
      assert.deepEqual(d.officials.slice(0, 2).map((o) => [o.id, o.events]).sort(), [["p-helene", 2], ["p-khai", 2]]);
      assert.equal(d.officials.length, 5);
      const energy = await s.pair("FRA", "VNM", { area: "energy" });
      assert.deepEqual([energy.events.map((e) => e.id).sort(), energy.areas_by_year], [["e1", "e4"], [{ year: "2024", areas: { energy: 2 } }]]);
      const limited = await s.pair("FRA", "VNM", { limit: 1 });
      assert.deepEqual([limited.events.length, limited.event_total], [1, 4]);
    });

    test("review: a rejected record leaves the lists and counts, stays readable, and survives replaceMerged", async () => {
      const s = await fresh();
      const before = (await s.countries()).find((c) => c.code === "VNM")!.events;
      const k = await s.addCorrection({ target_kind: "event", target_id: "e1", action: "review", payload: { status: "rejected", note: "not a meeting" }, by: "ed" });
      assert.deepEqual([k.action, k.target_id, k.attached_to, k.by], ["review", "e1", "e1", "ed"]);
      assert.deepEqual(k.anchor, { article: "https://news.example/vn-fr-talks", text: "HÀ NỘI" });
      assert.deepEqual(k.payload.original, { status: "unreviewed", note: null });
      assert.ok(!keys(await s.events({})).includes("e1"));
      assert.deepEqual(keys(await s.events({ review: "rejected" })), ["e1"]);
      assert.ok(keys(await s.events({ review: "all" })).includes("e1"));
      assert.deepEqual(keys(await s.events({ review: "unreviewed", country: "VNM", with: "FRA" })), ["e2", "e4", "e6"]);
      assert.equal((await s.countries()).find((c) => c.code === "VNM")!.events, before - 1, "cached counts were recomputed");
      assert.equal((await s.network()).edges.find((e) => e.a === "FRA" && e.b === "VNM")!.events, 3);
      const e1 = await s.event("e1");
      assert.deepEqual([e1?.review.status, e1?.review.by, e1?.review.note], ["rejected", "ed", "not a meeting"]);
      assert.equal(e1?.corrections.length, 1);
      await s.addCorrection({ target_kind: "agreement", target_id: "g2", action: "review", payload: { status: "confirmed" }, by: "ed" });
      assert.deepEqual(keys(await s.agreements({ review: "confirmed" })), ["g2"]);

      // the same merge again, then a re-extraction that renames every record: the reviews follow their anchors
      const ids = (await s.listArticles()).map((a) => a.id);
      await s.replaceMerged(snapshot(ids));
      assert.deepEqual(keys(await s.events({ review: "rejected" })), ["e1"]);
      await s.replaceMerged(renamed(snapshot(ids)));
      assert.deepEqual(keys(await s.events({ review: "rejected" })), ["e1-v2"]);
      assert.deepEqual(keys(await s.agreements({ review: "confirmed" })), ["g2-v2"]);
      assert.equal((await s.event("e1-v2"))?.review.status, "rejected");
      const list = await s.corrections({ target: "e1-v2" });
      assert.deepEqual([list.total, list.items[0]!.attached_to, list.items[0]!.target_id], [1, "e1-v2", "e1"]);
      assert.equal((await s.corrections({ target: "e1" })).total, 1, "found by the id it was made on too");
    });

    test("edits: fields, countries, areas and dates rewrite the record and its link rows, and survive re-extraction", async () => {
      const s = await fresh();
      const k = await s.addCorrection({
        target_kind: "event", target_id: "e3", action: "edit",
        payload: { fields: { kind: "meeting", date: "2021-02-03", countries: ["VNM", "kor"], areas: ["health"], place_name: "Seoul", place_country: "kor" } }, by: "ed",
      });
      assert.deepEqual(k.payload.original, { kind: "call", date: "2023-11-20", countries: ["VNM", "JPN"], areas: ["trade"], place_name: null, place_country: null });
      const check = async (id: string) => {
        const e = (await s.event(id))!;
        assert.deepEqual([e.kind, e.date, e.countries, e.areas, e.place_name, e.place_country], ["meeting", "2021-02-03", ["VNM", "KOR"], ["health"], "Seoul", "KOR"]);
        assert.equal(e.corrections.length, 1);
        assert.deepEqual(keys(await s.events({ country: "KOR", with: "VNM" })), [id]);
        assert.deepEqual(keys(await s.events({ country: "JPN", with: "VNM" })), ["e4" + id.slice(2)]);
        assert.deepEqual(keys(await s.events({ kind: "meeting", to: "2021-12" })), [id]);
        assert.deepEqual(keys(await s.events({ area: "health" })), [id]);
        assert.ok((await s.network()).edges.some((x) => x.a === "KOR" && x.b === "VNM" && x.areas.health === 1));
      };
      await check("e3");
      await s.addCorrection({ target_kind: "agreement", target_id: "g3", action: "edit", payload: { fields: { status: "signed", date: "2025-01", period: { from: 2025, to: 2030 }, title: "Maritime Security Agreement" } }, by: "ed" });
      const g3 = (await s.agreement("g3"))!;
      assert.deepEqual([g3.status, g3.date, g3.period, g3.title], ["signed", "2025-01", { from: 2025, to: 2030 }, "Maritime Security Agreement"]);
      assert.deepEqual(keys(await s.agreements({ status: "signed", country: "USA" })), ["g3"]);
      // g3 has no source: no anchor but its id, so it is found again by id only
      await s.replaceMerged(renamed(snapshot((await s.listArticles()).map((a) => a.id))));
      await check("e3-v2");
      assert.equal((await s.agreement("g3-v2"))?.status, "planned", "without an anchor, a renamed record loses its correction");
      assert.equal((await s.corrections({ target: "g3" })).items[0]!.attached_to, null);

      await assert.rejects(s.addCorrection({ target_kind: "event", target_id: "e3-v2", action: "edit", payload: { fields: { title: "x" } }, by: "ed" }), (e: unknown) => e instanceof CorrectionError && e.code === "bad_request");
      await assert.rejects(s.addCorrection({ target_kind: "event", target_id: "nope", action: "review", payload: { status: "confirmed" }, by: "ed" }), (e: unknown) => e instanceof CorrectionError && e.code === "not_found");
      await assert.rejects(s.addCorrection({ target_kind: "event", target_id: "e3-v2", action: "merge", payload: {}, by: "ed" }), /no merge/);
    });

    test("people: merge and split, again after replaceMerged", async () => {
      const s = await fresh();
      await s.addCorrection({ target_kind: "person", target_id: "p-luc", action: "merge", payload: { ids: ["p-luc2"] }, by: "ed" });
      const check = async () => {
        const luc = await s.person("To Van Luc");
        assert.deepEqual(luc.map((p) => p.id), ["p-luc"]);
        assert.deepEqual(luc[0]!.variants, ["Tô Văn Lực", "Tô Văn Lục"]);
        assert.deepEqual(luc[0]!.events.map((e) => e.id).sort(), ["e2", "e6"]);
        assert.equal(await s.personById("p-luc2"), null);
        assert.deepEqual((await s.search("to van luc")).filter((h) => h.kind === "person").map((h) => h.id), ["p-luc"], "the search index follows");
        assert.equal((await s.personById("p-luc"))?.corrections.length, 1);
      };
      await check();
      const split = await s.addCorrection({ target_kind: "person", target_id: "p-khai", action: "split", payload: { variants: ["Dang Khai"] }, by: "ed" });
      const checkSplit = async () => {
        const other = await s.personById(`p-split-${split.id}`);
        assert.deepEqual(other?.variants, ["Đặng Khải"]);
        assert.deepEqual((await s.personById("p-khai"))?.variants, ["Đặng Văn Khải", "Dang Van Khai"]);
      };
      await checkSplit();
      await s.replaceMerged(snapshot((await s.listArticles()).map((a) => a.id)));
      await check();
      await checkSplit();
      await assert.rejects(s.addCorrection({ target_kind: "person", target_id: "p-kenji", action: "split", payload: { variants: ["Kenji Ōmura", "Omura Kenji"] }, by: "ed" }), /every written form/);
      await assert.rejects(s.addCorrection({ target_kind: "person", target_id: "p-kenji", action: "merge", payload: { ids: ["p-nobody"] }, by: "ed" }), /no person/);
    });

    test("accounts: users, tokens by hash, revocation", async () => {
      const s = await open();
      stores.push(s);
      const u = await s.addUser({ username: "alice", role: "editor", password_hash: "h" });
      assert.deepEqual([u.username, u.role], ["alice", "editor"]);
      await assert.rejects(s.addUser({ username: "alice", role: "reader", password_hash: "h2" }));
      assert.equal((await s.userCredentials("alice"))?.password_hash, "h");
      assert.equal(await s.userCredentials("bob"), null);
      assert.equal(await s.addToken("bob", "x".repeat(64)), false);
      assert.equal(await s.addToken("alice", "a".repeat(64)), true);
      assert.equal((await s.tokenUser("a".repeat(64)))?.username, "alice");
      assert.equal(await s.revokeToken("a".repeat(64)), true);
      assert.equal(await s.revokeToken("a".repeat(64)), false);
      assert.equal(await s.tokenUser("a".repeat(64)), null);
    });
  });
}

suite("sqlite :memory:", () => openStore(":memory:"));

const pgBin = findPgBin();
if (!pgBin) {
  test("postgres backend", { skip: "PostgreSQL server binaries not found (apt-get install -y postgresql, or set ENTENTE_PG_BIN)" }, () => {});
} else {
  let server: PgTestServer | undefined;
  describe("postgres", () => {
    before(async () => {
      server = await startPgTestServer({ bin: pgBin });
    });
    after(async () => {
      await server?.stop();
    });
    suite("postgres backend", async () => openStore(await server!.createDatabase()));
  });
}
