// Exports of the store: "eval" (one <article id>.json per article in the output contract, each event and
// agreement carrying the id of its merged record), "jsonl" (merged events and agreements with their
// sources), "plover" (PLOVER 2.0 style event records) and "gexf" (who cooperates with whom, for Gephi).
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { mergeArticles, type MergeResult } from "../merge/index.js";
import type { Store, StoredArticle } from "../store/store.js";

export const EXPORT_FORMATS = ["eval", "jsonl", "plover", "gexf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const PLOVER: Record<string, { category: string; mode: string | null }> = {
  meeting: { category: "CONSULT", mode: "meet" },
  visit: { category: "CONSULT", mode: "visit" },
  call: { category: "CONSULT", mode: "phone" },
  conference: { category: "CONSULT", mode: "multilateral" },
  signing: { category: "SUPPORT", mode: "sign formal agreement" },
  other: { category: "COOPERATE", mode: null },
};

/** The article's own id: the input file's name without extension, else its store id. */
export function articleName(a: StoredArticle): string {
  const uri = a.uri ?? "";
  if (uri && !/^[a-z]+:\/\//.test(uri) && !uri.includes("#")) return basename(uri, extname(uri));
  return String(a.id);
}

export async function exportStore(store: Store, format: ExportFormat, out: string): Promise<number> {
  const articles = (await store.listArticles()).filter((a) => a.extraction);
  const merged: MergeResult = mergeArticles(articles.map((a) => ({ id: String(a.id), outlet: a.outlet, url: a.url, published: a.published, text: a.text, extraction: a.extraction! })));
  mkdirSync(out, { recursive: true });
  if (format === "eval") {
    for (const a of articles) {
      const ex = structuredClone(a.extraction!) as { events: Record<string, unknown>[]; agreements: Record<string, unknown>[] };
      ex.events.forEach((e, i) => (e.event_id = merged.eventIdOf(String(a.id), i)));
      ex.agreements.forEach((g, i) => (g.agreement_id = merged.agreementIdOf(String(a.id), i)));
      writeFileSync(join(out, `${articleName(a)}.json`), `${JSON.stringify(ex, null, 1)}\n`);
    }
    return articles.length;
  }
  const source = (s: { article: string; index: number }) => {
    const a = articles.find((x) => String(x.id) === s.article);
    return { article: a ? articleName(a) : s.article, url: a?.url ?? null, outlet: a?.outlet ?? null, published: a?.published ?? null, index: s.index };
  };
  const people = new Map(merged.people.map((p) => [p.id, p]));
  if (format === "jsonl") {
    const lines = [
      ...merged.events.map((e) => ({ type: "event", ...e, participants: e.participants.map((p) => ({ id: p, name: people.get(p)?.name ?? null, country: people.get(p)?.country ?? null })), sources: e.sources.map(source) })),
      ...merged.agreements.map((g) => ({ type: "agreement", ...g, sources: g.sources.map(source) })),
    ];
    writeFileSync(join(out, "entente.jsonl"), lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
    return lines.length;
  }
  if (format === "plover") {
    const lines = merged.events.map((e) => {
      const actors = e.participants.map((p) => people.get(p)).filter(Boolean);
      const [actor, ...recipients] = e.countries;
      return {
        id: e.id,
        date: e.date,
        event_type: PLOVER[e.kind]?.category ?? "COOPERATE",
        mode: PLOVER[e.kind]?.mode ?? null,
        actor: { country: actor ?? null, names: actors.filter((p) => p!.country === actor).map((p) => p!.name) },
        recipient: recipients.map((c) => ({ country: c, names: actors.filter((p) => p!.country === c).map((p) => p!.name) })),
        location: e.place,
        background: e.background,
        sources: e.sources.map(source),
      };
    });
    writeFileSync(join(out, "plover.jsonl"), lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
    return lines.length;
  }
  // GEXF: states as nodes, an edge per pair weighted by the events they share
  const weight = new Map<string, number>();
  const nodes = new Set<string>();
  for (const e of merged.events) {
    if (e.background) continue;
    const cs = [...new Set(e.countries)].sort();
    for (const c of cs) nodes.add(c);
    for (let i = 0; i < cs.length; i++) for (let j = i + 1; j < cs.length; j++) weight.set(`${cs[i]}|${cs[j]}`, (weight.get(`${cs[i]}|${cs[j]}`) ?? 0) + 1);
  }
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const xml = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected"><nodes>`,
    ...[...nodes].sort().map((n) => `<node id="${esc(n)}" label="${esc(n)}"/>`),
    `</nodes><edges>`,
    ...[...weight].map(([k, w], i) => {
      const [a, b] = k.split("|");
      return `<edge id="${i}" source="${esc(a!)}" target="${esc(b!)}" weight="${w}"/>`;
    }),
    `</edges></graph></gexf>`,
  ].join("\n");
  writeFileSync(join(out, "cooperation.gexf"), `${xml}\n`);
  return weight.size;
}
