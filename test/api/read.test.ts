// The read endpoints over ingested fixture articles: shapes, filters, strict parameters (400), unknown ids (404),
// JSON errors and security headers.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { body, setup, teardown, MARKUP_TEXT, type Fixture } from "./helpers.js";

const f: Fixture = await setup();
after(() => teardown(f));

/** a 400 whose message names the parameter */
async function bad(path: string, name: string) {
  const r = await f.get(path);
  const b = await body(r, 400);
  assert.equal(b.error.code, "bad_request", path);
  assert.ok(b.error.message.includes(name), `${path}: ${b.error.message}`);
}

describe("health, stats, openapi", () => {
  test("health and stats", async () => {
    const h = await body(await f.get("/api/health"));
    assert.equal(h.ok, true);
    assert.match(h.version, /^\d+\.\d+\.\d+/);
    const s = await body(await f.get("/api/stats"));
    assert.deepEqual(s, await f.store.stats());
    assert.ok(s.events > 10 && s.articles === 10, JSON.stringify(s));
    await bad("/api/stats?x=1", "x");
  });

  test("every API response is JSON with the security headers", async () => {
    for (const path of ["/api/health", "/api/events", "/api/events/nope", "/api/nope", "/api/events?contry=VNM"]) {
      const r = await f.get(path);
      assert.equal(r.headers.get("content-type"), "application/json; charset=utf-8", path);
      assert.match(r.headers.get("content-security-policy") ?? "", /default-src 'self'/, path);
      assert.equal(r.headers.get("x-content-type-options"), "nosniff", path);
      assert.equal(r.headers.get("cache-control"), "no-store", path);
    }
    const nope = await body(await f.get("/api/nope"), 404);
    assert.deepEqual(nope, { error: { code: "not_found", message: "no route GET /api/nope" } });
  });
});

describe("events and agreements", () => {
  test("the event list: page shape and filters", async () => {
    const all = await body(await f.get("/api/events"));
    assert.deepEqual(Object.keys(all).sort(), ["items", "limit", "offset", "total"]);
    assert.deepEqual([all.limit, all.offset], [50, 0]);
    assert.equal(all.total, all.items.length);
    const e = all.items[0];
    for (const k of ["id", "kind", "date", "countries", "areas", "participants", "organizations", "sources", "fields", "conflicts", "background"]) assert.ok(k in e, k);
    assert.match(e.id, /^ev-/);
    const sen = await body(await f.get("/api/events?country=sen"));
    assert.ok(sen.total > 0 && sen.total < all.total);
    assert.ok(sen.items.every((x: { countries: string[] }) => x.countries.includes("SEN")));
    const pair = await body(await f.get("/api/events?country=MAR&with=SEN"));
    assert.ok(pair.items.some((x: { kind: string; date: string }) => x.kind === "meeting" && x.date === "2024-03-14"), JSON.stringify(pair.items.map((x: { date: string }) => x.date)));
    const dated = await body(await f.get("/api/events?from=2024-03-14&to=2024-03-14"));
    assert.ok(dated.total >= 1 && dated.items.every((x: { date: string }) => x.date.startsWith("2024-03")));
    const page = await body(await f.get("/api/events?limit=2&offset=1&order=desc"));
    assert.deepEqual([page.items.length, page.total, page.limit, page.offset], [2, all.total, 2, 1]);
    const meetings = await body(await f.get("/api/events?kind=meeting"));
    assert.ok(meetings.total > 0 && meetings.items.every((x: { kind: string }) => x.kind === "meeting"));
    const bg = await body(await f.get("/api/events?background=true"));
    assert.ok(bg.total > 0 && bg.items.every((x: { background: boolean }) => x.background));
    const person = await body(await f.get(`/api/events?person=${encodeURIComponent("Camila Rojas Fuentes")}`));
    assert.ok(person.total >= 2);
    assert.equal((await body(await f.get("/api/events?review=rejected"))).total, 0);
  });

  test("the event list refuses bad parameters, naming them", async () => {
    await bad("/api/events?contry=VNM", "contry");
    await bad("/api/events?country=XXX", "country");
    await bad("/api/events?country=Maroc", "country");
    await bad("/api/events?with=12", "with");
    await bad("/api/events?from=2024-13", "from");
    await bad("/api/events?to=12%20March", "to");
    await bad("/api/events?from=2024-02-30", "from");
    await bad("/api/events?limit=0", "limit");
    await bad("/api/events?limit=1001", "limit");
    await bad("/api/events?limit=ten", "limit");
    await bad("/api/events?offset=-1", "offset");
    await bad("/api/events?order=up", "order");
    await bad("/api/events?background=yes", "background");
    await bad("/api/events?area=nope", "area");
    await bad("/api/events?kind=party", "kind");
    await bad("/api/events?review=maybe", "review");
    await bad("/api/events?country=SEN&country=MAR", "country");
    await bad("/api/agreements?status=done", "status");
  });

  test("an event and an agreement by id; 404 for unknown ids", async () => {
    const list = await body(await f.get("/api/events?limit=1"));
    const id = list.items[0].id;
    const e = await body(await f.get(`/api/events/${id}`));
    assert.equal(e.id, id);
    assert.deepEqual(e.review, { status: "unreviewed", by: null, at: null, note: null });
    assert.deepEqual(e.corrections, []);
    const src = e.sources[0];
    const art = await body(await f.get(`/api/articles/${src.articleId}`));
    for (const ev of src.evidence) assert.equal(art.text.slice(ev.start, ev.end), ev.text, "evidence offsets point into the raw text");
    const err = await body(await f.get("/api/events/ev-000000000000"), 404);
    assert.equal(err.error.code, "not_found");
    assert.match(err.error.message, /ev-000000000000/);

    const ags = await body(await f.get("/api/agreements?country=SEN&with=MRT"));
    assert.ok(ags.total >= 1);
    const g = await body(await f.get(`/api/agreements/${ags.items[0].id}`));
    assert.equal(g.id, ags.items[0].id);
    assert.equal(g.review.status, "unreviewed");
    assert.ok(Array.isArray(g.parties) && Array.isArray(g.status_history));
    await body(await f.get("/api/agreements/ag-nope"), 404);
    const signed = await body(await f.get("/api/agreements?status=signed"));
    assert.ok(signed.total > 0 && signed.items.every((x: { status: string }) => x.status === "signed"));
    await bad("/api/events/x?limit=3", "limit");
  });
});

