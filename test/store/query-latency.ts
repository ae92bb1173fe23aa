// Query latency at scale (not part of the test suite: it takes minutes). Fills a store with invented data,
// 20,000 articles and 100,000 events by default, then times every kind of query.
//   node --import tsx test/store/query-latency.ts [spec|--pg] [--articles N] [--events N]
// spec as for openStore (default: a temporary SQLite file); --pg starts a throwaway PostgreSQL server.
// Exits 1 when the median of a query is over the budget (--budget ms, default 50).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPgTestServer, type PgTestServer } from "../../src/store/pg-test-server.js";
import { openStore } from "../../src/store/store.js";
import type { MergedSnapshot, SnapshotEvent, SnapshotAgreement, SnapshotPerson } from "../../src/store/types.js";

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const N_ARTICLES = opt("--articles", 20_000);
const N_EVENTS = opt("--events", 100_000);
const N_AGREEMENTS = Math.round(N_EVENTS / 5);
const N_PEOPLE = 5_000;
const N_ORGS = 2_000;
const BUDGET = opt("--budget", 50);

let seed = 12345;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const int = (n: number) => Math.floor(rnd() * n);
/** Zipf-like: small indexes much more often */
const zipf = (n: number) => Math.min(n - 1, Math.floor(Math.pow(rnd(), 2.2) * n));
const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;

