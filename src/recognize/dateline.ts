// The dateline that opens a news story: "Moscou, 6 septembre (VNA) -", "Hanoi, 25 juillet(VNA) –",
// "Pékin (VNA) -", "PUTRAJAYA:", "MOSCOW —", "Moscow [Russia], April 16 :". It places the article, and so
// its events unless the text says otherwise.
import type { DateSpan, Dateline, Place, Zone } from "../core/annotations.js";

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
    return { start: z.start, end, place: text.slice(place.start, place.end), country: place.iso3, date: date?.value ?? null };
  }
  return null;
}
