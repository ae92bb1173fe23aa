// The OpenAPI description and the app agree: every route of the app is described, and every described operation
// is a route of the app.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../../src/store/store.js";
import { createApp } from "../../src/server/app.js";
import { OPENAPI } from "../../src/server/openapi.js";

test("every route of the app is in /api/openapi.json and vice versa", async () => {
  const store = await openStore(":memory:");
  try {
    const app = createApp(store);
    const METHODS = new Set(["GET", "POST", "PATCH", "PUT", "DELETE"]);
    // the API's routes; middleware (ALL) and the catch-alls are not operations
    const routes = new Set(
      app.routes
        .filter((r) => METHODS.has(r.method) && r.path.startsWith("/api/") && !r.path.includes("*"))
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`),
    );
    const described = new Set<string>();
    for (const [path, ops] of Object.entries(OPENAPI.paths)) for (const m of Object.keys(ops)) described.add(`${m.toUpperCase()} ${path}`);
    assert.ok(routes.size >= 25, `${routes.size} routes`);
    assert.deepEqual([...routes].filter((r) => !described.has(r)), [], "routes missing from the description");
    assert.deepEqual([...described].filter((d) => !routes.has(d)), [], "described operations the app does not have");

    const served = await app.request("/api/openapi.json");
    assert.equal(served.status, 200);
    const doc = (await served.json()) as typeof OPENAPI;
    assert.equal(doc.openapi, "3.1.0");
    assert.deepEqual(Object.keys(doc.paths).sort(), Object.keys(OPENAPI.paths).sort());
    // every $ref points at a schema that exists
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const r of new Set(refs)) assert.ok(r.split("/").pop()! in doc.components.schemas, r);
    // path parameters are declared
    for (const [path, ops] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(ops) as { parameters?: { name: string; in: string }[] }[]) {
        if (!("parameters" in op) && !names.length) continue;
        if (op.parameters === undefined) continue;
        for (const n of names) assert.ok(op.parameters.some((p) => p.in === "path" && p.name === n), `${path}: ${n}`);
      }
    }
  } finally {
    await store.close();
  }
});