const COUNTRIES = Array.from({ length: 80 }, (_, i) => String.fromCharCode(65 + (i % 26), 65 + ((i * 7) % 26), 65 + Math.floor(i / 26)));
const AREAS = ["trade", "energy", "defence", "education", "health", "climate", "culture", "science", "transport", "finance", "agriculture", "tourism", "labour", "security", "digital"];
const KINDS = ["meeting", "visit", "call", "conference", "signing", "other"];
const SYL = ["đặng", "văn", "khải", "tô", "lâm", "nguyễn", "thị", "hà", "lê", "phạm", "hélène", "josé", "müller", "søren", "łukasz", "kenji", "ōmura", "anna", "marco", "ines", "björn", "chloé", "dũng", "minh", "trọng", "zoë"];
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const VOCAB = Array.from({ length: 3000 }, (_, i) => (i < SYL.length ? SYL[i]! : Array.from({ length: 2 + (i % 3) }, () => pick(["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "vé", "dô", "ằn", "ul"])).join("") + (i % 10)));

function date(): string | null {
  const r = rnd();
  if (r < 0.03) return null;
  const t = Date.UTC(2015, 0, 1) + int(11 * 365) * 86_400_000;
  const d = new Date(t).toISOString().slice(0, 10);
  return r < 0.08 ? d.slice(0, 4) : r < 0.18 ? d.slice(0, 7) : d;
}

async function main() {
  let server: PgTestServer | undefined;
  let dir: string | undefined;
  let spec = args.find((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1]!.startsWith("--")));
  if (args.includes("--pg")) {
    server = await startPgTestServer();
    spec = await server.createDatabase("latency");
  } else if (!spec) {
    dir = mkdtempSync(join(tmpdir(), "entente-latency-"));
    spec = join(dir, "latency.db");
  }
  const store = await openStore(spec);
  try {
    console.log(`backend ${store.dialect}: ${N_ARTICLES} articles, ${N_EVENTS} events, ${N_AGREEMENTS} agreements, ${N_PEOPLE} people`);
    let t = Date.now();
    const ids: number[] = [];
    const people: SnapshotPerson[] = Array.from({ length: N_PEOPLE }, (_, i) => {
      const name = `${cap(pick(SYL))} ${cap(pick(SYL))} ${cap(pick(SYL))} ${i}`;
      return { id: `p${i}`, name, variants: [name.normalize("NFD").replace(/\p{M}/gu, "")], country: pick(COUNTRIES), titles: [{ title: "Minister", date: date(), article: null }] };
    });
    for (let i = 0; i < N_ARTICLES; i++) {
      const words: string[] = [];
      for (let w = 0; w < 300; w++) words.push(rnd() < 0.02 ? people[zipf(N_PEOPLE)]!.name : VOCAB[zipf(VOCAB.length)]!);
      const r = await store.upsertArticle({ url: `https://bench.example/${i}`, outlet: `Outlet ${i % 40}`, title: words.slice(0, 8).join(" "), published: date(), language: "en", text: words.join(" ") + "." });
      ids.push(r.id);
    }
    console.log(`upsert ${N_ARTICLES} articles: ${Date.now() - t} ms`);
    const art = () => ids[int(ids.length)]!;
    const events: SnapshotEvent[] = Array.from({ length: N_EVENTS }, (_, i) => {
      const cs = [...new Set(Array.from({ length: 2 + zipf(4) }, () => COUNTRIES[zipf(COUNTRIES.length)]!))];
      const d = date();
      return {
        id: `e${i}`, kind: pick(KINDS), date: d, end_date: null, place_name: null, place_country: cs[0] ?? null, countries: cs,
        areas: [...new Set([AREAS[zipf(AREAS.length)]!, AREAS[zipf(AREAS.length)]!])],
        participants: [...new Set(Array.from({ length: 1 + int(3) }, () => `p${zipf(N_PEOPLE)}`))],
        background: rnd() < 0.1, sources: [{ articleId: art(), index: 0, evidence: [{ start: 0, end: 4, text: "text" }] }],
        fields: { date: [{ value: d, articles: [art()] }] }, conflicts: [],
      };
    });
    const agreements: SnapshotAgreement[] = Array.from({ length: N_AGREEMENTS }, (_, i) => ({
      id: `g${i}`, kind: pick(["programme", "memorandum", "agreement", "declaration", "other"]), title: `Agreement ${pick(VOCAB)} ${i}`,
      status: pick(["signed", "referenced", "planned"]), date: date(), period: null,
      countries: [...new Set([COUNTRIES[zipf(COUNTRIES.length)]!, COUNTRIES[zipf(COUNTRIES.length)]!])], areas: [AREAS[zipf(AREAS.length)]!],
      parties: [`o${zipf(N_ORGS)}`], background: false, status_history: [{ status: "signed", date: null, article: art() }],
      sources: [{ articleId: art(), index: 0, evidence: [] }], fields: {}, conflicts: [],
    }));
    const snap: MergedSnapshot = {
      people,
      organizations: Array.from({ length: N_ORGS }, (_, i) => ({ id: `o${i}`, name: `Organization ${pick(VOCAB)} ${i}`, country: pick(COUNTRIES), sector: "GOV" })),
      events,
      agreements,
    };
    t = Date.now();
    await store.replaceMerged(snap);
    console.log(`replaceMerged: ${Date.now() - t} ms`);
    t = Date.now();
    await store.replaceMerged(snap);
    console.log(`replaceMerged again (replacing): ${Date.now() - t} ms`);
    console.log(JSON.stringify(await store.stats()));

    const [c0, c1, c2] = [COUNTRIES[0]!, COUNTRIES[1]!, COUNTRIES[2]!];
    const rare = COUNTRIES[70]!;
    const top = people[0]!;
    const queries: [string, () => Promise<unknown>][] = [
      ["events {}", () => store.events({})],
      ["events country(top)", () => store.events({ country: c0 })],
      ["events country(top) desc", () => store.events({ country: c0, order: "desc" })],
      ["events country(top) offset 5000", () => store.events({ country: c0, offset: 5000 })],
      ["events pair(top,top)", () => store.events({ country: c0, with: c1 })],
      ["events pair(rare,top)", () => store.events({ country: rare, with: c0 })],
      ["events pair+area+from", () => store.events({ country: c0, with: c2, area: "trade", from: "2020-01" })],
      ["events country+from+to", () => store.events({ country: c1, from: "2019-03", to: "2019-09" })],
      ["events area(rare)", () => store.events({ area: "digital" })],
      ["events kind+from+to", () => store.events({ kind: "visit", from: "2021", to: "2021" })],
      ["events from+to", () => store.events({ from: "2022-05-01", to: "2022-05-31" })],
      ["events person(top)", () => store.events({ person: top.name })],
      ["events person(top) folded", () => store.events({ person: top.variants[0]! })],
      ["events person+country", () => store.events({ person: top.name, country: c0 })],
      ["events background", () => store.events({ background: true, country: c0 })],
      ["agreements pair+status", () => store.agreements({ country: c0, with: c1, status: "signed" })],
      ["agreements status+from", () => store.agreements({ status: "planned", from: "2023" })],
      ["agreements country+area", () => store.agreements({ country: c1, area: "energy" })],
      ["person(top, 200 events)", () => store.person(top.name)],
      ["person(top, 50 events)", () => store.person(top.name, { eventLimit: 50 })],
      ["person(rare)", () => store.person(people[N_PEOPLE - 1]!.variants[0]!)],
      ["search common word", () => store.search(VOCAB[0]!)],
      ["search two words", () => store.search(`${VOCAB[3]} ${VOCAB[40]}`)],
      ["search rare word", () => store.search(VOCAB[2900]!)],
      ["search person name", () => store.search(top.variants[0]!)],
      ["stats", () => store.stats()],
    ];
    let bad = 0;
    console.log("query".padEnd(36), "median ms", "max ms");
    for (const [name, q] of queries) {
      await q();
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        await q();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const med = times[3]!;
      if (med > BUDGET) bad++;
      console.log(name.padEnd(36), med.toFixed(1).padStart(9), times[6]!.toFixed(1).padStart(6), med > BUDGET ? "  OVER BUDGET" : "");
    }
    process.exitCode = bad ? 1 : 0;
  } finally {
    await store.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
