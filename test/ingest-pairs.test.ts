// Pairs of articles that the merger must join or keep apart, read from files through ingest() as a user would:
// (a) one meeting told by two outlets, one of them dating it only as "on Tuesday"; (b) two different meetings of
// the same two states on the same day; (c) a later article's mention of a memorandum "signed in March". Then the CSV
// export of all of them, read back with a strict RFC 4180 parser. The people and outlets are invented.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingest } from "../src/knowledge/ingest.js";
import { csvCell, csvTable, exportStore } from "../src/knowledge/export.js";
import { openStore, type Store } from "../src/store/store.js";

const PAIRS = new URL("./fixtures/pairs/", import.meta.url).pathname;

async function ingested(...folders: string[]): Promise<Store> {
  const store = await openStore(":memory:");
  const s = await ingest(store, folders.map((f) => (f.startsWith("/") ? f : join(PAIRS, f))), { quiet: true });
  assert.deepEqual(s.failed, []);
  assert.equal(s.new, s.read);
  return store;
}

test("(a) two outlets, differently worded, one dated only 'on Tuesday': one event with two sources", async () => {
  const store = await ingested("same-meeting");
  try {
    const events = (await store.events()).items;
    assert.equal(events.length, 1, JSON.stringify(events.map((e) => [e.kind, e.date, e.place_name, e.sources.map((s) => s.outlet)])));
    const e = events[0]!;
    assert.equal(e.kind, "meeting");
    assert.equal(e.date, "2024-05-14", "Tuesday before the Wednesday 15 May publication");
    assert.equal(e.place_name, "Vilnius");
    assert.deepEqual(e.countries, ["LTU", "POL"]);
    assert.deepEqual(e.participants.map((p) => `${p.name} ${p.country}`).sort(), ["Marta Zielińska POL", "Rokas Paulauskas LTU"]);
    assert.deepEqual(e.sources.map((s) => s.outlet).sort(), ["BalticWire", "Warsaw Courier"]);
    assert.deepEqual(e.sources.map((s) => s.published).sort(), ["2024-05-14", "2024-05-15"]);
    assert.ok(e.sources.every((s) => s.evidence.length > 0), "each source keeps its own evidence");
  } finally {
    await store.close();
  }
});

test("(b) interior ministers in Rabat and a defence delegation in Paris, same day, same two states: two events", async () => {
  const store = await ingested("same-day-two-meetings");
  try {
    const events = (await store.events({ country: "FRA", with: "MAR" })).items;
    assert.equal(events.length, 2, JSON.stringify(events.map((e) => [e.kind, e.date, e.place_name, e.participants.map((p) => p.name)])));
    const byPlace = new Map(events.map((e) => [e.place_name, e]));
    const rabat = byPlace.get("Rabat");
    const paris = byPlace.get("Paris");
    assert.ok(rabat && paris, "one in each capital");
    assert.equal(rabat.date, "2024-10-09");
    assert.equal(paris.date, "2024-10-09");
    assert.deepEqual(rabat.participants.map((p) => p.name).sort(), ["Abdelkrim Benslimane", "Étienne Marchal-Duval"]);
    assert.deepEqual(paris.participants.map((p) => p.name).sort(), ["Hassan Amrani", "Jean-Baptiste Lorrain"]);
    assert.deepEqual(rabat.sources.map((s) => s.outlet), ["MAP"]);
    assert.deepEqual(paris.sources.map((s) => s.outlet), ["AFP"]);
  } finally {
    await store.close();
  }
});

test("(c) 'the memorandum ... signed in March' in a June article attaches to the March memorandum", async () => {
  const store = await ingested("background-memorandum");
  try {
    const agreements = (await store.agreements({ country: "KEN", with: "TZA" })).items;
    assert.equal(agreements.length, 1, JSON.stringify(agreements.map((g) => [g.kind, g.status, g.title, g.date])));
    const g = agreements[0]!;
    assert.equal(g.kind, "memorandum");
    assert.equal(g.status, "signed", "the later mention does not lower the status");
    assert.equal(g.date, "2024-03-12");
    assert.deepEqual(g.sources.map((s) => s.outlet).sort(), ["Daily News", "Nation Wire"]);
    // the June meeting is its own event, not folded into the March signing
    const events = (await store.events({ country: "KEN", with: "TZA" })).items;
    assert.deepEqual(events.map((e) => `${e.date} ${e.kind} ${e.place_name}`).sort(), ["2024-03-12 signing Nairobi", "2024-06-17 meeting Arusha"]);
  } finally {
    await store.close();
  }
});

