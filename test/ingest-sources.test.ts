// Ingest over every kind of source at once (a folder of .txt/.html with sidecars, JSON Lines, WARC, WARC.gz, RSS and
// Atom feeds and a page on a loopback HTTP server), on SQLite and on PostgreSQL, in-process and through the CLI.
// Each article reports one meeting between its own pair of states, so every stored event can be traced to the one
// source it came from.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WARCRecord, WARCSerializer } from "warcio";
import { ingest, type IngestSummary } from "../src/knowledge/ingest.js";
import { openStore, type Store } from "../src/store/store.js";
import { findPgBin, startPgTestServer, type PgTestServer } from "../src/store/pg-test-server.js";

type Via = "folder-txt" | "folder-html" | "jsonl-text" | "jsonl-html" | "warc" | "warc.gz" | "rss" | "atom" | "url";

interface Article {
  via: Via;
  /** the path on the loopback server, or the absolute URL the article claims */
  url: string;
  countries: [string, string];
  date: string;
  text: { title: string; dateline: string; lead: string };
  /** what the store must keep; "127.0.0.1" is the registrable "domain" of a loopback URL */
  outlet: string;
}

const meeting = (adj1: string, n1: string, pron: string, adj2: string, n2: string, city: string, weekday: string) =>
  `${adj1} Foreign Minister ${n1} met ${pron} ${adj2} counterpart ${n2} in ${city} on ${weekday}, and the two agreed to strengthen cooperation in trade and energy.`;

const ARTICLES: Article[] = [
  {
    via: "folder-txt", url: "https://www.graphic-news.example/world/ghana-kenya-trade", countries: ["GHA", "KEN"], date: "2024-06-04", outlet: "Graphic News",
    text: { title: "Ghana and Kenya agree to boost trade", dateline: "ACCRA, June 4", lead: meeting("Ghanaian", "Kwame Asante-Boadu", "his", "Kenyan", "Wanjiru Kamau", "Accra", "Tuesday") },
  },
  {
    via: "folder-html", url: "https://andina.example/en/peru-colombia-talks", countries: ["COL", "PER"], date: "2024-04-03", outlet: "andina.example",
    text: { title: "Peru, Colombia hold talks", dateline: "LIMA, April 3", lead: meeting("Peruvian", "Rosa Quispe Huamán", "her", "Colombian", "Andrés Mejía Restrepo", "Lima", "Wednesday") },
  },
  {
    via: "jsonl-text", url: "https://www.andes-wire.example/chile-argentina", countries: ["ARG", "CHL"], date: "2024-02-06", outlet: "Andes Wire",
    text: { title: "Chile and Argentina ministers meet", dateline: "SANTIAGO, Feb 6", lead: meeting("Chilean", "Ignacio Valdés Moreno", "his", "Argentine", "Lucía Ferreyra", "Santiago", "Tuesday") },
  },
  {
    via: "jsonl-html", url: "https://iberia-news.example/spain-portugal", countries: ["ESP", "PRT"], date: "2024-02-08", outlet: "iberia-news.example",
    text: { title: "Spain, Portugal talks in Madrid", dateline: "MADRID, Feb 8", lead: meeting("Spanish", "Carmen Olivares Ruiz", "her", "Portuguese", "João Pedro Antunes", "Madrid", "Thursday") },
  },
  {
    via: "warc", url: "https://www.tiber-press.example/world/2024/03/05/italy-greece", countries: ["GRC", "ITA"], date: "2024-03-05", outlet: "tiber-press.example",
    text: { title: "Italy and Greece ministers meet in Rome", dateline: "ROME, March 5", lead: meeting("Italian", "Lorenzo Bellandi", "his", "Greek", "Eleni Papadaki", "Rome", "Tuesday") },
  },
  {
    via: "warc", url: "https://nile-daily.example/egypt-jordan", countries: ["EGY", "JOR"], date: "2024-03-06", outlet: "nile-daily.example",
    text: { title: "Egypt, Jordan discuss trade", dateline: "CAIRO, March 6", lead: meeting("Egyptian", "Sherif Abdel-Rahman", "his", "Jordanian", "Layla Haddad", "Cairo", "Wednesday") },
  },
  {
    via: "warc.gz", url: "https://www.nordic-post.example/sweden-finland", countries: ["FIN", "SWE"], date: "2024-03-07", outlet: "nordic-post.example",
    text: { title: "Sweden and Finland ministers meet", dateline: "STOCKHOLM, March 7", lead: meeting("Swedish", "Karin Lindqvist", "her", "Finnish", "Mikko Heinonen", "Stockholm", "Thursday") },
  },
  {
    via: "warc.gz", url: "https://www.gulf-of-siam.example/thai-malaysia", countries: ["MYS", "THA"], date: "2024-03-11", outlet: "gulf-of-siam.example",
    text: { title: "Thailand, Malaysia hold talks", dateline: "BANGKOK, March 11", lead: meeting("Thai", "Somchai Rattanakul", "his", "Malaysian", "Aziz Rahman", "Bangkok", "Monday") },
  },
  {
    via: "rss", url: "/news/rss-1.html", countries: ["CAN", "MEX"], date: "2024-04-09", outlet: "127.0.0.1",
    text: { title: "Canada and Mexico ministers meet", dateline: "OTTAWA, April 9", lead: meeting("Canadian", "Claire Gagnon-Whitfield", "her", "Mexican", "Alejandro Ruiz Salgado", "Ottawa", "Tuesday") },
  },
  {
    via: "rss", url: "/news/rss-2.html", countries: ["AUS", "IDN"], date: "2024-04-10", outlet: "127.0.0.1",
    text: { title: "Australia, Indonesia talks in Canberra", dateline: "CANBERRA, April 10", lead: meeting("Australian", "Fiona McAllister", "her", "Indonesian", "Budi Santoso Wirawan", "Canberra", "Wednesday") },
  },
  {
    via: "atom", url: "/news/atom-1.html", countries: ["AZE", "TUR"], date: "2024-04-11", outlet: "127.0.0.1",
    text: { title: "Turkey and Azerbaijan ministers meet", dateline: "ANKARA, April 11", lead: meeting("Turkish", "Mehmet Yıldırım Aksoy", "his", "Azerbaijani", "Elnur Mammadli", "Ankara", "Thursday") },
  },
  {
    via: "atom", url: "/news/atom-2.html", countries: ["BRA", "URY"], date: "2024-04-15", outlet: "127.0.0.1",
    text: { title: "Brazil, Uruguay talks", dateline: "BRASILIA, April 15", lead: meeting("Brazilian", "Paulo Henrique Siqueira", "his", "Uruguayan", "Martina Rodríguez Piñeyro", "Brasília", "Monday") },
  },
  {
    via: "url", url: "/news/page.html", countries: ["NOR", "POL"], date: "2024-04-16", outlet: "127.0.0.1",
    text: { title: "Norway and Poland ministers meet", dateline: "OSLO, April 16", lead: meeting("Norwegian", "Ingrid Solheim", "her", "Polish", "Tomasz Wieczorek", "Oslo", "Tuesday") },
  },
];