describe("people and organizations", () => {
  test("people by a piece of a name, and by id", async () => {
    const p = await body(await f.get("/api/people?q=rojas"));
    assert.equal(p.total, 1);
    assert.deepEqual(Object.keys(p.items[0]).sort(), ["country", "event_count", "id", "name", "variants"]);
    assert.deepEqual([p.items[0].name, p.items[0].country], ["Camila Rojas Fuentes", "CHL"]);
    assert.ok(p.items[0].event_count >= 2);
    assert.equal((await body(await f.get("/api/people?q=SEBASTIEN"))).items[0]?.name, "Sébastien Lecornu", "diacritic-insensitive");
    const chl = await body(await f.get("/api/people?country=CHL"));
    assert.ok(chl.items.every((x: { country: string }) => x.country === "CHL"));
    const one = await body(await f.get(`/api/people/${p.items[0].id}`));
    assert.equal(one.name, "Camila Rojas Fuentes");
    assert.ok(Array.isArray(one.offices) && one.events.length >= 2 && one.sources.length >= 1);
    assert.deepEqual(one.corrections, []);
    await body(await f.get("/api/people/p-nobody"), 404);
    await bad("/api/people?name=x", "name");
    await bad("/api/people?q=", "q");
  });

  test("organizations by name, and by id with their events and agreements", async () => {
    const all = await body(await f.get("/api/organizations?limit=1000"));
    assert.ok(all.total > 0);
    const eu = await body(await f.get("/api/organizations?q=european%20union"));
    assert.ok(eu.items.some((o: { name: string }) => o.name === "European Union"));
    const withEvents = all.items.find((o: { event_count: number }) => o.event_count > 0);
    const o = await body(await f.get(`/api/organizations/${withEvents.id}`));
    assert.equal(o.events.length, withEvents.event_count);
    assert.ok(o.events.every((e: { organizations: { id: string }[] }) => e.organizations.some((x) => x.id === withEvents.id)));
    const igo = await body(await f.get("/api/organizations?sector=IGO"));
    assert.ok(igo.total > 0 && igo.items.every((x: { sector: string }) => x.sector === "IGO"));
    await body(await f.get("/api/organizations/org-99999"), 404);
  });
});