// ------------------------------------------------------------------------------------------------ CSV

/**
 * RFC 4180, strictly: CRLF between records (a final CRLF allowed), fields quoted or not, "" inside quotes, no quote
 * inside an unquoted field, no bare CR or LF outside quotes, every record as wide as the header.
 */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (!text.endsWith("\r\n")) throw new Error("the last record must end with CRLF");
  while (i < n) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) throw new Error("unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < n && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") {
        if (text[i] === '"') throw new Error(`quote inside an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ",") {
      i++;
      continue;
    }
    if (text.startsWith("\r\n", i)) {
      i += 2;
      rows.push(row);
      row = [];
      continue;
    }
    throw new Error(`expected a comma or CRLF at ${i}, got ${JSON.stringify(text.slice(i, i + 10))}`);
  }
  const [header, ...body] = rows;
  if (!header) throw new Error("no header");
  for (const r of body) if (r.length !== header.length) throw new Error(`a record of ${r.length} fields under a header of ${header.length}`);
  return body.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k]!])));
}

test("csv cells: RFC 4180 quoting, formula injection defused, lists and empty values", () => {
  assert.equal(csvCell("Hà Nội"), "Hà Nội");
  assert.equal(csvCell("a,b"), '"a,b"');
  assert.equal(csvCell('say "yes"'), '"say ""yes"""');
  assert.equal(csvCell("line\nbreak"), '"line\nbreak"');
  assert.equal(csvCell("cr\rhere"), '"cr\rhere"');
  assert.equal(csvCell(null), "");
  assert.equal(csvCell(undefined), "");
  assert.equal(csvCell(3), "3");
  assert.equal(csvCell(false), "false");
  assert.equal(csvCell("2024-05-14"), "2024-05-14", "a date is not a formula");
  for (const bad of ["=1+2", "+33 1 23", "-2+3", "@SUM(A1)", "\tx", "\rx"]) assert.ok(csvCell(bad).replace(/^"/, "").startsWith(`'${bad[0]}`), `${JSON.stringify(bad)} -> ${csvCell(bad)}`);
  assert.equal(csvCell('=HYPERLINK("http://x.example","go")'), `"'=HYPERLINK(""http://x.example"",""go"")"`);
  const t = csvTable(["a", "b"], [["x,y", '=cmd|" /C calc"!A0'], [null, "plain"]]);
  assert.equal(t, `a,b\r\n"x,y","'=cmd|"" /C calc""!A0"\r\n,plain\r\n`);
  assert.deepEqual(parseCsv(t), [{ a: "x,y", b: `'=cmd|" /C calc"!A0` }, { a: "", b: "plain" }]);
  assert.throws(() => parseCsv('a\r\nx"y\r\n'), /quote inside/, "the test's parser is strict");
});