const asText = (a: Article, extra = "") => `${a.text.title}\n\n${a.text.dateline} - ${a.text.lead}\n\nThe two ministers also discussed student exchanges and direct flights.${extra}\n`;
const asHtml = (a: Article) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${a.text.title}</title>` +
  `<meta property="article:published_time" content="${a.date}T09:00:00Z"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>` +
  `<article><h1>${a.text.title}</h1><p>${a.text.dateline} - ${a.text.lead}</p><p>The two ministers also discussed student exchanges and direct flights.</p></article>` +
  `<footer>All rights reserved</footer></body></html>`;

// ------------------------------------------------------------------------------------------- the sources

let base = "";
const served = new Map<string, string>();
const server: Server = createServer((req, res) => {
  const path = new URL(req.url ?? "/", "http://x").pathname;
  const rss = ARTICLES.filter((a) => a.via === "rss");
  const atom = ARTICLES.filter((a) => a.via === "atom");
  if (path === "/feed.rss") {
    const items = [...rss.map((a) => ({ title: a.text.title, link: `${base}${a.url}`, date: a.date })), { title: "Removed story", link: `${base}/news/removed.html`, date: "2024-04-12" }];
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
    res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Loopback World</title><link>${base}/</link><description>test</description><language>en</language>\n` +
      items.map((i) => `<item><title>${i.title}</title><link>${i.link}</link><pubDate>${new Date(`${i.date}T08:00:00Z`).toUTCString()}</pubDate><description>Teaser.</description></item>`).join("\n") +
      `\n</channel></rss>\n`);
    return;
  }
  if (path === "/feed.atom") {
    res.writeHead(200, { "content-type": "application/atom+xml; charset=utf-8" });
    res.end(`<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Loopback Atom</title><id>urn:test:atom</id><updated>2024-04-15T12:00:00Z</updated>\n` +
      atom.map((a, k) => `<entry><title>${a.text.title}</title><link href="${base}${a.url}"/><id>urn:test:atom:${k}</id><published>${a.date}T10:00:00Z</published><updated>${a.date}T11:00:00Z</updated><summary>Teaser.</summary></entry>`).join("\n") +
      `\n</feed>\n`);
    return;
  }
  const page = served.get(path);
  if (page !== undefined) {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(page);
    return;
  }
  res.writeHead(404, { "content-type": "text/html" });
  res.end("<html><body>not found</body></html>");
});

