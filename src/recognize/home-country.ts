// The article's home state: the state an outlet writes from and for. A national agency or paper names its own
// officials without a demonym ("le ministre de l'Intérieur", "Interior Minister X and his counterpart Y"); the
// home state tells whose they are. It comes from the dateline's agency ("(TAP)"), else from the dateline's place
// ("PUTRAJAYA:"), else from the outlet's address (a country-code domain, or a host named after its country).
import { readFileSync } from "node:fs";
import type { Dateline, OrgEntity, PersonEntity, PersonMention, Place, SentenceSpan } from "../core/annotations.js";
import { allCountries, foldToken } from "../kb/index.js";

export interface Home {
  country: string;
  by: "agency" | "dateline" | "outlet" | "place";
}

interface OutletData {
  cctlds: Map<string, string>;
  names: { key: string; iso3: string }[];
  ignored: Set<string>;
}

let outlets: OutletData | null = null;
function outletData(): OutletData {
  if (outlets) return outlets;
  const raw = JSON.parse(readFileSync(new URL("../kb/outlets.json", import.meta.url), "utf8")) as {
    commercial_cctlds: string[];
    cctld_aliases: Record<string, string>;
    ignored_labels: string[];
  };
  const commercial = new Set(raw.commercial_cctlds);
  const cctlds = new Map<string, string>();
  const names: OutletData["names"] = [];
  for (const c of allCountries()) {
    if (c.kind !== "country" || c.historic) continue;
    const code = c.iso2?.toLowerCase();
    if (code && !commercial.has(code)) cctlds.set(code, c.iso3);
    for (const n of new Set(Object.values(c.name ?? {}))) {
      const key = foldToken(n).replace(/[^a-z]/g, "");
      if (key.length >= 4) names.push({ key, iso3: c.iso3 });
    }
  }
  for (const [k, v] of Object.entries(raw.cctld_aliases)) cctlds.set(k, v);
  names.sort((a, b) => b.key.length - a.key.length);
  return (outlets = { cctlds, names, ignored: new Set(raw.ignored_labels) });
}

/** The state of an outlet from its address: "https://www.tap.info.tn/..." -> TUN, "https://www.comoresinfos.net/..." -> COM. */
export function outletCountry(url: string | null | undefined): string | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  const data = outletData();
  const labels = host.split(".").filter(Boolean);
  if (labels.length < 2) return null;
  const tld = labels[labels.length - 1]!;
  const byTld = data.cctlds.get(tld);
  if (byTld) return byTld;
  for (const label of labels.slice(0, -1)) {
    if (data.ignored.has(label)) continue;
    const l = label.replace(/[^a-z]/g, "");
    const hit = data.names.find((n) => l.startsWith(n.key) || l.endsWith(n.key));
    if (hit) return hit.iso3;
  }
  return null;
}

export function findHome(dateline: Dateline | null, url: string | null | undefined): Home | null {
  if (dateline?.agencyCountry) return { country: dateline.agencyCountry, by: "agency" };
  if (dateline?.country) return { country: dateline.country, by: "dateline" };
  const o = outletCountry(url);
  return o ? { country: o, by: "outlet" } : null;
}

/**
 * Officials the text gives no state take one by context: beside an official of one of the article's two states,
 * the other ("le ministre de l'Enseignement supérieur X et le ministre argentin Y"); else the home state, when the
 * article names it or names no state at all. People without a title (a quoted expert) are left alone.
 */
/** The states of the story itself: a site banner ("l'actualité de la France et du Maghreb") names none of them. */
export function storyStates(sentences: readonly SentenceSpan[], places: readonly Place[]): string[] {
  const body = sentences.filter((s) => s.zone === "body");
  return [...new Set(places.filter((p) => p.iso3 && p.kind !== "igo" && body.some((s) => p.start >= s.start && p.end <= s.end)).map((p) => p.iso3!))];
}

export function settleHomeCountries(
  people: PersonEntity[],
  mentions: readonly PersonMention[],
  sentences: readonly SentenceSpan[],
  places: readonly Place[],
  home: Home | null,
): Home | null {
  const states = storyStates(sentences, places);
  const body = sentences.filter((s) => s.zone === "body");
  const inBody = (p: Place) => body.some((s) => p.start >= s.start && p.end <= s.end);
  const unknown = (p: PersonEntity) => !p.country && !p.countryBy && p.titles.length > 0;
  if (!people.some(unknown)) return home;
  if (states.length === 2) {
    for (const s of sentences) {
      const here = [...new Set(mentions.filter((m) => m.start >= s.start && m.end <= s.end).map((m) => m.person))];
      const known = new Set(here.map((k) => people[k]!.country).filter((c): c is string => !!c && states.includes(c)));
      if (known.size !== 1) continue;
      const [k] = known;
      const other = states.find((c) => c !== k)!;
      for (const i of here) {
        const p = people[i]!;
        if (!unknown(p)) continue;
        p.country = other;
        p.countryBy = "context";
      }
    }
  }
  // no dateline nor outlet: the state of the first city the story names, where it happens ("s'est ouverte à Tunis")
  if (!home) {
    const city = places.find((p) => p.kind === "city" && p.iso3 && inBody(p));
    if (city) home = { country: city.iso3!, by: "place" };
  }
  // an agency's own officials serve its state even when it reports from abroad; an outlet's address tells less
  if (!home || (home.by !== "agency" && states.length && !states.includes(home.country))) return home;
  for (const p of people) {
    if (!unknown(p)) continue;
    p.country = home.country;
    p.countryBy = "context";
  }
  return home;
}

const STATE_SECTORS = new Set(["GOV", "COP", "MIL", "SPY", "JUD", "LEG", "PTY"]);

/**
 * State bodies named without a state ("la police nationale", "the Navy") are the home state's, when the home is
 * the agency's or the dateline's (an outlet's address or the story's first city tell too little for a body).
 */
export function settleHomeBodies(orgs: OrgEntity[], places: readonly Place[], home: Home | null): void {
  if (!home || (home.by !== "agency" && home.by !== "dateline")) return;
  // a name read around an international body's ("police criminelle (Interpol)") is not the home state's
  const igo = places.filter((p) => p.kind === "igo");
  const aroundIgo = (o: OrgEntity) => o.mentions.some((m) => igo.some((p) => p.start < m.end && p.end > m.start));
  for (const o of orgs) if (!o.country && STATE_SECTORS.has(o.sector) && !aroundIgo(o)) o.country = home.country;
}
