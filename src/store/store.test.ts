// One suite, three backends: SQLite in memory, SQLite in a temporary file, PostgreSQL on a server started here.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ARTICLES, snapshot } from "../../test/store/fixtures.js";
import { findPgBin, startPgTestServer, type PgTestServer } from "./pg-test-server.js";
import { openStore, parseSpec, type Store } from "./store.js";
import { markSnippet } from "./text.js";
import { MIGRATIONS } from "./migrations.js";

/** every schema version, ascending (later migrations add the web views, accounts and corrections) */
const ALL_VERSIONS = MIGRATIONS.map((m) => m.version).sort((a, b) => a - b);
import type { EventQuery, MergedSnapshot } from "./types.js";
import type { Db } from "./db.js";

interface Backend {
  /** a new, empty database each call (the same one again with `again`) */
  open(opts?: { migrate?: boolean; again?: boolean }): Promise<Store>;
  persistent: boolean;
}

async function seed(s: Store): Promise<{ ids: number[]; snap: MergedSnapshot }> {
  const ids: number[] = [];
  for (const a of ARTICLES) ids.push((await s.upsertArticle(a)).id);
  const snap = snapshot(ids);
  await s.replaceMerged(snap);
  return { ids, snap };
}

const keys = (p: { items: { id: string }[] }) => p.items.map((x) => x.id);

