// Well-known national bodies that texts name without their state ("le FSB", "the Pentagon", "la DCIS"), from
// kb/institutions.json: world knowledge the shape of a name cannot give.
import { readFileSync } from "node:fs";
import type { Sector } from "../lang/index.js";
import { IS_ALLCAPS, IS_UPPER, type TokenTable } from "../segment/tokens.js";
import { PhraseMatcher } from "./phrase-matcher.js";

export interface Institution {
  /** null: a company of a known group whose own state the name does not tell ("Thales Alenia Space") */
  iso3: string | null;
  sector: Sector;
}

interface Entry extends Institution {
  /** an acronym must be written exactly so */
  exact: string | null;
}

let matcher: PhraseMatcher<Entry> | null = null;
function institutionMatcher(): PhraseMatcher<Entry> {
  if (matcher) return matcher;
  const raw = JSON.parse(readFileSync(new URL("../kb/institutions.json", import.meta.url), "utf8")) as {
    records: { iso3: string; sector: Sector; acr: string[]; names: string[] }[];
  };
  const entries: [string, Entry][] = [];
  for (const r of raw.records) {
    for (const a of r.acr) entries.push([a, { iso3: r.iso3, sector: r.sector, exact: a }]);
    for (const n of r.names) entries.push([n, { iso3: r.iso3, sector: r.sector, exact: null }]);
  }
  return (matcher = new PhraseMatcher(entries));
}

/** The institution named at token i (longest name), as a token range, or null. */
/** `named`: matched by its name, not by an acronym. */
export function institutionAt(text: string, t: TokenTable, i: number, limit: number): { first: number; last: number; named: boolean; institution: Institution } | null {
  const m = institutionMatcher().matchAt(t, i, limit);
  if (!m) return null;
  const written = text.slice(t.start[m.first]!, t.end[m.last - 1]!);
  if (m.value.exact != null) {
    if (written.replace(/\s+/g, " ") !== m.value.exact) return null;
  } else if (!(t.flags[m.first]! & IS_UPPER) && m.last - m.first < 2) return null;
  // a name that runs on into more capitalized words is another, longer name: a company's is a company of its
  // group ("Gazprom Neft", "Thales Alenia Space"), never a person; another body's is not that body
  let last = m.last;
  let iso3: string | null = m.value.iso3;
  if (m.value.exact == null && m.last < limit && m.last - m.first === 1 && t.flags[m.last]! & IS_UPPER) {
    if (m.value.sector !== "BUS") return null;
    while (last < limit && last - m.last < 3 && t.flags[last]! & IS_UPPER) last++;
    iso3 = null;
  }
  // "Direction de la coopération internationale de sécurité (DCIS)": the acronym after the name is the same body
  if (last + 2 < limit && t.norm[last] === "(" && t.norm[last + 2] === ")" && t.flags[last + 1]! & IS_ALLCAPS) last += 3;
  return { first: m.first, last, named: m.value.exact == null, institution: { iso3, sector: m.value.sector } };
}