async function writeWarc(path: string, articles: Article[], gzip: boolean): Promise<void> {
  const enc = (s: string) => new TextEncoder().encode(s);
  const parts: Uint8Array[] = [
    await WARCSerializer.serialize(await WARCRecord.createWARCInfo({ filename: path, warcVersion: "WARC/1.1" }, { software: "entente test" }), { gzip }),
  ];
  for (const a of articles) {
    // a crawler writes the request before its response; it must be skipped, not counted as an article
    parts.push(await WARCSerializer.serialize(await WARCRecord.create({ url: a.url, type: "request", date: `${a.date}T12:00:00Z`, httpHeaders: { Host: new URL(a.url).host }, statusline: "GET / HTTP/1.1" }, [new Uint8Array(0)]), { gzip }));
    parts.push(await WARCSerializer.serialize(await WARCRecord.create({ url: a.url, type: "response", date: `${a.date}T12:00:00Z`, httpHeaders: { "Content-Type": "text/html; charset=utf-8" } }, [enc(asHtml(a))]), { gzip }));
  }
  writeFileSync(path, Buffer.concat(parts));
}

interface Corpus {
  dir: string;
  folder: string;
  specs: string[];
  /** the URL each article is stored under */
  urlOf: (a: Article) => string;
  /** what must fail, by uri */
  failing: { uri: string; reason: RegExp }[];
}

async function makeCorpus(): Promise<Corpus> {
  const dir = mkdtempSync(join(tmpdir(), "entente-ingest-src-"));
  const folder = join(dir, "corpus");
  mkdirSync(folder);
  const of = (v: Via) => ARTICLES.filter((a) => a.via === v);
  const txt = of("folder-txt")[0]!;
  writeFileSync(join(folder, "ghana-kenya.txt"), asText(txt));
  writeFileSync(join(folder, "ghana-kenya.meta.json"), JSON.stringify({ url: txt.url, outlet: txt.outlet, published: txt.date, title: txt.text.title }));
  const html = of("folder-html")[0]!;
  writeFileSync(join(folder, "peru-colombia.html"), asHtml(html));
  // no outlet in this sidecar: the URL's registrable domain stands in
  writeFileSync(join(folder, "peru-colombia.meta.json"), JSON.stringify({ url: html.url, published: html.date }));
  const jt = of("jsonl-text")[0]!;
  const jh = of("jsonl-html")[0]!;
  const jsonl = join(dir, "items.jsonl");
  writeFileSync(jsonl, [
    JSON.stringify({ url: jt.url, title: jt.text.title, published: jt.date, outlet: jt.outlet, language: "en", text: asText(jt) }),
    "",
    JSON.stringify({ url: jh.url, title: jh.text.title, published: `${jh.date}T10:00:00+01:00`, html: asHtml(jh) }),
  ].join("\n") + "\n");
  const warc = join(dir, "crawl.warc");
  const warcGz = join(dir, "crawl.warc.gz");
  await writeWarc(warc, of("warc"), false);
  await writeWarc(warcGz, of("warc.gz"), true);
  const bad = join(dir, "corrupt.warc");
  writeFileSync(bad, "this is a text file that someone named .warc\nit has no WARC/1.1 line at all\n");
  for (const a of ARTICLES) if (a.url.startsWith("/")) served.set(a.url, asHtml(a));
  return {
    dir,
    folder,
    // the corrupt WARC sits between good sources: what comes after it must still be read
    specs: [folder, jsonl, bad, warc, warcGz, `${base}/feed.rss`, `${base}/feed.atom`, `${base}/news/page.html`, `${base}/news/gone.html`],
    urlOf: (a) => (a.url.startsWith("/") ? `${base}${a.url}` : a.url),
    failing: [
      { uri: bad, reason: /not a WARC file/ },
      { uri: `${base}/news/removed.html`, reason: /HTTP 404/ },
      { uri: `${base}/news/gone.html`, reason: /^HTTP 404/ },
    ],
  };
}