function suite(name: string, backend: () => Backend) {
  describe(name, () => {
    let b: Backend;
    const stores: Store[] = [];
    const open = async (opts?: { migrate?: boolean; again?: boolean }) => {
      const s = await b.open(opts);
      stores.push(s);
      return s;
    };
    before(() => {
      b = backend();
    });
    after(async () => {
      for (const s of stores) await s.close().catch(() => {});
    });

    test("migrations are versioned and idempotent", async () => {
      const s = await open({ migrate: false });
      assert.deepEqual(await s.schemaVersions(), []);
      await s.migrate(1);
      assert.deepEqual(await s.schemaVersions(), [1]);
      // version 2 (full text) is missing: indexing an article fails, and nothing is left behind
      await assert.rejects(s.upsertArticle({ url: "u", text: "t" }));
      await s.migrate();
      assert.deepEqual(await s.schemaVersions(), ALL_VERSIONS);
      assert.equal((await s.upsertArticle({ url: "u", text: "t" })).status, "new");
      await s.migrate();
      await s.migrate();
      assert.deepEqual(await s.schemaVersions(), ALL_VERSIONS);
      assert.equal((await s.stats()).articles, 1);
      assert.equal((await s.upsertArticle({ url: "u", text: "t" })).status, "unchanged");
    });

    test("migration 5 folds the per-article field support rows of an older database into one row per value", async () => {
      const s = await open({ migrate: false });
      await s.migrate(4);
      const a = (await s.upsertArticle({ url: "https://m.example/a", text: "A." })).id;
      const b = (await s.upsertArticle({ url: "https://m.example/b", text: "B." })).id;
      const db = (s as unknown as { db: Db }).db;
      const old = "INSERT INTO field_support (entity_kind, entity_id, field, seq, pos, value, article_id) VALUES (?, ?, ?, ?, ?, ?, ?)";
      await db.write(async (c) => {
        await c.run(old, ["event", 1, "date", 0, 0, JSON.stringify("2024-03-12"), b]);
        await c.run(old, ["event", 1, "date", 0, 1, JSON.stringify("2024-03-12"), a]);
        await c.run(old, ["event", 1, "date", 1, 0, JSON.stringify("2024-03-11"), a]);
        await c.run(old, ["event", 1, "place", 0, 0, JSON.stringify({ name: "Hà Nội" }), null]);
      });
      await s.migrate();
      assert.deepEqual(await s.schemaVersions(), ALL_VERSIONS);
      const rows = await db.read((c) => c.all<{ field: string; seq: number; value: unknown; articles: unknown }>("SELECT field, seq, value, articles FROM field_support ORDER BY field, seq"));
      const plain = rows.map((r) => ({ field: r.field, seq: Number(r.seq), value: typeof r.value === "string" ? JSON.parse(r.value) : r.value, articles: typeof r.articles === "string" ? JSON.parse(r.articles) : r.articles }));
      assert.deepEqual(plain, [
        { field: "date", seq: 0, value: "2024-03-12", articles: [b, a] },
        { field: "date", seq: 1, value: "2024-03-11", articles: [a] },
        { field: "place", seq: 0, value: { name: "Hà Nội" }, articles: [] },
      ]);
    });

    test("upsertArticles: a batch in order, in one go; a bad row gets its own error and the others are kept", async () => {
      const s = await open();
      const got = await s.upsertArticles([
        { url: "https://b.example/1", text: "One." },
        { text: "no url nor uri" } as unknown as { url: string; text: string },
        { url: "https://b.example/2", text: "Two." },
        { url: "https://b.example/1", text: "One, changed." },
      ]);
      assert.equal(got.length, 4);
      assert.ok("status" in got[0]! && got[0].status === "new");
      assert.ok("error" in got[1]! && /url or a uri/.test(got[1].error));
      assert.ok("status" in got[2]! && got[2].status === "new");
      assert.ok("status" in got[3]! && got[3].status === "new-version");
      const current = await s.listArticles();
      assert.deepEqual(current.map((a) => a.text).sort(), ["One, changed.", "Two."]);
      const again = await s.upsertArticles([{ url: "https://b.example/2", text: "Two." }]);
      assert.ok("status" in again[0]! && again[0].status === "unchanged");
    });

    test("upsertArticle: new, unchanged, new-version", async () => {
      const s = await open();
      const a = { url: "https://x.example/a", outlet: "X", title: "First", published: "2024-01-02", language: "en", text: "Alpha text about Hà Nội." };
      const r1 = await s.upsertArticle(a);
      assert.equal(r1.status, "new");
      const r2 = await s.upsertArticle({ ...a, extraction: { document: { id: "a", language: "en", title: "First", published: null, dateline: null, body: [] }, people: [], organizations: [], events: [], agreements: [], areas: [] } });
      assert.deepEqual(r2, { id: r1.id, status: "unchanged" });
      const kept = await s.article(r1.id);
      assert.equal(kept?.extraction?.document.id, "a", "an unchanged text takes the new extraction");
      assert.equal(kept?.outlet, "X");
      assert.equal(kept?.version, 1);
      const r3 = await s.upsertArticle({ ...a, text: "Alpha text, corrected." });
      assert.equal(r3.status, "new-version");
      assert.notEqual(r3.id, r1.id);
      const old = await s.article(r1.id);
      const cur = await s.article(r3.id);
      assert.equal(old?.superseded_by, r3.id);
      assert.equal(cur?.superseded_by, null);
      assert.equal(cur?.version, 2);
      assert.equal(cur?.text, "Alpha text, corrected.");
      assert.equal(cur?.key, "https://x.example/a");
      assert.match(cur!.sha256, /^[0-9a-f]{64}$/);
      assert.notEqual(cur!.sha256, old!.sha256);
      // back to the first text: a third version (compared with the current one only)
      const r4 = await s.upsertArticle({ ...a });
      assert.equal(r4.status, "new-version");
      assert.equal((await s.article(r4.id))?.version, 3);
      assert.equal((await s.article(r3.id))?.superseded_by, r4.id);
      // identity by uri when there is no url; same text under another key is another article
      assert.equal((await s.upsertArticle({ uri: "file:///b.txt", text: "Alpha text about Hà Nội." })).status, "new");
      assert.equal((await s.upsertArticle({ uri: "file:///b.txt", text: "Alpha text about Hà Nội." })).status, "unchanged");
      const st = await s.stats();
      assert.equal(st.articles, 2);
      assert.equal(st.article_versions, 4);
      const all = await s.listArticles({ includeSuperseded: true, withText: false });
      assert.equal(all.length, 4);
      assert.equal(all[0]!.text, undefined);
      assert.deepEqual((await s.listArticles()).map((x) => x.version), [3, 1]);
      await assert.rejects(s.upsertArticle({ text: "no identity" }), /url or a uri/);
    });

    test("replaceMerged, then events by country, pair, area, kind, dates, person, background", async () => {
      const s = await open();
      const { ids } = await seed(s);
      const q = async (f: EventQuery) => keys(await s.events(f));
      assert.deepEqual(await q({}), ["e5", "e3", "e1", "e2", "e4", "e6"]);
      assert.deepEqual(await q({ country: "VNM" }), ["e3", "e1", "e2", "e4", "e6"]);
      assert.deepEqual(await q({ country: "vnm", with: "FRA" }), ["e1", "e2", "e4", "e6"]);
      assert.deepEqual(await q({ country: "FRA", with: "VNM" }), ["e1", "e2", "e4", "e6"], "a pair either way round");
      assert.deepEqual(await q({ country: "FRA", with: "VNM", area: "trade" }), ["e1", "e6"]);
      assert.deepEqual(await q({ country: "FRA", with: "VNM", area: "trade", from: "2024-01" }), ["e1"]);
      assert.deepEqual(await q({ with: "JPN" }), ["e3", "e4"]);
      assert.deepEqual(await q({ country: "USA", with: "USA" }), ["e5", "e4"]);
      assert.deepEqual(await q({ area: "energy" }), ["e1", "e4"]);
      assert.deepEqual(await q({ kind: "meeting" }), ["e5", "e1"]);
      assert.deepEqual(await q({ kind: "meeting", country: "VNM" }), ["e1"]);
      assert.deepEqual(await q({ from: "2024-06-04" }), ["e4"], "a conference of 3-5 June is still on on the 4th");
      assert.deepEqual(await q({ from: "2022-07" }), ["e5", "e3", "e1", "e2", "e4"], "a year-only date overlaps its months");
      assert.deepEqual(await q({ to: "2022-12" }), ["e5"]);
      assert.deepEqual(await q({ to: "2024-05-15" }), ["e5", "e3", "e1", "e2"]);
      assert.deepEqual(await q({ from: "2024-03", to: "2024-05" }), ["e1", "e2"]);
      assert.deepEqual(await q({ person: "To Van Luc" }), ["e2", "e6"], "both Tô Văn Lực and Tô Văn Lục");
      assert.deepEqual(await q({ person: "DANG VAN KHAI" }), ["e3", "e1", "e4"]);
      assert.deepEqual(await q({ person: "p-kenji" }), ["e3", "e4"], "by id");
      assert.deepEqual(await q({ person: "dang van khai", country: "FRA" }), ["e1", "e4"]);
      assert.deepEqual(await q({ person: "Nobody Atall" }), []);
      assert.deepEqual(await q({ background: true }), ["e5"]);
      assert.deepEqual(await q({ background: false, country: "USA" }), ["e4"]);
      await assert.rejects(s.events({ from: "12 March" }), /bad from date/);

      const e1 = (await s.events({ country: "VNM", from: "2024-03-12", to: "2024-03-12" })).items[0]!;
      assert.equal(e1.id, "e1");
      assert.equal(e1.kind, "meeting");
      assert.equal(e1.date, "2024-03-12");
      assert.equal(e1.place_name, "Hà Nội");
      assert.equal(e1.place_country, "VNM");
      assert.deepEqual(e1.countries, ["VNM", "FRA"]);
      assert.deepEqual(e1.areas, ["trade", "energy"]);
      assert.deepEqual(e1.participants, [
        { id: "p-khai", name: "Đặng Văn Khải", country: "VNM" },
        { id: "p-helene", name: "Hélène Marchetti", country: "FRA" },
      ]);
      assert.deepEqual(e1.organizations, [{ id: "o-mofa-vn", name: "Ministry of Foreign Affairs", country: "VNM", sector: "GOV" }]);
      assert.equal(e1.background, false);
      assert.equal(e1.sources.length, 2);
      assert.deepEqual(e1.sources[0], {
        articleId: ids[0], index: 0, evidence: [{ start: 0, end: 6, text: "HÀ NỘI" }],
        url: "https://news.example/vn-fr-talks", uri: null, title: "Việt Nam and France deepen energy ties", outlet: "Example News", published: "2024-03-12", superseded: false,
      });
      assert.deepEqual(e1.fields, {
        date: [{ value: "2024-03-12", articles: [ids[0], ids[1]] }, { value: "2024-03-11", articles: [ids[2]] }],
        place: [{ value: { name: "Hà Nội", country: "VNM" }, articles: [] }],
      });
      assert.deepEqual(e1.conflicts, [{ field: "date", values: ["2024-03-12", "2024-03-11"] }]);
      const e2 = (await s.events({ kind: "visit" })).items[0]!;
      assert.deepEqual(e2.countries, ["VNM", "FRA"], "duplicate countries are folded");
      const e5 = (await s.events({ background: true })).items[0]!;
      assert.equal(e5.background, true);
      assert.deepEqual(e5.participants, []);
      assert.deepEqual(e5.sources, []);
    });

    test("events: pagination, totals and order", async () => {
      const s = await open();
      await seed(s);
      const p1 = await s.events({ country: "VNM", limit: 2 });
      assert.deepEqual([keys(p1), p1.total, p1.limit, p1.offset], [["e3", "e1"], 5, 2, 0]);
      const p2 = await s.events({ country: "VNM", limit: 2, offset: 2 });
      assert.deepEqual([keys(p2), p2.total], [["e2", "e4"], 5]);
      const p3 = await s.events({ country: "VNM", limit: 2, offset: 4 });
      assert.deepEqual([keys(p3), p3.total], [["e6"], 5]);
      const p4 = await s.events({ country: "VNM", limit: 2, offset: 10 });
      assert.deepEqual([keys(p4), p4.total], [[], 5]);
      const p5 = await s.events({ country: "VNM", limit: 0 });
      assert.deepEqual([keys(p5), p5.total], [[], 5]);
      assert.deepEqual(keys(await s.events({ country: "VNM", order: "desc" })), ["e6", "e4", "e2", "e1", "e3"]);
      assert.deepEqual(keys(await s.events({ country: "VNM", order: "desc", limit: 2, offset: 1 })), ["e4", "e2"]);
      assert.equal((await s.events({ limit: 5000 })).limit, 1000);
    });

    test("agreements by country, pair, status, kind, area and dates", async () => {
      const s = await open();
      const { ids } = await seed(s);
      const q = async (f: Parameters<Store["agreements"]>[0]) => keys(await s.agreements(f));
      assert.deepEqual(await q({}), ["g2", "g1", "g3"]);
      assert.deepEqual(await q({ country: "VNM" }), ["g2", "g1", "g3"]);
      assert.deepEqual(await q({ country: "VNM", with: "FRA" }), ["g1", "g3"]);
      assert.deepEqual(await q({ country: "USA", with: "FRA" }), ["g3"]);
      assert.deepEqual(await q({ status: "signed" }), ["g1"]);
      assert.deepEqual(await q({ status: "planned", country: "VNM" }), ["g3"]);
      assert.deepEqual(await q({ kind: "programme" }), ["g2"]);
      assert.deepEqual(await q({ area: "defence" }), ["g3"]);
      assert.deepEqual(await q({ from: "2024" }), ["g1"]);
      assert.deepEqual(await q({ to: "2023-06" }), ["g2"]);
      assert.deepEqual(await q({ country: "VNM", with: "JPN", area: "education", from: "2023-01" }), ["g2"]);
      assert.deepEqual(await q({ country: "VNM", with: "JPN", area: "energy" }), []);
      assert.deepEqual(await q({ background: true }), ["g2"]);
      const page = await s.agreements({ country: "VNM", limit: 1, offset: 1 });
      assert.deepEqual([keys(page), page.total], [["g1"], 3]);
      const g1 = page.items[0]!;
      assert.equal(g1.title, "Memorandum on Renewable Energy Cooperation");
      assert.equal(g1.kind, "memorandum");
      assert.equal(g1.status, "signed");
      assert.deepEqual(g1.period, { from: 2024, to: 2028 });
      assert.deepEqual(g1.parties.map((p) => p.id), ["o-mofa-vn", "o-afd"]);
      assert.equal(g1.parties[1]!.name, "Agence Française de Développement");
      assert.deepEqual(g1.status_history, [
        { status: "planned", date: "2023-12", articleId: ids[2] },
        { status: "signed", date: "2024-03-12", articleId: ids[0] },
      ]);
      assert.deepEqual(g1.fields, { status: [{ value: "signed", articles: [ids[0]] }, { value: "planned", articles: [ids[2]] }] });
      assert.equal(g1.sources[0]!.articleId, ids[0]);
      assert.deepEqual(g1.areas, ["energy"]);
      const g3 = (await s.agreements({ kind: "agreement" })).items[0]!;
      assert.deepEqual(g3.period, { from: null, to: 2030 });
      assert.equal(g3.date, null);
      assert.equal((await s.agreements({ kind: "programme" })).items[0]!.period, null);
    });

    test("person: diacritic-insensitive variants, offices over time, events, sources", async () => {
      const s = await open();
      const { ids } = await seed(s);
      for (const name of ["Đặng Văn Khải", "Dang Van Khai", "dang  van khai", "ĐẶNG VĂN KHẢI", "Dang Khai", "p-khai"]) {
        const r = await s.person(name);
        assert.deepEqual(r.map((p) => p.id), ["p-khai"], name);
      }
      const [k] = await s.person("Dang Van Khai");
      assert.equal(k!.name, "Đặng Văn Khải");
      assert.equal(k!.country, "VNM");
      assert.deepEqual(k!.variants, ["Đặng Văn Khải", "Dang Van Khai", "Đặng Khải"]);
      assert.deepEqual(k!.offices, [
        { title: "Minister of Foreign Affairs", date: "2023-05", articleId: ids[1] },
        { title: "Deputy Prime Minister", date: "2024-02-10", articleId: ids[1] },
        { title: "Party member", date: null, articleId: null },
      ]);
      assert.deepEqual(k!.events.map((e) => e.id), ["e4", "e1", "e3"], "most recent first");
      assert.equal(k!.event_count, 3);
      assert.equal(k!.events[1]!.participants.length, 2);
      assert.deepEqual(k!.sources.map((x) => x.articleId), [ids[1], ids[2], ids[0]], "own source first, then by date");
      assert.deepEqual(k!.sources[0]!.evidence, [{ start: 0, end: 13, text: "Đặng Văn Khải" }]);
      assert.deepEqual(k!.sources[1]!.evidence, []);
      const limited = await s.person("Dang Van Khai", { eventLimit: 1 });
      assert.deepEqual([limited[0]!.events.map((e) => e.id), limited[0]!.event_count], [["e4"], 3]);
      // two people whose names differ only by diacritics
      const luc = await s.person("To Van Luc");
      assert.deepEqual(luc.map((p) => p.id), ["p-luc", "p-luc2"]);
      assert.deepEqual(luc.map((p) => p.events.map((e) => e.id)), [["e2"], ["e6"]]);
      assert.deepEqual((await s.person("Tô Văn Lực")).map((p) => p.id), ["p-luc", "p-luc2"]);
      assert.deepEqual((await s.person("omura kenji")).map((p) => p.id), ["p-kenji"]);
      assert.deepEqual(await s.person("Helene"), [], "whole names only");
      assert.deepEqual(await s.person(""), []);
    });

    test("search: full text over articles and names, diacritic-insensitive, with snippets", async () => {
      const s = await open();
      const { ids } = await seed(s);
      const hits = await s.search("dang van khai");
      assert.equal(hits[0]!.kind, "person");
      assert.equal(hits[0]!.id, "p-khai");
      assert.equal(markSnippet(hits[0]!), "[Đặng] [Văn] [Khải] · [Dang] [Van] [Khai] · [Đặng] [Khải]");
      const arts = hits.filter((h) => h.kind === "article");
      assert.deepEqual(arts.map((h) => Number(h.id)).sort(), [ids[0], ids[1], ids[2]].sort());
      for (const h of arts) {
        assert.ok(h.article && h.article.id === Number(h.id));
        assert.deepEqual(h.highlights.map(([a, b]) => h.snippet.slice(a, b)).slice(0, 3), ["Đặng", "Văn", "Khải"], h.snippet);
      }
      const training = await s.search("HOP TAC DAO TAO");
      assert.deepEqual(training.map((h) => `${h.kind}:${h.id}`), ["agreement:g2", `article:${ids[2]}`]);
      assert.match(markSnippet(training[1]!), /\[Hợp\] \[tác\] \[Đào\] \[tạo\]/);
      assert.deepEqual((await s.search("Lodz")).map((h) => h.id), [String(ids[2])], "Ł and ó fold too");
      assert.deepEqual((await s.search("ha noi renewable")).map((h) => h.id), [String(ids[0])], "every word must match");
      assert.deepEqual((await s.search("defense paris")).map((h) => h.id), [String(ids[3])], "défense = defense");
      assert.deepEqual(await s.search("defense tokyo"), []);
      assert.deepEqual((await s.search("agence francaise")).map((h) => `${h.kind}:${h.id}`), ["organization:o-afd"]);
      assert.equal((await s.search("dang", 1)).length, 1);
      assert.deepEqual(await s.search(""), []);
      assert.deepEqual(await s.search(' "AND" OR (NEAR * ^ :'), [], "query syntax is not interpreted");
      assert.deepEqual((await s.search('"khai" *')).map((h) => h.kind).slice(0, 1), ["person"]);
      // only current versions are found
      await s.upsertArticle({ ...ARTICLES[3]!, text: "Tô Văn Lực s'est rendu à Paris. Un pelican fut évoqué." });
      assert.deepEqual(await s.search("zebracrossing"), []);
      const p = await s.search("pelican");
      assert.equal(p.length, 1);
      assert.notEqual(Number(p[0]!.id), ids[3]);
    });

    test("a failing replaceMerged leaves the previous snapshot intact", async () => {
      const s = await open();
      const { ids, snap } = await seed(s);
      const before = {
        stats: await s.stats(),
        vnm: await s.events({ country: "VNM" }),
        ag: await s.agreements({}),
        khai: await s.person("Dang Van Khai"),
        search: await s.search("maritime security"),
      };
      assert.equal(before.search.length, 1);
      const small: MergedSnapshot = { people: [snap.people[0]!], organizations: [], events: [{ ...snap.events[2]!, participants: ["p-khai"] }], agreements: [] };
      // a source citing an article that does not exist: a foreign-key violation in the last table written
      const badArticle: MergedSnapshot = { ...small, agreements: [{ ...snap.agreements[2]!, sources: [{ articleId: 987654, index: 0, evidence: [] }] }] };
      await assert.rejects(s.replaceMerged(badArticle));
      // two events with one id: a unique violation
      const dupEvent: MergedSnapshot = { ...small, events: [small.events[0]!, { ...small.events[0]!, date: "2020" }] };
      await assert.rejects(s.replaceMerged(dupEvent));
      // an unknown participant: refused before writing
      await assert.rejects(s.replaceMerged({ ...small, events: [{ ...small.events[0]!, participants: ["p-nobody"] }] }), /unknown person/);
      assert.deepEqual(await s.stats(), before.stats);
      assert.deepEqual(await s.events({ country: "VNM" }), before.vnm);
      assert.deepEqual(await s.agreements({}), before.ag);
      assert.deepEqual(await s.person("Dang Van Khai"), before.khai);
      assert.deepEqual(await s.search("maritime security"), before.search);
      // and a good one replaces everything
      await s.replaceMerged(small);
      const st = await s.stats();
      assert.deepEqual([st.events, st.agreements, st.people, st.organizations, st.articles], [1, 0, 1, 0, ids.length]);
      assert.deepEqual(keys(await s.events({ country: "VNM" })), ["e3"]);
      assert.deepEqual(await s.search("maritime security"), []);
      assert.deepEqual(await s.person("Helene Marchetti"), []);
      assert.deepEqual((await s.person("Dang Van Khai"))[0]!.events.map((e) => e.id), ["e3"]);
      await s.replaceMerged({ people: [], organizations: [], events: [], agreements: [] });
      assert.deepEqual(keys(await s.events({})), []);
    });

    test("concurrent upserts of one article make a clean chain of versions", async () => {
      const s = await open();
      const rs = await Promise.all(
        Array.from({ length: 12 }, (_, i) => (i % 3 === 2 ? s.stats().then(() => null) : s.upsertArticle({ url: "https://c.example/x", text: `text ${i}` }))),
      );
      const ups = rs.filter((r): r is NonNullable<typeof r> => r !== null);
      assert.equal(ups.filter((r) => r.status === "new").length, 1);
      assert.equal(ups.filter((r) => r.status === "new-version").length, ups.length - 1);
      const all = await s.listArticles({ includeSuperseded: true, withText: false });
      assert.deepEqual(all.map((a) => a.version).sort((a, b) => a - b), ups.map((_, i) => i + 1));
      assert.equal(all.filter((a) => a.superseded_by === null).length, 1);
      assert.equal((await s.stats()).articles, 1);
    });

    test("migration 6: the tokens of an older database keep working, without expiry", async () => {
      const s = await open({ migrate: false });
      await s.migrate(5);
      await s.addUser({ username: "olga", role: "reader", password_hash: "scrypt$1$1$1$x$y" });
      await (s as unknown as { db: Db }).db.write((c) =>
        c.run("INSERT INTO api_tokens (user_id, token_hash, label, created_at) SELECT id, ?, 'old', ? FROM users WHERE username = 'olga'", ["o".repeat(64), new Date().toISOString()]),
      );
      await s.migrate();
      assert.deepEqual(await s.schemaVersions(), ALL_VERSIONS);
      assert.equal((await s.tokenUser("o".repeat(64), new Date(Date.now() + 10 * 365 * 86_400_000).toISOString()))?.username, "olga");
    });

    test("tokens: an expired one resolves to no user, one expiring later and one without expiry to their user", async () => {
      const s = await open();
      await s.addUser({ username: "alice", role: "editor", password_hash: "scrypt$1$1$1$x$y" });
      const hour = 3_600_000;
      const iso = (ms: number) => new Date(Date.now() + ms).toISOString();
      assert.equal(await s.addToken("alice", "p".repeat(64), "login", iso(-hour)), true);
      assert.equal(await s.addToken("alice", "f".repeat(64), "login", iso(hour)), true);
      assert.equal(await s.addToken("alice", "n".repeat(64), "cli", null), true);
      assert.equal(await s.addToken("alice", "d".repeat(64)), true, "no expiry given");
      assert.equal(await s.tokenUser("p".repeat(64)), null, "expired an hour ago");
      assert.equal((await s.tokenUser("f".repeat(64)))?.username, "alice");
      assert.equal((await s.tokenUser("n".repeat(64)))?.username, "alice");
      assert.equal((await s.tokenUser("d".repeat(64)))?.username, "alice");
      // at a given time: the one expiring in an hour is gone in two, the others never expire
      const later = iso(2 * hour);
      assert.equal(await s.tokenUser("f".repeat(64), later), null);
      assert.equal((await s.tokenUser("n".repeat(64), later))?.username, "alice");
      assert.equal((await s.tokenUser("d".repeat(64), iso(10 * 365 * 24 * hour)))?.username, "alice");
      assert.equal((await s.tokenUser("p".repeat(64), iso(-2 * hour)))?.username, "alice", "before it expired");
      // revoked stays revoked, expiry or not
      assert.equal(await s.revokeToken("n".repeat(64)), true);
      assert.equal(await s.tokenUser("n".repeat(64)), null);
    });

    test("data survives closing and reopening", { skip: false }, async (t) => {
      const s = await open();
      if (!b.persistent) {
        await s.upsertArticle({ url: "m", text: "t" });
        t.diagnostic("in-memory backend: nothing to reopen; checked that a second open is empty instead");
        const other = await open();
        assert.equal((await other.stats()).articles, 0);
        return;
      }
      await seed(s);
      await s.close();
      const again = await open({ again: true });
      assert.deepEqual(await again.schemaVersions(), ALL_VERSIONS);
      assert.equal((await again.stats()).events, 6);
      assert.deepEqual(keys(await again.events({ country: "JPN" })), ["e3", "e4"]);
      assert.equal((await again.search("dang van khai"))[0]!.id, "p-khai");
    });
  });
}

