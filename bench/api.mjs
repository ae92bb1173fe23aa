#!/usr/bin/env node
// API latency under concurrent load: a SQLite store with >= 100,000 merged events (generated straight into the
// snapshot, so the run takes a minute, not hours of extraction), `entente serve` on it in a child process, and
// autocannon (in this process) driving the main API calls with concurrent connections. Prints p50/p95/p99 and
// requests/s per call.
//   npm run bench:api [-- --events 100000] [-- --connections 8] [-- --seconds 5] [-- --processes N] [-- --keep]
// (--processes: of `entente serve`; its default is one per core, at most 4)
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawn } from "node:child_process";
import autocannon from "autocannon";

const root = resolve(import.meta.dirname, "..");
const { openStore } = await import(join(root, "dist/store/store.js"));
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const EVENTS = opt("--events", 100_000);
const CONNECTIONS = opt("--connections", 8);
const SECONDS = opt("--seconds", 5);
const ARTICLES = Math.ceil(EVENTS / 10);
const PEOPLE = Math.ceil(EVENTS / 5);

let seed = 11;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (a) => a[Math.floor(rand() * a.length)];
// a few hubs and many smaller partners, as in real cooperation data
const STATES = ["VNM", "RUS", "CHN", "CUB", "FRA", "USA", "MAR", "SEN", "IND", "JPN", "BRA", "KEN", "DEU", "GBR", "LAO", "KHM", "THA", "IDN", "MYS", "PHL", "KOR", "AUS", "CAN", "EGY", "NGA", "ZAF", "ARG", "CHL", "MEX", "TUR", "IRN", "SAU", "ARE", "QAT", "PAK", "BGD", "LKA", "NPL", "MMR", "SGP", "ITA", "ESP", "POL", "UKR", "BLR", "KAZ", "UZB", "MNG", "PRK", "DZA"];
const hub = () => (rand() < 0.5 ? STATES[Math.floor(rand() * 6)] : pick(STATES));
const AREAS = ["terrorism", "cybercrime", "drugs", "human_trafficking", "transnational_crime", "financial_crime", "migration", "fugitives", "training", "information_exchange", "maritime_security", "military"];
const KINDS = ["meeting", "meeting", "meeting", "visit", "call", "conference", "signing"];
const GIVEN = ["Anna", "Boris", "Chen", "Dara", "Emil", "Fatou", "Gao", "Hana", "Ivan", "Jae", "Karim", "Lena", "Minh", "Nadia", "Omar", "Pavel"];
const FAMILY = ["Nguyen", "Petrov", "Wang", "Diallo", "Sato", "Silva", "Kovacs", "Haddad", "Tran", "Ivanova", "Mensah", "Okafor", "Moreau", "Kim", "Singh", "Lopez"];
const day = () => {
  const y = 2010 + Math.floor(rand() * 16), m = 1 + Math.floor(rand() * 12), d = 1 + Math.floor(rand() * 28);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
};

