// The built web app at /: files with their content types, the SPA fallback, no way out of the folder, the
// security headers; and the page saying the app is not built when dist/web is missing.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type Store } from "../../src/store/store.js";
import { createApp } from "../../src/server/app.js";

let dir = "";
let store: Store;
let app: ReturnType<typeof createApp>;
const INDEX = "<!doctype html><title>Entente app</title><script type=module src=/assets/app.js></script>";

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "entente-web-"));
  const web = join(dir, "web");
  mkdirSync(join(web, "assets"), { recursive: true });
  writeFileSync(join(web, "index.html"), INDEX);
  writeFileSync(join(web, "assets", "app.js"), "console.log('app')");
  writeFileSync(join(web, "assets", "app.css"), "body{}");
  writeFileSync(join(web, "assets", "logo.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
  writeFileSync(join(web, ".env"), "SECRET=1");
  writeFileSync(join(dir, "secret.txt"), "TOP SECRET");
  store = await openStore(":memory:");
  app = createApp(store, { webRoot: web });
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test("index.html at /, files with their types, the SPA fallback", async () => {
  const root = await app.request("/");
  assert.equal(root.status, 200);
  assert.equal(root.headers.get("content-type"), "text/html; charset=utf-8");
  assert.equal(await root.text(), INDEX);
  assert.match(root.headers.get("content-security-policy") ?? "", /^default-src 'self'/);
  assert.match(root.headers.get("content-security-policy") ?? "", /frame-ancestors 'none'/);
  assert.equal(root.headers.get("x-content-type-options"), "nosniff");
  const js = await app.request("/assets/app.js");
  assert.deepEqual([js.status, js.headers.get("content-type")], [200, "text/javascript; charset=utf-8"]);
  assert.match(js.headers.get("cache-control") ?? "", /immutable/);
  assert.equal((await app.request("/assets/app.css")).headers.get("content-type"), "text/css; charset=utf-8");
  assert.equal((await app.request("/assets/logo.svg")).headers.get("content-type"), "image/svg+xml");
  for (const page of ["/events", "/pairs/VNM/FRA", "/people/p-123?x=1"]) {
    const r = await app.request(page);
    assert.deepEqual([r.status, await r.text()], [200, INDEX], page);
  }
  assert.equal((await app.request("/assets/missing.js")).status, 404, "a missing file is no page");
  const head = await app.request("/", { method: "HEAD" });
  assert.equal(head.status, 200);
});

test("no directory traversal, no hidden files", async () => {
  for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/.env", "/assets/..%5c..%5csecret.txt", "/%00"]) {
    const r = await app.request(path);
    const text = await r.text();
    assert.ok(!text.includes("TOP SECRET") && !text.includes("SECRET=1"), path);
    assert.ok(r.status === 404 || r.status === 400 || text === INDEX, `${path}: ${r.status}`);
  }
});

test("the API is never answered by the web app", async () => {
  const r = await app.request("/api/unknown/route");
  assert.equal(r.status, 404);
  assert.equal(r.headers.get("content-type"), "application/json; charset=utf-8");
  assert.equal(((await r.json()) as { error: { code: string } }).error.code, "not_found");
});

test("without a build, / says the web app is not built", async () => {
  const bare = createApp(store, { webRoot: join(dir, "nowhere") });
  const r = await bare.request("/");
  assert.equal(r.status, 200);
  assert.equal(r.headers.get("content-type"), "text/html; charset=utf-8");
  assert.match(await r.text(), /not built/);
  assert.match(r.headers.get("content-security-policy") ?? "", /default-src 'self'/);
  assert.equal((await bare.request("/api/health")).status, 200);
});