// ---------------------------------------------------------------------------------------------- backends

suite("sqlite :memory:", () => ({ persistent: false, open: (o) => openStore(":memory:", o) }));

{
  let dir = "";
  let n = 0;
  suite("sqlite file", () => {
    dir = mkdtempSync(join(tmpdir(), "entente-store-"));
    return { persistent: true, open: (o) => openStore(join(dir, `db${o?.again ? n : ++n}.sqlite`), o) };
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));
}

const pgBin = findPgBin();
if (!pgBin) {
  describe("postgres", () => {
    test("postgres backend", { skip: "PostgreSQL server binaries not found (apt-get install -y postgresql, or set ENTENTE_PG_BIN)" }, () => {});
  });
} else {
  let server: PgTestServer | undefined;
  let last = "";
  describe("postgres", () => {
    before(async () => {
      server = await startPgTestServer({ bin: pgBin });
    });
    after(async () => {
      await server?.stop();
    });
    suite("postgres backend", () => ({
      persistent: true,
      open: async (o) => {
        if (!o?.again) last = await server!.createDatabase();
        return openStore(last, o);
      },
    }));
  });
}

test("openStore spec: path, :memory:, postgres URLs, ENTENTE_DB", () => {
  assert.deepEqual(parseSpec(undefined, {}), { kind: "sqlite", path: "./entente.db" });
  assert.deepEqual(parseSpec(undefined, { ENTENTE_DB: "/data/k.db" }), { kind: "sqlite", path: "/data/k.db" });
  assert.deepEqual(parseSpec("x.db", { ENTENTE_DB: "/data/k.db" }), { kind: "sqlite", path: "x.db" });
  assert.deepEqual(parseSpec(":memory:", {}), { kind: "sqlite", path: ":memory:" });
  assert.deepEqual(parseSpec("postgres://u@h/db", {}), { kind: "postgres", url: "postgres://u@h/db" });
  assert.deepEqual(parseSpec(undefined, { ENTENTE_DB: "postgresql://u@h:5433/db" }), { kind: "postgres", url: "postgresql://u@h:5433/db" });
});