describe("countries, pairs, network, areas", () => {
  test("countries with names in English and French, by events", async () => {
    const c = await body(await f.get("/api/countries"));
    assert.ok(c.items.length > 5);
    const sen = c.items.find((x: { code: string }) => x.code === "SEN");
    assert.deepEqual(sen.name, { en: "Senegal", fr: "Sénégal" });
    for (let i = 1; i < c.items.length; i++) assert.ok(c.items[i - 1].events >= c.items[i].events);
    const d = await body(await f.get("/api/countries/sen"));
    assert.deepEqual([d.code, d.name.fr, d.events], ["SEN", "Sénégal", sen.events]);
    const mrt = d.partners.find((x: { code: string }) => x.code === "MRT");
    assert.equal(mrt.name.fr, "Mauritanie");
    assert.ok(mrt.events >= 1 && mrt.agreements >= 1);
    await bad("/api/countries/XXX", "code");
    const deu = await body(await f.get("/api/countries/DEU"));
    assert.deepEqual([deu.events, deu.partners], [0, []], "a real country without records is empty, not an error");
  });

  test("the dossier of a pair", async () => {
    const d = await body(await f.get("/api/pairs/SEN/MAR"));
    assert.deepEqual([d.a, d.b], [{ code: "SEN", name: { en: "Senegal", fr: "Sénégal" } }, { code: "MAR", name: { en: "Morocco", fr: "Maroc" } }]);
    assert.ok(d.events.length >= 1 && d.event_total === d.events.length);
    assert.ok(d.events.every((e: { countries: string[] }) => e.countries.includes("SEN") && e.countries.includes("MAR")));
    assert.ok(d.areas_by_year.some((y: { year: string }) => y.year === "2024"), JSON.stringify(d.areas_by_year));
    assert.ok(d.officials.length >= 1 && d.officials.every((o: { events: number }) => o.events >= 1));
    const none = await body(await f.get("/api/pairs/SEN/MAR?from=2030"));
    assert.deepEqual([none.events, none.areas_by_year, none.officials], [[], [], []]);
    await bad("/api/pairs/SEN/SEN", "different");
    await bad("/api/pairs/SEN/XYZ", "b");
    await bad("/api/pairs/SEN/MAR?area=bogus", "area");
  });

  test("the network: nodes and weighted edges with areas, filtered", async () => {
    const n = await body(await f.get("/api/network"));
    assert.ok(n.nodes.length > 5 && n.edges.length > 3);
    const edge = n.edges.find((e: { a: string; b: string }) => e.a === "MAR" && e.b === "SEN");
    assert.ok(edge.events >= 1);
    assert.ok(Object.values(edge.areas).every((v) => typeof v === "number"));
    assert.deepEqual(n.nodes.find((x: { code: string }) => x.code === "MAR").name, { en: "Morocco", fr: "Maroc" });
    const calls = await body(await f.get("/api/network?kind=call"));
    const callEvents = await body(await f.get("/api/events?kind=call&limit=1000"));
    const sumCalls = calls.edges.reduce((s: number, e: { events: number }) => s + e.events, 0);
    const expected = callEvents.items.reduce((s: number, e: { countries: string[] }) => s + (e.countries.length * (e.countries.length - 1)) / 2, 0);
    assert.equal(sumCalls, expected, "each call event counts once per pair of its countries");
    const area = Object.keys(edge.areas)[0];
    const filtered = await body(await f.get(`/api/network?area=${area}`));
    assert.ok(filtered.edges.every((e: { areas: Record<string, number> }) => Object.keys(e.areas).every((k) => k === area)));
    await bad("/api/network?kind=party", "kind");
    await bad("/api/network?country=SEN", "country");
  });

  test("areas: the codebook with French and English labels, and counts", async () => {
    const a = await body(await f.get("/api/areas"));
    assert.equal(a.items.length, 27);
    const terrorism = a.items.find((x: { code: string }) => x.code === "terrorism");
    assert.equal(terrorism.label.en, "Counter-terrorism and violent extremism");
    assert.match(terrorism.label.fr, /terrorisme/);
    assert.ok(a.items.every((x: { label: { fr: string; en: string } }) => x.label.fr && x.label.en && x.label.fr !== x.label.en || x.label.fr === x.label.en));
    const counts = await f.store.areas();
    const used = counts.find((x) => x.events > 0)!;
    assert.equal(a.items.find((x: { code: string }) => x.code === used.code).events, used.events);
  });
});

describe("search, articles, corrections", () => {
  test("search needs q; hits are JSON", async () => {
    const s = await body(await f.get("/api/search?q=Rojas"));
    assert.ok(s.items.length >= 1);
    assert.ok(s.items.some((h: { kind: string }) => h.kind === "person"));
    await bad("/api/search", "q");
    await bad("/api/search?q=x&limit=0", "limit");
  });

  test("an article comes back as JSON data, never as markup", async () => {
    const arts = await f.store.listArticles({ withText: false });
    const m = arts.find((a) => a.uri?.endsWith("markup.txt"))!;
    const r = await f.get(`/api/articles/${m.id}`);
    assert.equal(r.headers.get("content-type"), "application/json; charset=utf-8");
    assert.equal(r.headers.get("x-content-type-options"), "nosniff");
    const a = await body(r);
    assert.equal(a.text, MARKUP_TEXT, "the raw text, as read");
    const hits = await body(await f.get("/api/search?q=onerror"));
    assert.ok(hits.items.every((h: { snippet: string }) => typeof h.snippet === "string"));
    await bad("/api/articles/abc", "id");
    await body(await f.get("/api/articles/999999"), 404);
  });

  test("corrections: an empty page to begin with", async () => {
    assert.deepEqual(await body(await f.get("/api/corrections")), { items: [], total: 0, limit: 50, offset: 0 });
    await bad("/api/corrections?target=", "target");
  });
});