test("export --format csv: four tables that read back to the merged records", async () => {
  // a hostile sidecar: what a spreadsheet would execute must arrive defused
  const hostile = mkdtempSync(join(tmpdir(), "entente-csv-"));
  mkdirSync(join(hostile, "in"));
  writeFileSync(join(hostile, "in", "ghana-kenya.txt"), "Ghana and Kenya agree to boost trade\n\nACCRA, June 4 - Ghanaian Foreign Minister Kwame Asante-Boadu met his Kenyan counterpart Wanjiru Kamau in Accra on Tuesday, and the two agreed to strengthen cooperation in trade and energy.\n");
  writeFileSync(join(hostile, "in", "ghana-kenya.meta.json"), JSON.stringify({ url: '=HYPERLINK("http://evil.example/x","open")', outlet: "@SUM(1+1)", published: "2024-06-04" }));
  const store = await ingested("same-meeting", "same-day-two-meetings", "background-memorandum", join(hostile, "in"));
  const out = join(hostile, "csv");
  try {
    const n = await exportStore(store, "csv", out);
    const read = (name: string) => parseCsv(readFileSync(join(out, name), "utf8"));
    const events = read("events.csv");
    const agreements = read("agreements.csv");
    const people = read("people.csv");
    const sources = read("event_sources.csv");
    assert.equal(n, events.length + agreements.length + people.length);
    assert.deepEqual(Object.keys(events[0]!), ["id", "kind", "date", "end_date", "place", "place_country", "countries", "areas", "participants", "background", "source_count", "source_urls"]);
    assert.deepEqual(Object.keys(agreements[0]!), ["id", "kind", "title", "status", "date", "period_from", "period_to", "countries", "parties", "areas", "source_count"]);
    assert.deepEqual(Object.keys(people[0]!), ["id", "name", "country", "variants", "offices"]);
    assert.deepEqual(Object.keys(sources[0]!), ["event_id", "article_id", "url", "outlet", "published", "evidence"]);

    const stored = (await store.events({ limit: 1000 })).items;
    assert.equal(events.length, stored.length, "one row per merged event");
    assert.deepEqual(events.map((e) => e.id).sort(), stored.map((e) => e.id).sort(), "the ids are the store's");

    const vilnius = events.filter((e) => e.place === "Vilnius");
    assert.equal(vilnius.length, 1);
    const v = vilnius[0]!;
    assert.deepEqual({ kind: v.kind, date: v.date, end_date: v.end_date, place_country: v.place_country, countries: v.countries, participants: v.participants, background: v.background, source_count: v.source_count }, {
      kind: "meeting", date: "2024-05-14", end_date: "", place_country: "LTU", countries: "LTU;POL", participants: "Marta Zielińska;Rokas Paulauskas", background: "false", source_count: "2",
    });
    assert.deepEqual(v.source_urls!.split(";").sort(), ["https://warsawcourier.example/world/zielinska-vilnius-talks", "https://www.balticwire.example/politics/2024/05/14/poland-lithuania-border"]);
    const vs = sources.filter((s) => s.event_id === v.id);
    assert.deepEqual(vs.map((s) => `${s.outlet} ${s.published}`).sort(), ["BalticWire 2024-05-14", "Warsaw Courier 2024-05-15"]);
    assert.ok(vs.every((s) => /Zielińska/.test(s.evidence!)), JSON.stringify(vs));
    assert.ok(vs.every((s) => /^\d+$/.test(s.article_id!)), "article ids are store ids");
    assert.equal(sources.length, stored.reduce((k, e) => k + e.sources.length, 0), "one row per (event, source)");

    assert.equal(events.filter((e) => e.countries === "FRA;MAR").length, 2);

    const memo = agreements.filter((g) => g.countries === "KEN;TZA");
    assert.equal(memo.length, 1);
    assert.deepEqual({ kind: memo[0]!.kind, status: memo[0]!.status, date: memo[0]!.date, source_count: memo[0]!.source_count }, { kind: "memorandum", status: "signed", date: "2024-03-12", source_count: "2" });
    assert.match(memo[0]!.title!, /^memorandum of understanding on cross-border electricity trade/);

    const marta = people.find((p) => p.name === "Marta Zielińska");
    assert.equal(marta?.country, "POL");
    assert.match(marta!.offices!, /Foreign Minister/);

    // the hostile sidecar's values, defused (and still readable once the apostrophe is dropped)
    const ghana = events.find((e) => e.countries === "GHA;KEN")!;
    assert.equal(ghana.source_urls, `'=HYPERLINK("http://evil.example/x","open")`);
    const gs = sources.find((s) => s.event_id === ghana.id)!;
    assert.equal(gs.url, `'=HYPERLINK("http://evil.example/x","open")`);
    assert.equal(gs.outlet, "'@SUM(1+1)");
    for (const name of ["events.csv", "agreements.csv", "people.csv", "event_sources.csv"]) {
      for (const line of readFileSync(join(out, name), "utf8").split("\r\n")) assert.doesNotMatch(line, /(^|,)"?[=+@]/, `${name}: ${line}`);
    }
  } finally {
    await store.close();
    rmSync(hostile, { recursive: true, force: true });
  }
});

test("the CLI names csv among the export formats", () => {
  const main = new URL("../src/cli/main.ts", import.meta.url).pathname;
  const r = spawnSync(process.execPath, ["--import", "tsx", main, "export", "--db", ":memory:", "--format", "xlsx", "--out", tmpdir()], { encoding: "utf8" });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--format eval\|jsonl\|plover\|gexf\|csv /);
  const h = spawnSync(process.execPath, ["--import", "tsx", main, "--help"], { encoding: "utf8" });
  assert.match(h.stdout, /entente export .*--format [a-z|]*\bcsv\b/);
});
