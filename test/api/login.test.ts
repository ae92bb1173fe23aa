// Signing in, hardened: failed log-ins are limited per username and per client address (429 with Retry-After, the
// password not even looked up), and the tokens of a log-in expire. Each test has its own app over the fixture
// store, with a clock it moves instead of sleeping, and a client address given as the node adapter would.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createApp, type AppOptions } from "../../src/server/app.js";
import { serve } from "../../src/server/serve.js";
import type { Store } from "../../src/store/store.js";
import { body, setup, teardown, type Fixture } from "./helpers.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
/** a write that passes authentication and then finds nothing: 404 when the token is good, 401 when not */
const WRITE = "/api/events/ev-000000000000/review";

const f: Fixture = await setup();
after(() => teardown(f));

function rig(opts: AppOptions = {}) {
  let t = Date.parse("2025-06-01T08:00:00.000Z");
  // the store as the app sees it, counting the password look-ups (each one is followed by a scrypt)
  let lookups = 0;
  const store = new Proxy(f.store, {
    get(target, k) {
      if (k === "userCredentials") return (name: string) => (lookups++, target.userCredentials(name));
      const v = Reflect.get(target, k, target) as unknown;
      return typeof v === "function" ? v.bind(target) : v;
    },
  }) as Store;
  const app = createApp(store, { webRoot: "/nonexistent", now: () => t, ...opts });
  /** a request from `address`, as @hono/node-server hands it to the app (the socket's peer) */
  const send = (method: string, path: string, o: { body?: unknown; token?: string; address?: string; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.body !== undefined) headers["Content-Type"] = "application/json";
    if (o.token) headers.Authorization = `Bearer ${o.token}`;
    const env = { incoming: { socket: { remoteAddress: o.address ?? "192.0.2.1", remotePort: 40000, remoteFamily: "IPv4" } } };
    return app.request(path, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) }, env);
  };
  const login = (username: string, password: string, address?: string, headers?: Record<string, string>) =>
    send("POST", "/api/auth/login", { body: { username, password }, address, headers });
  return {
    send, login,
    advance: (ms: number) => (t += ms),
    now: () => t,
    lookups: () => lookups,
  };
}

async function refused(r: Response): Promise<number> {
  const b = await body(r, 429);
  assert.equal(b.error.code, "too_many_requests");
  assert.match(b.error.message, /too many failed log-ins/);
  const retry = r.headers.get("retry-after");
  assert.match(retry ?? "", /^\d+$/, "Retry-After in seconds");
  return Number(retry);
}

