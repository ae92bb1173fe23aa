// The store commands as a user runs them: ingest twice (idempotent), then query what was merged.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const main = new URL("../src/cli/main.ts", import.meta.url).pathname;
const cli = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", main, ...args], { encoding: "utf8" });
const examples = new URL("../examples/", import.meta.url).pathname;
const articles = new URL("./fixtures/articles/", import.meta.url).pathname;

test("ingest a folder and JSON Lines into SQLite, again without change, then query events, agreements, people", () => {
  const dir = mkdtempSync(join(tmpdir(), "entente-kb-"));
  const db = join(dir, "kb.db");
  const corpus = join(dir, "corpus");
  mkdirSync(corpus);
  copyFileSync(join(examples, "maroc-senegal-securite.txt"), join(corpus, "a.txt"));
  copyFileSync(join(examples, "maroc-senegal-securite.meta.json"), join(corpus, "a.meta.json"));
  copyFileSync(join(articles, "en-chile-korea.txt"), join(corpus, "b.txt"));
  const jsonl = join(dir, "items.jsonl");
  writeFileSync(jsonl, `${JSON.stringify({ url: "https://example.org/c", title: "t", published: "2023-07-21", text: "Titre\n\nNouakchott, 20 juillet (AMI) - La ministre sénégalaise des Pêches, Fatou Diouf Ndiaye, et son homologue mauritanien, Mohamed Abdallahi Ould Bah, ont signé jeudi à Nouakchott un protocole d'accord." })}\nnot json\n`);

  const r1 = cli(["ingest", "--db", db, corpus, jsonl]);
  assert.match(r1.stderr, /read 3 articles: 3 new/, r1.stderr);
  assert.match(r1.stderr, /1 failed/, "the bad JSON line is reported");
  assert.equal(r1.status, 1);
  const r2 = cli(["ingest", "--db", db, corpus]);
  assert.match(r2.stderr, /read 2 articles: 0 new, 0 new versions, 2 unchanged/, r2.stderr);

  const ev = cli(["events", "--db", db, "--country", "MAR", "--with", "SEN", "--json"]);
  assert.equal(ev.status, 0, ev.stderr);
  const events = ev.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.ok(events.some((e) => e.kind === "meeting" && e.date === "2024-03-14"));
  assert.ok(events.every((e) => e.countries.includes("MAR") && e.countries.includes("SEN")));
  assert.ok(events.every((e) => e.sources.length >= 1 && e.sources[0].evidence.length >= 1), "every merged event keeps its sources and evidence");

  const ag = cli(["agreements", "--db", db, "--country", "SEN", "--status", "signed", "--json"]);
  const agreements = ag.stdout.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
  assert.ok(agreements.some((a) => a.kind === "programme"));
  assert.ok(agreements.every((a) => a.status === "signed"));

  const p = cli(["person", "--db", db, "Camila Rojas Fuentes", "--json"]);
  const person = JSON.parse(p.stdout.trim().split("\n")[0]!);
  assert.equal(person.country, "CHL");

  // the eval export: one file per article, each event with the id of its merged record
  const outDir = join(dir, "eval");
  const ex = cli(["export", "--db", db, "--format", "eval", "--out", outDir]);
  assert.equal(ex.status, 0, ex.stderr);
  const a = JSON.parse(readFileSync(join(outDir, "a.json"), "utf8"));
  assert.ok(a.events.length > 0 && a.events.every((e: { event_id?: string }) => typeof e.event_id === "string"));
  assert.ok(a.agreements.every((g: { agreement_id?: string }) => typeof g.agreement_id === "string"));
  const gexf = cli(["export", "--db", db, "--format", "gexf", "--out", join(dir, "g")]);
  assert.equal(gexf.status, 0, gexf.stderr);
  assert.match(readFileSync(join(dir, "g", "cooperation.gexf"), "utf8"), /<edge id="\d+" source="MAR" target="SEN" weight="\d+"\/>/);

  const bad = cli(["events", "--db", db, "--country", "Maroc"]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /ISO 3166/);
});
