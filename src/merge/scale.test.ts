import { test } from "node:test";
import assert from "node:assert/strict";
import { mergeArticles } from "./index.js";
import type { ArticleInput } from "./types.js";

// 20,000 articles: 10,000 meetings, each reported by two outlets (the second with a year-less date and names
// without diacritics). Hosts come from a small pool (so blocks are crowded), guests are distinct.
function corpus(meetings: number): ArticleInput[] {
  let seed = 7;
  const rnd = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const STATES = ["FRA", "DEU", "CHL", "FIN", "CUB", "LAO", "KHM", "THA", "GHA", "SEN", "MAR", "TUN", "EGY", "TUR"];
  const SYL = ["ka", "lo", "mi", "ren", "dus", "var", "tel", "son", "bor", "qui", "nat", "fel", "gor", "hal", "jin", "pra"];
  const spell = (n: number, k: number): string => Array.from({ length: k }, (_, i) => SYL[Math.floor(n / SYL.length ** i) % SYL.length]).join("");
  const hosts = Array.from({ length: 150 }, (_, i) => ({ name: `Él${spell(i, 2)} ${spell(i * 7 + 3, 3)}é`, country: STATES[i % STATES.length]! }));
  const out: ArticleInput[] = [];
  for (let i = 0; i < meetings; i++) {
    const host = pick(hosts);
    let guestState = pick(STATES);
    while (guestState === host.country) guestState = pick(STATES);
    const guest = { name: `Ána ${spell(i, 4)}`, country: guestState };
    const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(rnd() * 1500) * 86400000).toISOString().slice(0, 10);
    const plain = (s: string): string => s.normalize("NFD").replace(/\p{M}/gu, "");
    for (const [k, date, ppl] of [[0, day, [host, guest]], [1, `--${day.slice(5)}`, [host, guest].map((p) => ({ ...p, name: plain(p.name) }))]] as const) {
      const id = `m${i}-${k}`;
      out.push({
        id,
        published: day,
        extraction: {
          document: { id, language: "en", title: null, published: day, dateline: null, body: [] },
          people: ppl.map((p) => ({ name: p.name, aliases: [], country: p.country, titles: [] })),
          organizations: [], areas: [],
          events: [{ kind: "meeting", date, place: null, participants: ppl, organizations: [], countries: [host.country, guestState], background: false }],
          agreements: [{ kind: "memorandum", title: `memorandum on ${spell(i, 5)} cooperation`, status: "signed", date: null, period: null, countries: [host.country, guestState], parties: [], background: false }],
        },
      });
    }
  }
  return out;
}

// how long it takes is for a benchmark to say; this checks that a large corpus merges right (an all-pairs
// merger would not finish within the test runner's patience)
test("20,000 articles merge correctly (candidates come from blocks, not all pairs)", () => {
  const articles = corpus(10000);
  const m = mergeArticles(articles);
  assert.equal(m.events.length, 10000);
  assert.equal(m.agreements.length, 10000);
  assert.equal(m.people.length, 150 + 10000);
  assert.equal(m.eventIdOf("m123-0", 0), m.eventIdOf("m123-1", 0));
  assert.notEqual(m.eventIdOf("m123-0", 0), m.eventIdOf("m124-0", 0));
});
