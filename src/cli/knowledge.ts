// The store's commands: ingest, events, agreements, person, search. Output is a readable listing on a
// terminal, or JSON Lines with --json for other tools.
import { parseArgs } from "node:util";
import { openStore } from "../store/store.js";
import { ingest } from "../knowledge/ingest.js";
import { EXPORT_FORMATS, exportStore, type ExportFormat } from "../knowledge/export.js";

export const KNOWLEDGE_COMMANDS = new Set(["ingest", "events", "agreements", "person", "search", "export"]);

const ISO3 = /^[A-Z]{3}$/;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export async function runKnowledge(command: string, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: "string" }, json: { type: "boolean" }, country: { type: "string" }, with: { type: "string" }, area: { type: "string" },
      kind: { type: "string" }, status: { type: "string" }, from: { type: "string" }, to: { type: "string" }, person: { type: "string" },
      limit: { type: "string" }, offset: { type: "string" }, format: { type: "string" }, out: { type: "string" },
      workers: { type: "string" },
    },
  });
  for (const k of ["country", "with"] as const) if (values[k] && !ISO3.test(values[k]!)) return usage(command, `--${k} takes an ISO 3166 alpha-3 code such as VNM, not "${values[k]}"`);
  for (const k of ["from", "to"] as const) if (values[k] && !DATE.test(values[k]!)) return usage(command, `--${k} takes YYYY, YYYY-MM or YYYY-MM-DD, not "${values[k]}"`);
  const limit = values.limit ? Number(values.limit) : undefined;
  const offset = values.offset ? Number(values.offset) : undefined;
  if ((limit !== undefined && !(limit > 0)) || (offset !== undefined && !(offset >= 0))) return usage(command, "--limit and --offset take numbers");
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 64)) return usage(command, `--workers takes a number of threads (1-64), not "${values.workers}"`);
  if ((command === "ingest" || command === "person" || command === "search") && !positionals.length) return usage(command, "what to read or look for is missing");

  if (command === "export" && (!values.format || !(EXPORT_FORMATS as readonly string[]).includes(values.format) || !values.out)) {
    return usage(command, `--format ${EXPORT_FORMATS.join("|")} and --out DIR are needed`);
  }
  const store = await openStore(values.db);
  try {
    const out = (x: unknown) => process.stdout.write(`${JSON.stringify(x)}\n`);
    if (command === "ingest") {
      const s = await ingest(store, positionals, { workers });
      process.stderr.write(
        `read ${s.read} articles: ${s.new} new, ${s.newVersions} new versions, ${s.unchanged} unchanged; ${s.skipped.length} skipped, ${s.failed.length} failed\n` +
          `store now holds ${s.events} events, ${s.agreements} agreements, ${s.people} people (${s.duplicates} near-duplicate article pairs)\n`,
      );
      for (const f of s.failed) process.stderr.write(`  failed ${f.uri}: ${f.reason}\n`);
      for (const k of s.skipped.slice(0, 20)) process.stderr.write(`  skipped ${k.uri}: ${k.reason}\n`);
      return s.failed.length ? 1 : 0;
    }
    if (command === "events") {
      const page = await store.events({ country: values.country, with: values.with, area: values.area, kind: values.kind, from: values.from, to: values.to, person: values.person, limit, offset });
      if (values.json) page.items.forEach(out);
      else {
        for (const e of page.items) {
          const who = e.participants.map((p) => p.name).join(", ");
          process.stdout.write(`${(e.date ?? "?").padEnd(10)}  ${e.kind.padEnd(10)} ${e.countries.join("-").padEnd(11)} ${e.place_name ?? ""}${who ? `  ${who}` : ""}  [${e.sources.length} source${e.sources.length > 1 ? "s" : ""}]${e.background ? " (background)" : ""}\n`);
        }
        process.stdout.write(`${page.items.length} of ${page.total} events\n`);
      }
      return 0;
    }
    if (command === "agreements") {
      const page = await store.agreements({ country: values.country, with: values.with, status: values.status, kind: values.kind, area: values.area, from: values.from, to: values.to, limit, offset });
      if (values.json) page.items.forEach(out);
      else {
        for (const a of page.items) {
          const period = a.period ? ` ${a.period.from ?? ""}-${a.period.to ?? ""}` : "";
          process.stdout.write(`${(a.date ?? "?").padEnd(10)}  ${a.kind.padEnd(11)} ${a.status.padEnd(10)} ${a.countries.join("-").padEnd(11)} ${a.title ?? ""}${period}  [${a.sources.length} source${a.sources.length > 1 ? "s" : ""}]\n`);
        }
        process.stdout.write(`${page.items.length} of ${page.total} agreements\n`);
      }
      return 0;
    }
    if (command === "person") {
      const rows = await store.person(positionals.join(" "));
      if (values.json) rows.forEach(out);
      else {
        if (!rows.length) process.stdout.write("no such person\n");
        for (const p of rows) {
          process.stdout.write(`${p.name} (${p.country ?? "?"})  also written: ${p.variants.filter((v) => v !== p.name).join("; ") || "-"}\n`);
          for (const o of p.offices) process.stdout.write(`  office ${o.date ?? "?"}  ${o.title}\n`);
          for (const e of p.events) process.stdout.write(`  event  ${(e.date ?? "?").padEnd(10)} ${e.kind} ${e.countries.join("-")} ${e.place_name ?? ""}\n`);
          process.stdout.write(`  ${p.sources.length} sources, ${p.event_count} events\n`);
        }
      }
      return 0;
    }
    if (command === "export") {
      const n = await exportStore(store, values.format as ExportFormat, values.out!);
      process.stderr.write(`wrote ${n} records (${values.format}) to ${values.out}\n`);
      return 0;
    }
    const hits = await store.search(positionals.join(" "), limit);
    if (values.json) hits.forEach(out);
    else for (const h of hits) process.stdout.write(`${JSON.stringify(h)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

function usage(command: string, reason: string): number {
  process.stderr.write(`entente ${command}: ${reason} (try entente --help)\n`);
  return 2;
}
