// The dateline that opens a news story: "Moscou, 6 septembre (VNA) -", "Hanoi, 25 juillet(VNA) –",
// "Pékin (VNA) -", "PUTRAJAYA:", "MOSCOW —", "Moscow [Russia], April 16 :". It places the article, and so
// its events unless the text says otherwise.
import { readFileSync } from "node:fs";
import type { DateSpan, Dateline, Place, Zone } from "../core/annotations.js";

let agencies: { states: Map<string, string | null>; shared: Map<string, string[]> } | null = null;
/**
 * The state whose national agency signs the dateline ("(VNA)", "(APS)"), from kb/news-agencies.json; of a short
 * name several states' agencies print ("APS"), the one of the dateline's state when it is among them.
 */
export function agencyState(mark: string, datelineState?: string | null): string | null | undefined {
  if (!agencies) {
    const raw = JSON.parse(readFileSync(new URL("../kb/news-agencies.json", import.meta.url), "utf8")) as { agencies: Record<string, string | null>; shared?: Record<string, string[]> };
    agencies = {
      states: new Map(Object.entries(raw.agencies).map(([k, v]) => [k.toUpperCase(), v])),
      shared: new Map(Object.entries(raw.shared ?? {}).map(([k, v]) => [k.toUpperCase(), v])),
    };
  }
  // "VNA/CVN", "XINHUA/VNA": the first agency named
  const first = mark.split(/[/,]/)[0]!.trim().toUpperCase();
  const shared = agencies.shared.get(first);
  if (shared && datelineState && shared.includes(datelineState)) return datelineState;
  return agencies.states.get(first);
}

const DATELINE = /^([\p{Lu}][\p{L}\p{M}'’. -]{1,40}?)(?:\s*\[[^\]\n]{2,30}\])?(?:\s*,\s*([^()\n:—–]{3,30}?))?\s*(?:\(([^)\n]{2,30})\)\s*[-–—:]?|\s*[:—–]\s|\s+-\s)/u;

export function findDateline(text: string, zones: readonly Zone[], places: readonly Place[], dates: readonly DateSpan[]): Dateline | null {
  let seen = 0;
  for (const z of zones) {
    if (z.kind !== "body") continue;
    if (++seen > 4) break;
    const m = DATELINE.exec(text.slice(z.start, Math.min(z.end, z.start + 120)));
    if (!m) continue;
    const nameStart = z.start;
    const nameEnd = z.start + m[1]!.trimEnd().length;
    // the place must be one the knowledge base knows, and start the line
    const place = places.find((p) => p.start === nameStart && p.end <= nameEnd + 1 && (p.kind === "city" || p.kind === "country" || p.kind === "region"));
    if (!place) continue;
    const end = z.start + m[0].length;
    const date = dates.find((d) => d.start >= nameEnd && d.end <= end);
    const agency = m[3] ? agencyState(m[3], place.iso3) : undefined;
    return { start: z.start, end, place: text.slice(place.start, place.end), country: place.iso3, date: date?.value ?? null, agencyCountry: agency ?? null };
  }
  return null;
}
