// The command line as a user runs it: good and bad files together, sidecars, flags, exit codes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, existsSync, copyFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const main = new URL("../src/cli/main.ts", import.meta.url).pathname;
const cli = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", main, ...args], { encoding: "utf8" });
const examples = new URL("../examples/", import.meta.url).pathname;

test("bad files get one line each, the good ones are still extracted, and the exit code says so", () => {
  const dir = mkdtempSync(join(tmpdir(), "entente-cli-"));
  const out = join(dir, "out");
  writeFileSync(join(dir, "empty.txt"), "");
  writeFileSync(join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 0, 255]));
  copyFileSync(join(examples, "maroc-senegal-securite.txt"), join(dir, "good.txt"));
  const r = cli(["extract", "--out", out, join(dir, "empty.txt"), join(dir, "binary.txt"), join(dir, "missing.txt"), join(dir, "good.txt")]);
  assert.equal(r.status, 1);
  const lines = r.stderr.trim().split("\n").filter((l) => l.startsWith("entente:"));
  assert.equal(lines.length, 3, r.stderr);
  assert.match(lines[0]!, /empty\.txt: is empty/);
  assert.match(lines[1]!, /binary\.txt: is not text/);
  assert.match(lines[2]!, /missing\.txt: no such file/);
  assert.deepEqual(readdirSync(out), ["good.json"]);
  const json = JSON.parse(readFileSync(join(out, "good.json"), "utf8"));
  assert.equal(json.document.id, "good");
  assert.ok(json.events.length > 0);
});

test("a sidecar gives the publication date; a flag overrides it; stdout carries JSON", () => {
  const dir = mkdtempSync(join(tmpdir(), "entente-cli-"));
  copyFileSync(join(examples, "maroc-senegal-securite.txt"), join(dir, "a.txt"));
  writeFileSync(join(dir, "a.meta.json"), JSON.stringify({ published: "2023-03-20", url: "https://example.org/a" }));
  const r1 = cli(["extract", join(dir, "a.txt")]);
  assert.equal(r1.status, 0, r1.stderr);
  const j1 = JSON.parse(r1.stdout);
  assert.equal(j1.document.published, "2023-03-20");
  assert.equal(j1.document.url, "https://example.org/a");
  assert.ok(j1.events.some((e: { date: string }) => e.date === "2023-03-14"));
  const r2 = cli(["extract", "--published", "2022-03-20", join(dir, "a.txt")]);
  assert.equal(JSON.parse(r2.stdout).document.published, "2022-03-20");
  const r3 = cli(["extract", "--published", "20 mars", join(dir, "a.txt")]);
  assert.equal(r3.status, 2);
  assert.match(r3.stderr, /--published must be/);
});

test("a folder is read whole, sidecars aside", () => {
  const dir = mkdtempSync(join(tmpdir(), "entente-cli-"));
  const out = join(dir, "out");
  const r = cli(["extract", "--out", out, examples]);
  assert.equal(r.status, 0, r.stderr);
  const articles = readdirSync(examples).filter((n) => n.endsWith(".txt"));
  assert.ok(articles.length >= 2);
  assert.deepEqual(readdirSync(out).sort(), articles.map((n) => n.replace(/\.txt$/, ".json")).sort());
  assert.ok(!existsSync(join(out, "maroc-senegal-securite.meta.json")));
});

test("usage errors exit 2 with a hint", () => {
  assert.equal(cli(["frobnicate"]).status, 2);
  assert.equal(cli(["extract"]).status, 2);
  const h = cli(["--help"]);
  assert.equal(h.status, 0);
  assert.match(h.stdout, /entente extract/);
});

test("an oversized file is refused by name", () => {
  const dir = mkdtempSync(join(tmpdir(), "entente-cli-"));
  writeFileSync(join(dir, "huge.txt"), Buffer.alloc(21 * 1024 * 1024, 0x61));
  const r = cli(["extract", join(dir, "huge.txt")]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /huge\.txt: too large/);
});
