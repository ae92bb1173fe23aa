// Names for people: countries (from the gazetteer) and areas of cooperation (src/kb/areas.json), in English and French.
import { readFileSync } from "node:fs";
import { countryByIso3 } from "../kb/index.js";

export interface Label {
  en: string;
  fr: string;
}

interface AreasFile {
  areas: { code: string; label: Label }[];
}

const AREAS: readonly { code: string; label: Label }[] = Object.freeze(
  (JSON.parse(readFileSync(new URL("../kb/areas.json", import.meta.url), "utf8")) as AreasFile).areas,
);
const AREA_BY_CODE = new Map(AREAS.map((a) => [a.code, a.label]));

/** the known areas of cooperation, in the order of the codebook */
export function knownAreas(): readonly { code: string; label: Label }[] {
  return AREAS;
}

/** an unknown code is its own label */
export function areaLabel(code: string): Label {
  return AREA_BY_CODE.get(code) ?? { en: code, fr: code };
}

export function isKnownCountry(code: string): boolean {
  return countryByIso3(code.toUpperCase()) !== undefined;
}

/** the common short name; a code the gazetteer does not know is its own name */
export function countryLabel(code: string): Label {
  const c = countryByIso3(code.toUpperCase());
  return c ? { en: c.name.en, fr: c.name.fr } : { en: code, fr: code };
}
