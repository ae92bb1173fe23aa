// Answers to GET /api/* kept per URL until the store's generation changes (an ingest, a merge, a correction):
// readers far outnumber changes, and the same views (a country, a pair, the network) are asked for again and
// again. Answers do not depend on who asks (edit rights are checked on writes), except /api/me.
import type { MiddlewareHandler } from "hono";
import type { Store } from "../store/store.js";

const UNCACHED = new Set(["/api/me", "/api/health"]);

export function responseCache(store: Store, maxEntries = 1000): MiddlewareHandler {
  const entries = new Map<string, { gen: string; body: string; type: string }>();
  return async (c, next) => {
    if (c.req.method !== "GET" || UNCACHED.has(c.req.path)) return next();
    const gen = await store.generation();
    const key = c.req.url;
    const hit = entries.get(key);
    if (hit && hit.gen === gen) {
      c.res = new Response(hit.body, { status: 200, headers: { "Content-Type": hit.type } });
      return;
    }
    await next();
    if (c.res.status !== 200) return;
    const body = await c.res.clone().text();
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(key, { gen, body, type: c.res.headers.get("Content-Type") ?? "application/json; charset=utf-8" });
  };
}