let corpus: Corpus;

before(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  corpus = await makeCorpus();
});

after(() => {
  server.closeAllConnections();
  server.close();
  if (corpus) rmSync(corpus.dir, { recursive: true, force: true });
});

// ------------------------------------------------------------------------------------------- the checks

const N = ARTICLES.length;
const quiet = { quiet: true };

function checkSummary(s: IngestSummary, expect: { new: number; unchanged: number; newVersions: number }) {
  assert.equal(s.read, N, JSON.stringify(s.failed));
  assert.deepEqual({ new: s.new, unchanged: s.unchanged, newVersions: s.newVersions }, expect);
  assert.deepEqual(s.failed.map((f) => f.uri).sort(), corpus.failing.map((f) => f.uri).sort(), JSON.stringify(s.failed));
  for (const f of corpus.failing) assert.match(s.failed.find((x) => x.uri === f.uri)!.reason, f.reason);
  assert.ok(s.skipped.some((k) => /^request record for https:\/\/www\.tiber-press\.example\//.test(k.reason)), JSON.stringify(s.skipped));
}

/** What every kind of source must leave in the store: the article with its metadata, and its meeting with it as source. */
async function checkStored(store: Store) {
  const articles = await store.listArticles({ withText: false });
  assert.equal(articles.length, N);
  const byUrl = new Map(articles.map((a) => [a.url, a]));
  const events = (await store.events({ limit: 1000 })).items;
  for (const a of ARTICLES) {
    const url = corpus.urlOf(a);
    const stored = byUrl.get(url);
    assert.ok(stored, `${a.via}: ${url} is stored`);
    assert.equal(stored.outlet, a.outlet, `${a.via}: outlet`);
    assert.equal(stored.published, a.date, `${a.via}: published`);
    const mine = events.filter((e) => e.countries.join("-") === a.countries.join("-"));
    assert.equal(mine.length, 1, `${a.via}: one ${a.countries.join("-")} event, got ${JSON.stringify(mine.map((e) => [e.kind, e.date]))}`);
    const e = mine[0]!;
    assert.equal(e.kind, "meeting", a.via);
    assert.equal(e.date, a.date, a.via);
    assert.equal(e.participants.length, 2, a.via);
    assert.deepEqual(e.sources.map((s) => s.articleId), [stored.id], `${a.via}: the event cites its article`);
    assert.equal(e.sources[0]!.url, url);
    assert.equal(e.sources[0]!.outlet, a.outlet);
    assert.ok(e.sources[0]!.evidence.some((x) => x.text.includes("counterpart")), `${a.via}: evidence ${JSON.stringify(e.sources[0]!.evidence)}`);
  }
}

// The article under a changed text: the folder's .txt gets a correction appended.
const corrected = () => writeFileSync(join(corpus.folder, "ghana-kenya.txt"), asText(ARTICLES[0]!, "\n\nThis story was corrected to give the full name of the Kenyan minister."));
const restore = () => writeFileSync(join(corpus.folder, "ghana-kenya.txt"), asText(ARTICLES[0]!));

const main = new URL("../src/cli/main.ts", import.meta.url).pathname;
/** Run asynchronously: the loopback server lives in this process and must keep answering. */
function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", main, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b) => (stdout += b));
    child.stderr.on("data", (b) => (stderr += b));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

function suite(name: string, fresh: () => Promise<string>) {
  describe(name, () => {
    test("ingest(): every source kind is stored with its metadata and its event; errors are reported and the rest goes on", async () => {
      restore();
      const store = await openStore(await fresh());
      try {
        checkSummary(await ingest(store, corpus.specs, quiet), { new: N, unchanged: 0, newVersions: 0 });
        await checkStored(store);
        const stats = await store.stats();

        // the same sources again: nothing new, the merged records are the same
        checkSummary(await ingest(store, corpus.specs, quiet), { new: 0, unchanged: N, newVersions: 0 });
        assert.deepEqual(await store.stats(), stats);
        await checkStored(store);

        // a corrected text is a new version, which replaces the old one as the event's source
        corrected();
        const s3 = await ingest(store, [corpus.folder], quiet);
        assert.deepEqual({ read: s3.read, new: s3.new, unchanged: s3.unchanged, newVersions: s3.newVersions }, { read: 2, new: 0, unchanged: 1, newVersions: 1 });
        const all = await store.listArticles({ includeSuperseded: true, withText: false });
        assert.equal(all.length, N + 1);
        const versions = all.filter((a) => a.url === ARTICLES[0]!.url).sort((a, b) => a.version - b.version);
        assert.deepEqual(versions.map((v) => v.version), [1, 2]);
        assert.equal(versions[0]!.superseded_by, versions[1]!.id);
        assert.equal((await store.stats()).articles, N);
        const ev = (await store.events({ country: "GHA", with: "KEN" })).items;
        assert.equal(ev.length, 1);
        assert.deepEqual(ev[0]!.sources.map((s) => [s.articleId, s.superseded]), [[versions[1]!.id, false]]);
      } finally {
        restore();
        await store.close();
      }
    });

    test("entente ingest: the same sources through the CLI, twice, then a CSV export", async () => {
      restore();
      const db = await fresh();
      const r1 = await cli(["ingest", "--db", db, ...corpus.specs]);
      assert.equal(r1.status, 1, "a failed source makes the exit status 1");
      assert.match(r1.stderr, new RegExp(`read ${N} articles: ${N} new, 0 new versions, 0 unchanged; \\d+ skipped, 3 failed`), r1.stderr);
      for (const f of corpus.failing) assert.ok(r1.stderr.split("\n").some((l) => l.startsWith(`  failed ${f.uri}: `) && f.reason.test(l.slice(`  failed ${f.uri}: `.length))), `${f.uri} in\n${r1.stderr}`);
      assert.match(r1.stderr, new RegExp(`store now holds ${N} events`), r1.stderr);
      const r2 = await cli(["ingest", "--db", db, ...corpus.specs]);
      assert.match(r2.stderr, new RegExp(`read ${N} articles: 0 new, 0 new versions, ${N} unchanged`), r2.stderr);
      const store = await openStore(db);
      try {
        await checkStored(store);
      } finally {
        await store.close();
      }
      const out = join(corpus.dir, `csv-${Math.random().toString(36).slice(2, 8)}`);
      const ex = await cli(["export", "--db", db, "--format", "csv", "--out", out]);
      assert.equal(ex.status, 0, ex.stderr);
      const lines = readFileSync(join(out, "events.csv"), "utf8").split("\r\n");
      assert.equal(lines[0], "id,kind,date,end_date,place,place_country,countries,areas,participants,background,source_count,source_urls");
      assert.equal(lines.length, N + 2, "a header, a row per event, and the final CRLF");
      assert.ok(lines.some((l) => /^ev-[^,]+,meeting,2024-06-04,,Accra,GHA,GHA;KEN,[^,]*,Kwame Asante-Boadu;Wanjiru Kamau,false,1,https:\/\/www\.graphic-news\.example\/world\/ghana-kenya-trade$/.test(l)), lines.join("\n"));
    });
  });
}

{
  const dbs: string[] = [];
  suite("SQLite", async () => {
    const dir = mkdtempSync(join(tmpdir(), "entente-ingest-db-"));
    dbs.push(dir);
    return join(dir, "kb.db");
  });
  after(() => dbs.forEach((d) => rmSync(d, { recursive: true, force: true })));
}

const pgBin = findPgBin();
if (!pgBin) {
  describe("PostgreSQL", () => {
    test("ingest on PostgreSQL", { skip: "PostgreSQL server binaries (initdb, postgres) not found: apt-get install -y postgresql, or set ENTENTE_PG_BIN" }, () => {});
  });
} else {
  let pg: PgTestServer | undefined;
  describe("PostgreSQL", () => {
    before(async () => {
      pg = await startPgTestServer({ bin: pgBin });
    });
    after(async () => {
      await pg?.stop();
    });
    suite("server from pg-test-server", () => pg!.createDatabase());
  });
}
