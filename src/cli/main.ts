#!/usr/bin/env node
// The `entente` command line.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { extract } from "../index.js";
import { expandInputs, readArticle, InputError } from "./inputs.js";
import { KNOWLEDGE_COMMANDS, runKnowledge } from "./knowledge.js";

const HELP = `entente: sourced records of international cooperation from news articles

Usage:
  entente extract [options] FILE|DIR...   extract each article (.txt, .html) to the output contract
  entente ingest [--db DB] [--workers N] SOURCE...    read files, folders, URLs, RSS/Atom feeds, WARC(.gz), JSON Lines into the store
  entente events [--db DB] [--country ISO3] [--with ISO3] [--area CODE] [--kind K] [--from DATE] [--to DATE] [--person NAME] [--json]
  entente agreements [--db DB] [--country ISO3] [--with ISO3] [--status S] [--kind K] [--from DATE] [--to DATE] [--json]
  entente person [--db DB] NAME           variants, offices over time, events, sources
  entente search [--db DB] TEXT           full text over articles and names
  entente export [--db DB] --format eval|jsonl|plover|gexf|csv --out DIR   (csv: events, agreements, people, event_sources tables)
  entente serve [--db DB] [--port N] [--host H] [--processes N] [--session-hours N] [--behind-proxy]
                                                  the web app and its API (default http://127.0.0.1:8080/,
                                                  one process per core, at most 4)
  entente user add NAME [--role editor|reader] [--password-stdin]   an account (password on stdin or in ENTENTE_PASSWORD)
  entente token create NAME [--expires-days N]
                                                  print a new API token of that user (never expires without the flag)

The store is ./entente.db (SQLite) unless --db or ENTENTE_DB names another file or a postgres://... URL.

Options for extract:
  --out DIR            write <name>.json per input into DIR (default: JSON on stdout, one line per article)
  --published DATE     publication date (YYYY-MM-DD, YYYY-MM or YYYY), overrides the sidecar
  --lang fr|en         language of the articles (detected when not given)
  --url URL            source URL
  --title TEXT         article title
  -h, --help           this help

A sidecar <name>.meta.json beside an input may give published, url, title and language.
Exit status: 0 when every input was extracted, 1 when some failed, 2 on a usage error.
`;

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (!command || command === "-h" || command === "--help" || command === "help") {
    process.stdout.write(HELP);
    return 0;
  }
  if (command !== "extract") {
    const run =
      // loaded on demand: the other commands need no HTTP server
      command === "serve" ? () => import("./serve.js").then((m) => m.runServe(rest))
      : command === "user" || command === "token" ? () => import("./accounts.js").then((m) => m.runAccounts(command, rest))
      : KNOWLEDGE_COMMANDS.has(command) ? () => runKnowledge(command, rest)
      : null;
    if (run) {
      run().then(
        (code) => (process.exitCode = code),
        (e) => {
          process.stderr.write(`entente ${command}: ${(e as Error).message}\n`);
          process.exitCode = 1;
        },
      );
      return 0;
    }
    process.stderr.write(`entente: unknown command "${command}" (try entente --help)\n`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        out: { type: "string" },
        published: { type: "string" },
        lang: { type: "string" },
        url: { type: "string" },
        title: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    process.stderr.write(`entente: ${(e as Error).message}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!positionals.length) {
    process.stderr.write("entente extract: no input files (try entente --help)\n");
    return 2;
  }
  if (values.published && !DATE.test(values.published)) {
    process.stderr.write(`entente extract: --published must be YYYY, YYYY-MM or YYYY-MM-DD, not "${values.published}"\n`);
    return 2;
  }
  if (values.lang && values.lang !== "fr" && values.lang !== "en") {
    process.stderr.write(`entente extract: --lang must be fr or en, not "${values.lang}"\n`);
    return 2;
  }
  if (values.out) mkdirSync(values.out, { recursive: true });
  let failed = 0;
  let written = 0;
  for (const file of expandInputs(positionals)) {
    try {
      const input = readArticle(file, { published: values.published, language: values.lang, url: values.url, title: values.title });
      const result = extract(input);
      if (values.out) writeFileSync(join(values.out, `${input.meta.id}.json`), `${JSON.stringify(result, null, 1)}\n`);
      else process.stdout.write(`${JSON.stringify(result)}\n`);
      written++;
    } catch (e) {
      failed++;
      const reason = e instanceof InputError ? e.message : `extraction failed: ${(e as Error).message}`;
      process.stderr.write(`entente: ${file}: ${reason}\n`);
    }
  }
  if (values.out) process.stderr.write(`extracted ${written} of ${written + failed} articles into ${values.out}\n`);
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
