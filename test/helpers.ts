// Shared by the end-to-end tests: run the whole pipeline on a literal or a fixture file.
import { readFileSync } from "node:fs";
import { extract, type ExtractionJson } from "../src/index.js";

export const fixture = (name: string) => readFileSync(new URL(`./fixtures/articles/${name}`, import.meta.url), "utf8");
export const example = (name: string) => readFileSync(new URL(`../examples/${name}`, import.meta.url), "utf8");

export interface Person { name: string; country: string | null }
export interface Event { kind: string; date: string | null; end_date?: string; place: { name: string; country: string | null } | null; participants: Person[]; countries: string[]; background: boolean; evidence: { start: number; end: number; text: string }[] }
export interface Agreement { kind: string; status: string; title: string | null; date: string | null; period: { from: number | null; to: number | null } | null; countries: string[] }

export function run(raw: string, published: string | null = null, id = "t"): ExtractionJson & { people: (Person & { mentions: { start: number; end: number; text: string }[] })[]; events: Event[]; agreements: Agreement[]; organizations: { name: string; country: string | null; sector: string }[]; areas: { code: string }[] } {
  return extract({ raw, format: "text", meta: { id, published } }) as never;
}

/** Every evidence span of an output points into the raw input. */
export function allSpans(out: ExtractionJson): { start: number; end: number; text: string }[] {
  const spans: { start: number; end: number; text: string }[] = [...out.document.body];
  for (const x of [...out.people, ...out.organizations] as { mentions?: typeof spans }[]) spans.push(...(x.mentions ?? []));
  for (const x of [...out.events, ...out.agreements, ...out.areas] as { evidence?: typeof spans }[]) spans.push(...(x.evidence ?? []));
  return spans;
}

export const pairs = (out: { events: Event[]; agreements: Agreement[] }) => {
  const set = new Set<string>();
  for (const x of [...out.events, ...out.agreements]) {
    const c = [...new Set(x.countries)].sort();
    for (let i = 0; i < c.length; i++) for (let j = i + 1; j < c.length; j++) set.add(`${c[i]}-${c[j]}`);
  }
  return [...set].sort();
};