const dir = mkdtempSync(join(tmpdir(), "entente-bench-api-"));
const file = join(dir, "api.db");
const t0 = performance.now();
const store = await openStore(file);
const articleIds = [];
for (let i = 0; i < ARTICLES; i++) {
  const text = `Cooperation report ${i}\n\nThe ministers of the two states met and agreed to strengthen their cooperation against drug trafficking and cybercrime (report ${i}).`;
  const r = await store.upsertArticle({ url: `https://example.org/news/${i}`, outlet: "example.org", title: `Cooperation report ${i}`, published: day(), language: "en", text, extraction: null });
  articleIds.push(r.id);
}
const people = Array.from({ length: PEOPLE }, (_, i) => ({
  id: `p-${i}`,
  name: `${pick(GIVEN)} ${pick(FAMILY)} ${i}`,
  variants: [],
  country: pick(STATES),
  titles: [{ title: "Minister of Public Security", date: day(), article: pick(articleIds) }],
}));
const organizations = Array.from({ length: 500 }, (_, i) => ({ id: `org-${i}`, name: `Ministry of the Interior ${i}`, country: pick(STATES), sector: "GOV" }));
const source = (k) => ({ articleId: articleIds[k % articleIds.length], index: 0, evidence: [{ start: 0, end: 20, text: "Cooperation report " }] });
const events = Array.from({ length: EVENTS }, (_, i) => {
  let a = hub(), b = hub();
  while (b === a) b = pick(STATES);
  const date = day();
  const areas = [...new Set([pick(AREAS), pick(AREAS)])];
  const parts = [pick(people), pick(people)];
  return {
    id: `ev-${i}`, kind: pick(KINDS), date, end_date: null, place_name: "Capital", place_country: a, countries: [a, b], areas,
    participants: parts.map((p) => p.id), organizations: [pick(organizations).id], background: rand() < 0.1,
    sources: [source(i)], fields: { date: [{ value: date, articles: [articleIds[i % articleIds.length]] }] }, conflicts: [],
  };
});
const agreements = Array.from({ length: Math.ceil(EVENTS / 10) }, (_, i) => {
  let a = hub(), b = hub();
  while (b === a) b = pick(STATES);
  const date = day();
  return {
    id: `ag-${i}`, kind: pick(["memorandum", "agreement", "programme"]), title: `Cooperation programme ${i}`, status: pick(["signed", "referenced", "planned"]), date,
    period: { from: Number(date.slice(0, 4)), to: Number(date.slice(0, 4)) + 2 }, countries: [a, b], areas: [pick(AREAS)], parties: [pick(organizations).id], background: false,
    status_history: [{ status: "signed", date, article: articleIds[i % articleIds.length] }], sources: [source(i)], fields: {}, conflicts: [],
  };
});
await store.replaceMerged({ people, organizations, events, agreements });
const stats = await store.stats();
await store.close();
const size = ["", "-wal", "-shm"].reduce((n, x) => { try { return n + statSync(file + x).size; } catch { return n; } }, 0);
console.log(`database: ${stats.events} events, ${stats.agreements} agreements, ${stats.people} people, ${stats.articles} articles, ${(size / 1e6).toFixed(0)} MB, built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

// the server in its own process, as a user runs it
const port = 20000 + Math.floor(Math.random() * 20000);
const processes = args.includes("--processes") ? ["--processes", String(opt("--processes", 1))] : [];
const server = spawn(process.execPath, [join(root, "dist/cli/main.js"), "serve", "--db", file, "--port", String(port), ...processes], { stdio: ["ignore", "pipe", "inherit"] });
let announced = "";
await new Promise((ok, fail) => {
  server.stdout.on("data", (d) => String(d).includes("serving on") && ok((announced = String(d).trim())));
  server.on("exit", (c) => fail(new Error(`the server exited (${c})`)));
});
const base = `http://127.0.0.1:${port}`;
console.log(announced);
// every serving process warms its aggregates after it starts listening: measure after that, as a user would
await autocannon({ url: `${base}/api/network`, connections: CONNECTIONS, duration: 3 });
// fixed URLs (an analyst's common views: mostly answered from the response cache) and varied ones, drawn from
// spaces far larger than the response cache (1,000 answers) so that nearly every varied request is answered by
// the database: a random country, pair, offset, month or id on each request
const month = (y0, n) => `${y0 + Math.floor(rand() * n)}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}`;
const calls = [
  ["events of a country", "/api/events?country=VNM&limit=50", () => `/api/events?country=${pick(STATES)}&limit=50&offset=${Math.floor(rand() * 2000)}`],
  ["events of a pair, area, period", "/api/events?country=VNM&with=RUS&area=drugs&from=2017-01-01&limit=50", () => `/api/events?country=${pick(STATES)}&with=${pick(STATES)}&area=${pick(AREAS)}&from=${month(2010, 12)}&limit=50`],
  ["events, newest first, a page", "/api/events?order=desc&limit=50&offset=1000", () => `/api/events?order=desc&limit=50&offset=${Math.floor(rand() * 20000)}`],
  ["one event", "/api/events/ev-4242", () => `/api/events/ev-${Math.floor(rand() * EVENTS)}`],
  ["agreements of a country by status", "/api/agreements?country=CUB&status=signed", () => `/api/agreements?country=${pick(STATES)}&status=${pick(["signed", "referenced", "planned"])}&from=${month(2010, 12)}`],
  ["network", "/api/network", null],
  ["network, one area and period", "/api/network?area=cybercrime&from=2018&to=2020", () => `/api/network?area=${pick(AREAS)}&from=${month(2010, 10)}&to=${month(2020, 5)}`],
  ["countries", "/api/countries", null],
  ["pair dossier", "/api/pairs/VNM/RUS", () => `/api/pairs/${pick(STATES.slice(0, 6))}/${pick(STATES.slice(6))}?from=${month(2010, 14)}`],
  ["person", "/api/people/p-77", () => `/api/people/p-${Math.floor(rand() * PEOPLE)}`],
  ["people by name", "/api/people?q=nguyen", () => `/api/people?q=${pick(FAMILY).toLowerCase()}&offset=${Math.floor(rand() * 500)}`],
  ["search", "/api/search?q=drug%20trafficking", () => `/api/search?q=report%20${Math.floor(rand() * ARTICLES)}`],
];
console.log(`${CONNECTIONS} concurrent connections, ${SECONDS} s per call; latencies in ms`);
let worst = 0;
const row = (name, r) => {
  const bad = r.non2xx + r.errors;
  worst = Math.max(worst, r.latency.p97_5);
  console.log(`  ${name.padEnd(44)} p50 ${String(r.latency.p50).padStart(4)}  p90 ${String(r.latency.p90).padStart(4)}  p97.5 ${String(r.latency.p97_5).padStart(4)}  p99 ${String(r.latency.p99).padStart(4)}  ${String(Math.round(r.requests.average)).padStart(6)} req/s${bad ? `  ${bad} errors/non-2xx` : ""}`);
};
for (const [name, path, vary] of calls) {
  row(`${name}`, await autocannon({ url: base + path, connections: CONNECTIONS, duration: SECONDS }));
  if (vary) row(`${name}, varied`, await autocannon({ url: base, connections: CONNECTIONS, duration: SECONDS, requests: [{ setupRequest: (req) => ({ ...req, path: vary() }) }] }));
}
console.log(`worst p97.5: ${worst} ms (target: p95 < 50 ms; autocannon reports p90 and p97.5, p95 lies between)`);
server.kill("SIGINT");
await new Promise((ok) => server.on("exit", ok));
if (args.includes("--keep")) console.log(`database kept: ${file}`);
else rmSync(dir, { recursive: true, force: true });
