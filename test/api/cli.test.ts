// The account and server commands as a user runs them: user add (password on stdin or in ENTENTE_PASSWORD, never as
// an argument), token create, serve on a free port, and the token working against the served API.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../src/store/store.js";
import { tokenHash } from "../../src/accounts/tokens.js";

const main = new URL("../../src/cli/main.ts", import.meta.url).pathname;
const cli = (args: string[], opts: { input?: string; env?: Record<string, string> } = {}) =>
  spawnSync(process.execPath, ["--import", "tsx", main, ...args], { encoding: "utf8", timeout: 120_000, input: opts.input ?? "", env: { ...process.env, ENTENTE_PASSWORD: "", ...opts.env } });

test("user add, token create, serve", async () => {
  const dir = mkdtempSync(join(tmpdir(), "entente-cli-api-"));
  const db = join(dir, "kb.db");
  try {
    const add = cli(["user", "add", "edith", "--role", "editor", "--password-stdin", "--db", db], { input: "a-long-password\n" });
    assert.equal(add.status, 0, add.stderr);
    assert.match(add.stderr, /added editor edith/);
    const env = cli(["user", "add", "rita", "--db", db], { env: { ENTENTE_PASSWORD: "another-password" } });
    assert.equal(env.status, 0, env.stderr);
    assert.match(env.stderr, /added reader rita/, "reader by default");
    assert.equal(cli(["user", "add", "edith", "--password-stdin", "--db", db], { input: "a-long-password\n" }).status, 1, "taken");
    assert.equal(cli(["user", "add", "bob", "--db", db]).status, 2, "no password given");
    assert.equal(cli(["user", "add", "bob", "hunter22", "--db", db]).status, 2, "a password argument is refused");
    assert.equal(cli(["user", "add", "bob", "--role", "admin", "--password-stdin", "--db", db], { input: "a-long-password" }).status, 2);
    assert.equal(cli(["user", "add", "bob", "--password-stdin", "--db", db], { input: "short" }).status, 1);
    const tok = cli(["token", "create", "edith", "--db", db]);
    assert.equal(tok.status, 0, tok.stderr);
    const token = tok.stdout.trim();
    assert.match(token, /^ent_[A-Za-z0-9_-]{40,}$/);
    assert.equal(cli(["token", "create", "nobody", "--db", db]).status, 1);
    // --expires-days: a token that stops working; without it, none does (scripts keep working)
    const day = 86_400_000;
    const short = cli(["token", "create", "edith", "--expires-days", "2", "--db", db]);
    assert.equal(short.status, 0, short.stderr);
    assert.match(short.stdout, /^ent_[A-Za-z0-9_-]{40,}\n$/, "stdout holds the token only");
    const until = Date.parse(/expires at (\S+)/.exec(short.stderr)?.[1] ?? "");
    assert.ok(Math.abs(until - (Date.now() + 2 * day)) < 60_000, short.stderr);
    for (const bad of ["0", "-1", "soon", "99999"]) assert.equal(cli(["token", "create", "edith", "--expires-days", bad, "--db", db]).status, 2, bad);
    {
      const store = await openStore(db);
      try {
        const at = (ms: number) => new Date(Date.now() + ms).toISOString();
        assert.equal((await store.tokenUser(tokenHash(short.stdout.trim()), at(day)))?.username, "edith");
        assert.equal(await store.tokenUser(tokenHash(short.stdout.trim()), at(3 * day)), null, "expired after 2 days");
        assert.equal((await store.tokenUser(tokenHash(token), at(3650 * day)))?.username, "edith", "no expiry by default");
      } finally {
        await store.close();
      }
    }
    assert.match(cli(["--help"]).stdout, /entente serve \[--db DB\] \[--port N\] \[--host H\]/);
    assert.equal(cli(["serve", "--port", "http", "--db", db]).status, 2);
    assert.equal(cli(["serve", "--session-hours", "0", "--db", db]).status, 2);


    const server = spawn(process.execPath, ["--import", "tsx", main, "serve", "--db", db, "--port", "0", "--session-hours", "3"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 30_000);
        server.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /serving on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        server.once("exit", (code) => reject(new Error(`serve exited ${code}`)));
      });
      const health = await fetch(`${url}api/health`);
      assert.equal(health.status, 200);
      const me = await fetch(`${url}api/me`, { headers: { Authorization: `Bearer ${token}` } });
      assert.deepEqual(await me.json(), { username: "edith", role: "editor" });
      const login = await fetch(`${url}api/auth/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ username: "rita", password: "another-password" }) });
      assert.equal(login.status, 200);
      const ahead = Date.parse(((await login.json()) as { expires_at: string }).expires_at) - Date.now();
      assert.ok(ahead > 3 * 3_600_000 - 60_000 && ahead <= 3 * 3_600_000, `--session-hours 3: ${ahead} ms`);
    } finally {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
