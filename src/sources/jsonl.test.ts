import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSources, type SourceEvent } from "./index.js";

const FILE = fileURLToPath(new URL("../../test/fixtures/sources/items.jsonl", import.meta.url));

async function all(specs: string[], opts = {}): Promise<SourceEvent[]> {
  const out: SourceEvent[] = [];
  for await (const ev of readSources(specs, opts)) out.push(ev);
  return out;
}

test("JSON Lines: one item a line; a bad line is an error naming file#line and the rest go on", async () => {
  const evs = await all([FILE]);
  const uriOf = (e: SourceEvent) => (e.kind === "item" ? e.item.uri : e.uri);
  assert.deepEqual(
    evs.map((e) => `${e.kind} ${uriOf(e).slice(FILE.length)}`),
    ["item #1", "item #2", "error #3", "error #5", "skip #6", "error #7", "error #8", "item #9"],
  );
  const [a, b, bad, nobody, dup, num, arr, last] = evs;
  assert.ok(a?.kind === "item" && b?.kind === "item" && last?.kind === "item");
  assert.deepEqual({ ...a.item, uri: undefined }, {
    uri: undefined,
    url: "https://en.vietnamplus.vn/vietnam-japan-talks/1.vnp",
    outlet: "vietnamplus.vn",
    title: "Vietnam, Japan hold talks",
    published: "2024-02-01",
    language: "en",
    format: "text",
    raw: "HANOI, Feb 1 - Vietnam and Japan held talks on economic cooperation.",
  });
  assert.equal(b.item.format, "html");
  assert.equal(b.item.outlet, "APS");
  assert.equal(b.item.published, "2024-01-20");
  assert.equal(b.item.language, null);
  assert.match(b.item.raw, /^<html><body><p>ALGER - Les présidents/);
  assert.ok(bad?.kind === "error" && /^not valid JSON/.test(bad.reason) && !bad.reason.includes("\n"));
  assert.ok(nobody?.kind === "error" && nobody.reason === 'no "text" or "html"');
  assert.ok(dup?.kind === "skip" && /duplicate URL/.test(dup.reason));
  assert.ok(num?.kind === "error" && num.reason === '"url" must be a string');
  assert.ok(arr?.kind === "error" && arr.reason === "not a JSON object");
  assert.equal(last.item.url, null);
  assert.equal(last.item.outlet, null);
  assert.equal(last.item.published, null); // "sometime" is not a date
});

test("JSON Lines: a line over the size limit is an error, the next line still reads", async () => {
  const dir = mkdtempSync(join(tmpdir(), "entente-jsonl-"));
  const p = join(dir, "big.jsonl");
  writeFileSync(p, JSON.stringify({ text: "x".repeat(2000) }) + "\n" + JSON.stringify({ text: "small" }) + "\n");
  const evs = await all([p], { maxBytes: 1000 });
  assert.deepEqual(evs.map((e) => e.kind), ["error", "item"]);
  assert.ok(evs[0]!.kind === "error" && /line too large/.test(evs[0]!.reason) && evs[0]!.uri === `${p}#1`);
});
