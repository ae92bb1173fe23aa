// A title names the body its holder serves: "ministre de la Sécurité publique" -> "ministère de la
// Sécurité publique", "Defence Minister" -> "ministry of defence". The body takes the person's state.
import type { LangData } from "../lang/index.js";
import type { PersonEntity } from "../core/annotations.js";
import { IS_PUNCT, tokenize, type TokenTable } from "../segment/tokens.js";
import { OrgRegistry, sectorOf } from "./organizations.js";

export function orgsFromTitles(
  text: string,
  t: TokenTable,
  data: LangData,
  people: PersonEntity[],
  titleRanges: readonly { person: number; first: number; last: number }[],
  registry: OrgRegistry,
): void {
  for (const r of titleRanges) {
    const person = people[r.person]!;
    if (!person.country) continue;
    // a body named inside the title without its state ("Politburo member", "membre du Bureau politique") is the holder's
    const from = t.start[r.first]!;
    const to = t.end[r.last - 1]!;
    for (const m of registry.mentions.slice()) {
      const o = registry.orgs[m.org]!;
      if (o.country || o.sector === "IGO" || m.start < from || m.end > to) continue;
      // named only inside this title: the body itself is the holder's, not a stateless twin of it
      if (o.mentions.every((x) => x.start >= from && x.end <= to)) o.country = person.country;
      else registry.add(o.name, person.country, o.sector, m.start, m.end);
    }
    for (let i = r.first; i < r.last; i++) {
      const m = data.titles.matchAt(t, i, r.last);
      if (!m || m.value !== "office") continue;
      const office = t.norm.slice(m.first, m.last).join(" ");
      const body = data.officeToBody.get(office);
      i = m.last - 1;
      if (!body) continue;
      // the complement runs to the next office or the end of the phrase: "de la Sécurité publique"
      let end = m.last;
      // ... or to a rank or honorific of the holder: "Minister of Public Security General To Lam"
      const stops = (k: number) => {
        const v = data.titles.matchAt(t, k, r.last)?.value;
        return v === "office" || v === "rank" || v === "honorific";
      };
      while (end < r.last && !(t.flags[end]! & IS_PUNCT) && !stops(end) && t.norm[end] !== "et" && t.norm[end] !== "and") end++;
      // "Secretary of State of Cambodia's Ministry of National Defence": the complement names the body itself
      const cFrom = t.start[m.last] ?? 0;
      const cTo = end > m.last ? t.end[end - 1]! : cFrom;
      const named = registry.mentions.find((x) => x.start >= cFrom && x.start < cTo && registry.orgs[x.org]!.sector !== "IGO");
      if (named) {
        if (person.organization == null) person.organization = named.org;
        i = end - 1;
        continue;
      }
      let from = m.last;
      // demonyms after the office belong to the person, not to the body's name
      while (from < end && !data.connectors.has(t.norm[from]!)) from++;
      const complement = from < end ? text.slice(t.start[from]!, t.end[end - 1]!) : "";
      const compound = body.includes(" ");
      if (!complement && !compound) continue;
      const name = complement ? `${body} ${complement}` : body;
      const nt = tokenize(name);
      const sector = sectorOf(nt, 0, nt.n, data);
      const k = registry.add(name, person.country, sector, t.start[m.first]!, t.end[end - 1]!);
      if (person.organization == null) person.organization = k;
      i = end - 1;
    }
  }
}
