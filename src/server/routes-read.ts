// The read routes: no account needed. Query strings are checked strictly (params.ts) before the store is asked.
import type { Context, Hono } from "hono";
import type { AgreementQuery, EventQuery, Store } from "../store/store.js";
import type { AppEnv } from "./app.js";
import { json } from "./respond.js";
import { badRequest, notFound } from "./errors.js";
import { areaLabel, countryLabel, knownAreas } from "./labels.js";
import { OPENAPI } from "./openapi.js";
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, EVENT_KINDS, pathCountry, readQuery, type CodeBook, type ParamSpec } from "./params.js";

const PAGE: ParamSpec = { limit: "limit", offset: "offset" };
export const EVENT_PARAMS: ParamSpec = {
  country: "iso3", with: "iso3", area: "area", kind: { oneOf: EVENT_KINDS }, from: "date", to: "date", person: "text",
  background: "bool", review: "review", ...PAGE, order: "order",
};
export const AGREEMENT_PARAMS: ParamSpec = {
  country: "iso3", with: "iso3", status: { oneOf: AGREEMENT_STATUSES }, kind: { oneOf: AGREEMENT_KINDS }, area: "area", from: "date", to: "date",
  background: "bool", review: "review", ...PAGE, order: "order",
};

const named = (code: string) => ({ code, name: countryLabel(code) });

export function readRoutes(app: Hono<AppEnv>, store: Store, book: CodeBook, version: string): void {
  const query = (c: Context, spec: ParamSpec) => readQuery(c.req.url, spec, book);

  app.get("/api/health", async (c) => {
    await query(c, {});
    return json({ ok: true, version });
  });
  app.get("/api/openapi.json", async (c) => {
    await query(c, {});
    return json(OPENAPI);
  });
  app.get("/api/stats", async (c) => {
    await query(c, {});
    return json(await store.stats());
  });

  app.get("/api/events", async (c) => json(await store.events((await query(c, EVENT_PARAMS)) as EventQuery)));
  app.get("/api/events/:id", async (c) => {
    await query(c, {});
    const e = await store.event(c.req.param("id"));
    if (!e) throw notFound(`no event ${JSON.stringify(c.req.param("id"))}`);
    return json(e);
  });
  app.get("/api/agreements", async (c) => json(await store.agreements((await query(c, AGREEMENT_PARAMS)) as AgreementQuery)));
  app.get("/api/agreements/:id", async (c) => {
    await query(c, {});
    const g = await store.agreement(c.req.param("id"));
    if (!g) throw notFound(`no agreement ${JSON.stringify(c.req.param("id"))}`);
    return json(g);
  });

  app.get("/api/people", async (c) => json(await store.people(await query(c, { q: "text", country: "iso3", ...PAGE }))));
  app.get("/api/people/:id", async (c) => {
    await query(c, {});
    // the most recent events; the rest page through /api/events?person=ID (event_count says how many)
    const p = await store.personById(c.req.param("id"), { eventLimit: 50 });
    if (!p) throw notFound(`no person ${JSON.stringify(c.req.param("id"))}`);
    return json(p);
  });
  app.get("/api/organizations", async (c) => json(await store.organizations(await query(c, { q: "text", country: "iso3", sector: "text", ...PAGE }))));
  app.get("/api/organizations/:id", async (c) => {
    await query(c, {});
    const o = await store.organization(c.req.param("id"));
    if (!o) throw notFound(`no organization ${JSON.stringify(c.req.param("id"))}`);
    return json(o);
  });

  app.get("/api/countries", async (c) => {
    await query(c, {});
    return json({ items: (await store.countries()).map((x) => ({ ...named(x.code), events: x.events, agreements: x.agreements })) });
  });
  app.get("/api/countries/:code", async (c) => {
    await query(c, {});
    const code = await pathCountry("code", c.req.param("code"), book);
    const d = await store.country(code);
    return json({ ...named(d.code), events: d.events, agreements: d.agreements, partners: d.partners.map((p) => ({ ...named(p.code), events: p.events, agreements: p.agreements })) });
  });
  app.get("/api/pairs/:a/:b", async (c) => {
    const q = await query(c, { from: "date", to: "date", area: "area", limit: "limit" });
    const a = await pathCountry("a", c.req.param("a"), book);
    const b = await pathCountry("b", c.req.param("b"), book);
    if (a === b) throw badRequest("a and b must be two different countries");
    const d = await store.pair(a, b, q);
    return json({ ...d, a: named(d.a), b: named(d.b) });
  });
  app.get("/api/network", async (c) => {
    const n = await store.network(await query(c, { area: "area", from: "date", to: "date", kind: { oneOf: EVENT_KINDS } }));
    return json({ nodes: n.nodes.map((x) => ({ ...named(x.code), events: x.events, agreements: x.agreements })), edges: n.edges });
  });
  app.get("/api/areas", async (c) => {
    await query(c, {});
    const counts = new Map((await store.areas()).map((a) => [a.code, a]));
    // the codebook's areas in its order, then any other code the data holds
    const codes = [...knownAreas().map((a) => a.code), ...[...counts.keys()].filter((k) => !knownAreas().some((a) => a.code === k)).sort()];
    return json({ items: codes.map((code) => ({ code, label: areaLabel(code), events: counts.get(code)?.events ?? 0, agreements: counts.get(code)?.agreements ?? 0 })) });
  });

  app.get("/api/search", async (c) => {
    const q = await query(c, { q: "text", limit: "limit" });
    if (q.q == null) throw badRequest("q is required: the words to look for");
    return json({ items: await store.search(q.q as string, (q.limit as number | undefined) ?? 20) });
  });
  app.get("/api/articles/:id", async (c) => {
    await query(c, {});
    const raw = c.req.param("id");
    if (!/^\d{1,15}$/.test(raw)) throw badRequest(`id must be an article id (an integer), not ${JSON.stringify(raw)}`);
    const a = await store.article(Number(raw));
    if (!a) throw notFound(`no article ${raw}`);
    return json(a);
  });
  app.get("/api/corrections", async (c) => json(await store.corrections(await query(c, { target: "text", ...PAGE }))));
}