describe("log-in limits", () => {
  test("the 6th failed log-in of a user gets 429 with Retry-After, and the right password is refused too", async () => {
    const r = rig();
    for (let i = 0; i < 5; i++) {
      await body(await r.login("edith", `wrong-password-${i}`, `198.51.100.${i}`), 401);
      r.advance(1000);
    }
    const looked = r.lookups();
    assert.equal(looked, 5);
    // from yet another address: the username's limit
    const wait = await refused(await r.login("edith", "wrong-password-5", "198.51.100.9"));
    assert.equal(wait, 15 * 60 - 5, "until the first failure is 15 minutes old");
    await refused(await r.login("edith", "editor-password", "198.51.100.9"));
    assert.equal(r.lookups(), looked, "no password checked while throttled");
    // other users are not affected
    await body(await r.login("rita", "reader-password", "198.51.100.9"));
  });

  test("after the window the user may log in again", async () => {
    const r = rig();
    for (let i = 0; i < 5; i++) await body(await r.login("edith", "wrong-password"), 401);
    r.advance(15 * MIN - 1000);
    assert.equal(await refused(await r.login("edith", "editor-password")), 1);
    r.advance(1000);
    const ok = await body(await r.login("edith", "editor-password"));
    assert.equal(ok.user.username, "edith");
  });

  test("a successful log-in clears the user's failures", async () => {
    const r = rig();
    for (let i = 0; i < 4; i++) await body(await r.login("edith", "wrong-password"), 401);
    await body(await r.login("edith", "editor-password"));
    for (let i = 0; i < 5; i++) await body(await r.login("edith", "wrong-password"), 401);
    await refused(await r.login("edith", "wrong-password"));
  });

  test("20 failures from one address, over different usernames: that address is refused, others are not", async () => {
    const r = rig();
    for (let i = 0; i < 20; i++) await body(await r.login(`nobody${i}`, "wrong-password", "203.0.113.7"), 401);
    const looked = r.lookups();
    const wait = await refused(await r.login("edith", "editor-password", "203.0.113.7"));
    assert.equal(wait, 15 * 60);
    // X-Forwarded-For is not believed unless the server is said to be behind a proxy
    await refused(await r.login("edith", "editor-password", "203.0.113.7", { "X-Forwarded-For": "198.51.100.77" }));
    assert.equal(r.lookups(), looked, "no password checked while throttled");
    await body(await r.login("edith", "editor-password", "203.0.113.8"));
  });

  test("over a real socket, the client address is the socket's peer", async () => {
    const server = await serve(createApp(f.store, { webRoot: "/nonexistent" }), { port: 0 });
    try {
      const login = (username: string, password: string, headers: Record<string, string> = {}) =>
        fetch(`${server.url}api/auth/login`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify({ username, password }) });
      for (let i = 0; i < 20; i++) await body(await login(`nobody${i}`, "wrong-password", { "X-Forwarded-For": `198.51.100.${i}` }), 401);
      assert.ok((await refused(await login("edith", "editor-password", { "X-Forwarded-For": "198.51.100.200" }))) > 0);
    } finally {
      await server.close();
    }
  });

  test("behind a proxy, the client is the last address of X-Forwarded-For", async () => {
    const r = rig({ behindProxy: true });
    const proxy = "10.0.0.1";
    for (let i = 0; i < 20; i++) await body(await r.login(`nobody${i}`, "wrong-password", proxy, { "X-Forwarded-For": "spoofed, 203.0.113.7" }), 401);
    await refused(await r.login("edith", "editor-password", proxy, { "X-Forwarded-For": "203.0.113.7" }));
    await body(await r.login("edith", "editor-password", proxy, { "X-Forwarded-For": "203.0.113.7, 203.0.113.8" }));
  });
});

describe("token expiry", () => {
  test("a log-in token carries expires_at, 12 hours ahead by default", async () => {
    // the real clock
    const app = createApp(f.store, { webRoot: "/nonexistent" });
    const before = Date.now();
    const r = await app.request("/api/auth/login", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ username: "edith", password: "editor-password" }) });
    const ok = await body(r);
    assert.match(ok.expires_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const ahead = Date.parse(ok.expires_at) - before;
    assert.ok(ahead >= 12 * HOUR && ahead < 12 * HOUR + MIN, `${ahead} ms ahead`);
    // and another length when the server says so
    const short = rig({ sessionHours: 2 });
    const s = await body(await short.login("edith", "editor-password"));
    assert.equal(Date.parse(s.expires_at), short.now() + 2 * HOUR);
  });

  test("an expired token gets 401 on a write, a fresh one works", async () => {
    const r = rig();
    const first = await body(await r.login("edith", "editor-password"));
    assert.equal(Date.parse(first.expires_at), r.now() + 12 * HOUR);
    await body(await r.send("POST", WRITE, { body: { status: "confirmed" }, token: first.token }), 404);
    r.advance(12 * HOUR - 1);
    await body(await r.send("POST", WRITE, { body: { status: "confirmed" }, token: first.token }), 404);
    r.advance(1);
    const expired = await body(await r.send("POST", WRITE, { body: { status: "confirmed" }, token: first.token }), 401);
    assert.equal(expired.error.code, "unauthorized");
    assert.match(expired.error.message, /expired or revoked/);
    await body(await r.send("GET", "/api/me", { token: first.token }), 401);
    const fresh = await body(await r.login("edith", "editor-password"));
    await body(await r.send("POST", WRITE, { body: { status: "confirmed" }, token: fresh.token }), 404);
    // a token made without an expiry (entente token create) still works years later
    r.advance(10 * 365 * 24 * HOUR);
    await body(await r.send("POST", WRITE, { body: { status: "confirmed" }, token: f.editor }), 404);
    await body(await r.send("POST", WRITE, { body: { status: "confirmed" }, token: fresh.token }), 401);
  });
});
