import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { classify, readSources, type SourceEvent } from "./index.js";

const FIX = fileURLToPath(new URL("../../test/fixtures/sources/", import.meta.url));
const fx = (name: string) => join(FIX, name);

async function all(specs: string[]): Promise<SourceEvent[]> {
  const out: SourceEvent[] = [];
  for await (const ev of readSources(specs)) out.push(ev);
  return out;
}
const rel = (evs: SourceEvent[]) => evs.map((e) => `${e.kind} ${(e.kind === "item" ? e.item.uri : e.uri).replace(FIX, "")}`);

test("classify: URLs by form, paths by the file system and their names", () => {
  assert.equal(classify("https://example.org/a.html"), "url");
  assert.equal(classify("http://example.org/news/feed/"), "feed-url");
  assert.equal(classify("https://example.org/rss.xml"), "feed-url");
  assert.equal(classify("https://example.org/?format=rss"), "feed-url");
  assert.equal(classify("ftp://example.org/a.html"), "url");
  assert.equal(classify(FIX), "folder");
  assert.equal(classify(fx("corpus")), "folder");
  assert.equal(classify(fx("article.txt")), "file");
  assert.equal(classify(fx("vn-laos.html")), "file");
  assert.equal(classify(fx("feed.rss")), "feed");
  assert.equal(classify("news/feed.xml"), "feed");
  assert.equal(classify("feed.atom"), "feed");
  assert.equal(classify("crawl.warc.gz"), "warc");
  assert.equal(classify("crawl.WARC"), "warc");
  assert.equal(classify("items.jsonl"), "jsonl");
  assert.equal(classify("missing.txt"), "file");
});

test("a text file with its sidecar: metadata from the sidecar, outlet as the sidecar gives it, date as an ISO day", async () => {
  const evs = await all([fx("article.txt")]);
  assert.equal(evs.length, 1);
  const ev = evs[0]!;
  assert.equal(ev.kind, "item");
  if (ev.kind !== "item") return;
  assert.deepEqual({ ...ev.item, raw: undefined }, {
    uri: fx("article.txt"),
    url: "https://www.kazinform.kz/news/kazakhstan-laos-talks",
    outlet: "Kazinform",
    title: "Kazakhstan and Laos to deepen cooperation",
    published: "2024-06-05",
    language: "en",
    format: "text",
    raw: undefined,
  });
  assert.match(ev.item.raw, /^ASTANA, 5 June - Kazakhstan and Laos/);
});

test("an HTML file without a sidecar: html, nothing known but the text", async () => {
  const [ev] = await all([fx("vn-laos.html")]);
  assert.equal(ev?.kind, "item");
  if (ev?.kind !== "item") return;
  assert.equal(ev.item.format, "html");
  assert.equal(ev.item.url, null);
  assert.equal(ev.item.outlet, null);
  assert.equal(ev.item.title, null);
  assert.match(ev.item.raw, /<title>Viet Nam and Laos sign education agreement/);
});

test("an HTML file in windows-1252 that says so is decoded by its charset", async () => {
  const [ev] = await all([fx("cp1252-meta.html")]);
  assert.equal(ev?.kind, "item", JSON.stringify(ev));
  if (ev?.kind !== "item") return;
  assert.match(ev.item.raw, /Affaires étrangères a reçu son homologue sénégalais/);
  assert.ok(!ev.item.raw.includes("\uFFFD"));
});

test("a folder is read recursively: article files with sidecars and JSON Lines; a bad sidecar is an error, feeds and other files skips, hidden ones ignored", async () => {
  const evs = await all([fx("corpus")]);
  assert.deepEqual(rel(evs), ["item corpus/a.txt", "error corpus/broken.txt", "skip corpus/news.xml", "skip corpus/notes.csv", "item corpus/sub/b.html", "item corpus/sub/c.jsonl#1"]);
  const feed = evs[2]!;
  assert.ok(feed.kind === "skip" && /feed file inside a folder is not read/.test(feed.reason));
  const line = evs[5]!;
  assert.ok(line.kind === "item" && line.item.outlet === "lemonde.fr");
  const b = evs[4]!;
  assert.ok(b.kind === "item");
  assert.equal(b.item.url, "https://news.example.co.uk/defence/india-france");
  assert.equal(b.item.outlet, "example.co.uk");
  assert.equal(b.item.published, "2024-05-08");
  assert.equal(b.item.format, "html");
  const broken = evs[1]!;
  assert.ok(broken.kind === "error");
  assert.match(broken.reason, /sidecar broken\.meta\.json is not valid JSON/);
  assert.ok(!broken.reason.includes("\n"));
  const csv = evs[3]!;
  assert.ok(csv.kind === "skip");
  assert.match(csv.reason, /not an article file \(\.csv\)/);
});

test("a missing file and a missing folder entry are one-line errors; the others still come", async () => {
  const evs = await all([fx("nope.txt"), fx("nope.jsonl"), fx("nope.warc.gz"), fx("nope.rss"), fx("article.txt")]);
  assert.deepEqual(evs.map((e) => e.kind), ["error", "error", "error", "error", "item"]);
  for (const e of evs.slice(0, 4)) assert.ok(e.kind === "error" && e.reason === "no such file", JSON.stringify(e));
});

test("the same article URL twice in one run: the second is a skip", async () => {
  const evs = await all([fx("article.txt"), fx("article.txt")]);
  assert.deepEqual(evs.map((e) => e.kind), ["item", "skip"]);
  assert.ok(evs[1]!.kind === "skip" && /duplicate URL/.test(evs[1]!.reason));
});
