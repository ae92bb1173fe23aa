// Exports of the store: "eval" (one <article id>.json per article in the output contract, each event and
// agreement carrying the id of its merged record), "jsonl" (merged events and agreements with their
// sources), "plover" (PLOVER 2.0 style event records), "gexf" (who cooperates with whom, for Gephi) and "csv" (tables
// for spreadsheets: events, agreements, people, and the sources of each event).
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { mergeArticles, type MergeResult } from "../merge/index.js";
import type { Store, StoredArticle } from "../store/store.js";
import { toSnapshot } from "./snapshot.js";

export const EXPORT_FORMATS = ["eval", "jsonl", "plover", "gexf", "csv"] as const;
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
  if (format === "csv") return writeCsvTables(merged, articles, out);
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

// ------------------------------------------------------------------------------------------------ CSV

/** Cells a spreadsheet would run as a formula (or a DDE call) when they start so; see OWASP "CSV Injection". */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: text that could start a formula is defused with a leading apostrophe, then quoted when needed. */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? "" : String(v);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Several values in one cell (spreadsheets have no lists): joined with ";", empty ones and repeats dropped. */
const list = (xs: readonly (string | null | undefined)[]): string => [...new Set(xs.filter((x): x is string => !!x && x.trim() !== ""))].join(";");

/** A whole table: header and rows, CRLF after every record (RFC 4180). */
export function csvTable(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => `${r.map(csvCell).join(",")}\r\n`).join("");
}

function writeCsvTables(merged: MergeResult, articles: StoredArticle[], out: string): number {
  // the snapshot is what the store holds: areas and parties resolved the same way
  const snap = toSnapshot(merged, articles);
  const byId = new Map(articles.map((a) => [String(a.id), a]));
  const people = new Map(merged.people.map((p) => [p.id, p]));
  const where = (article: string) => byId.get(article)?.url ?? byId.get(article)?.uri ?? null;
  const evidence = (article: string, index: number) =>
    ((byId.get(article)?.extraction?.events?.[index] as { evidence?: { text?: string }[] } | undefined)?.evidence ?? []).map((s) => s.text ?? "");

  const events = merged.events.map((e, i) => [
    e.id, e.kind, e.date, e.end_date, e.place?.name, e.place?.country, list(e.countries), list(snap.events[i]!.areas),
    list(e.participants.map((p) => people.get(p)?.name)), e.background, e.sources.length, list(e.sources.map((s) => where(s.article))),
  ]);
  const agreements = merged.agreements.map((g, i) => [
    g.id, g.kind, g.title, g.status, g.date, g.period?.from, g.period?.to, list(g.countries), list(g.parties.map((p) => p.name)),
    list(snap.agreements[i]!.areas), g.sources.length,
  ]);
  const persons = merged.people.map((p) => [
    p.id, p.name, p.country, list(p.variants), list(p.titles.map((t) => (t.date ? `${t.title} (${t.date})` : t.title))),
  ]);
  const sources = merged.events.flatMap((e) =>
    e.sources.map((s) => {
      const a = byId.get(s.article);
      return [e.id, s.article, a?.url ?? a?.uri, a?.outlet, a?.published, list(evidence(s.article, s.index))];
    }),
  );
  const tables: [string, string[], unknown[][]][] = [
    ["events.csv", ["id", "kind", "date", "end_date", "place", "place_country", "countries", "areas", "participants", "background", "source_count", "source_urls"], events],
    ["agreements.csv", ["id", "kind", "title", "status", "date", "period_from", "period_to", "countries", "parties", "areas", "source_count"], agreements],
    ["people.csv", ["id", "name", "country", "variants", "offices"], persons],
    ["event_sources.csv", ["event_id", "article_id", "url", "outlet", "published", "evidence"], sources],
  ];
  for (const [name, header, rows] of tables) writeFileSync(join(out, name), csvTable(header, rows));
  return events.length + agreements.length + persons.length;
}
