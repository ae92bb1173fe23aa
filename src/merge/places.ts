// Where an event happened, as comparable keys: the state and, when the name is a city (not the country
// itself), the city. "Havana" and "Cuba" agree; "Londres" and "London" are one city; "Paris" and "London" clash.
import { cityLookup, countryLookup, foldToken, formKey } from "../kb/index.js";
import type { PlaceRef } from "./types.js";

export interface PlaceKey {
  country: string | null;
  /** canonical city key; null when the place is the country as a whole */
  city: string | null;
  /** the place is named in the event's own evidence (false: inferred, e.g. from the dateline) */
  stated: boolean;
}

export function placeKey(p: PlaceRef | null, evidence: readonly string[] | null): PlaceKey | null {
  if (!p) return null;
  const country = p.country ?? countryLookup(p.name)?.iso3 ?? cityLookup(p.name)?.iso3 ?? null;
  const asCountry = countryLookup(p.name);
  const isCountry = !!asCountry && (!country || asCountry.iso3 === country);
  const city = isCountry ? null : cityLookup(p.name)?.id ?? formKey(p.name);
  // without evidence text (e.g. hand-made inputs), the place is taken as stated
  const stated = evidence === null || evidence.some((t) => namedIn(t, p.name));
  return { country, city: city || null, stated };
}

const fold = (s: string): string => s.normalize("NFC").split(/(\s+)/).map((w) => foldToken(w)).join("");

/**
 * The text names the place other than as a dateline: an occurrence that is not the text's opening word(s)
 * followed by a dateline's punctuation ("Kigali: ...", "MOSCOU, 6 septembre (VNA) - ...").
 */
function namedIn(text: string, name: string): boolean {
  const t = fold(text), n = fold(name);
  if (!n) return false;
  const boundary = (c: string | undefined): boolean => c === undefined || !/[\p{L}\p{N}]/u.test(c);
  for (let i = t.indexOf(n); i >= 0; i = t.indexOf(n, i + 1)) {
    if (!boundary(t[i - 1]) || !boundary(t[i + n.length])) continue;
    const dateline = t.slice(0, i).trim() === "" && /^\s*(?:[,:(\u2013\u2014-]|\d)/.test(t.slice(i + n.length));
    if (!dateline) return true;
  }
  return false;
}

export type PlaceRelation = "same" | "unknown" | "near" | "clash";

/**
 * same: one city, or a city and its country; near: two cities of one state; clash: two states;
 * unknown: a side without place or state.
 */
export function placeRelation(a: PlaceKey | null, b: PlaceKey | null): PlaceRelation {
  if (!a || !b || !a.country || !b.country) return "unknown";
  if (a.country !== b.country) return "clash";
  if (!a.city || !b.city || a.city === b.city) return "same";
  return "near";
}
