// Finds state bodies, parties and international organizations: a head noun ("ministère", "Ministry",
// "Conseil", "Party") with what qualifies it before (English: "Russia's", "Vietnamese", "Foreign") and
// after ("vietnamien de la Sécurité publique", "of the Interior of Cuba"), plus the international
// organizations of the knowledge base. Country comes from the places inside the name; sector from the
// sector cue words of the language data.
import type { LangData, Sector } from "../lang/index.js";
import type { DateSpan, OrgEntity, OrgMention, Place, SentenceSpan } from "../core/annotations.js";
import { IS_ALLCAPS, IS_PUNCT, IS_UPPER, IS_WORD, type TokenTable } from "../segment/tokens.js";
import type { TokenIndex } from "./token-index.js";
import { institutionAt } from "./institutions.js";

export interface OrgContext {
  text: string;
  t: TokenTable;
  sentences: readonly SentenceSpan[];
  places: readonly Place[];
  index: TokenIndex;
  data: LangData;
  /** is this lowercased word an ordinary word of the language? */
  isCommon: (lower: string) => boolean;
  /** the dates found: a day or month after a connector ends a name ("the Royal Navy on Monday") */
  dates?: readonly DateSpan[];
}

export interface OrgResult {
  orgs: OrgEntity[];
  mentions: OrgMention[];
}

const MAX_LEN = 22;
const PREPOSITIONS = new Set(["de", "du", "des", "d'", "of", "for"]);

/** The sector of a body from the cue words in its name: the earliest sector in the data's order wins. */
export function sectorOf(t: TokenTable, first: number, last: number, data: LangData): Sector {
  let best: Sector = "GOV";
  let bestRank = Infinity;
  for (const m of data.sectorCues.scan(t, first, last)) {
    const rank = data.sectorOrder.indexOf(m.value);
    if (rank < bestRank) {
      bestRank = rank;
      best = m.value;
    }
  }
  return best;
}

export class OrgRegistry {
  readonly orgs: OrgEntity[] = [];
  readonly mentions: OrgMention[] = [];
  private readonly byKey = new Map<string, number>();

  add(name: string, country: string | null, sector: Sector, start: number, end: number): number {
    const key = `${country ?? ""}|${sector}|${name.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, " ")}`;
    let k = this.byKey.get(key);
    if (k === undefined) {
      k = this.orgs.length;
      this.orgs.push({ name, country, sector, mentions: [] });
      this.byKey.set(key, k);
    }
    this.orgs[k]!.mentions.push({ start, end });
    this.mentions.push({ start, end, org: k });
    return k;
  }
}

export function findOrganizations(ctx: OrgContext, registry = new OrgRegistry()): OrgResult {
  const { t, data, index } = ctx;
  for (const s of ctx.sentences) {
    if (s.zone !== "body" && s.zone !== "caption") continue;
    for (let i = s.first; i < s.last; i++) {
      const p = index.placeOf[i]!;
      // well-known national bodies from the knowledge base, unless a place reads longer there
      const inst = institutionAt(ctx.text, t, i, s.last);
      if (inst && (p < 0 || ctx.places[p]!.end <= t.end[inst.last - 1]!) && !(inst.named && afterPlacePreposition(ctx, s, i))) {
        const k = registry.add(ctx.text.slice(t.start[inst.first]!, t.end[inst.last - 1]!), inst.institution.iso3, inst.institution.sector, t.start[inst.first]!, t.end[inst.last - 1]!);
        for (let j = inst.first; j < inst.last; j++) index.orgOf[j] = k;
        i = inst.last - 1;
        continue;
      }
      // international organizations from the knowledge base
      if (p >= 0 && ctx.places[p]!.kind === "igo") {
        const pl = ctx.places[p]!;
        const k = registry.add(pl.name, null, "IGO", pl.start, pl.end);
        let j = i;
        while (j < s.last && index.placeOf[j] === p) index.orgOf[j++] = k;
        // "EU-AU" is one token naming two organizations: the token maps to the first, both are mentioned
        for (const other of ctx.places) {
          if (other !== pl && other.kind === "igo" && other.start >= t.start[i]! && other.end <= t.end[j - 1]!) registry.add(other.name, null, "IGO", other.start, other.end);
        }
        i = j - 1;
        continue;
      }
      const head = data.orgHeads.matchAt(t, i, s.last);
      if (!head) continue;
      // a head word inside an office is the office's: "Interior Cabinet Secretary" names a person's post
      if (insideOffice(ctx, s, i)) continue;
      // "Fédération de Russie" is a state, not a body
      if (p >= 0) continue;
      const found = readOrganization(ctx, s, i, head.last);
      if (!found) continue;
      for (const part of found.parts) {
        const k = registry.add(part.name, part.country, part.sector, part.start, part.end);
        for (let j = found.first; j < found.last; j++) index.orgOf[j] = k;
      }
      i = found.last - 1;
    }
  }
  return { orgs: registry.orgs, mentions: registry.mentions };
}

function insideOffice(ctx: OrgContext, s: SentenceSpan, i: number): boolean {
  // an office that starts at the head ("Politburo member") names the body too, and title-orgs gives it its state
  for (let k = Math.max(s.first, i - 2); k < i; k++) {
    const m = ctx.data.titles.matchAt(ctx.t, k, s.last);
    if (m && m.value === "office" && m.last > i + 1) return true;
  }
  return false;
}

/** "à Matignon", "at the White House", "au Kremlin": a seat of power after a place preposition is where, not who. */
function afterPlacePreposition(ctx: OrgContext, s: SentenceSpan, i: number): boolean {
  let k = i - 1;
  if (k >= s.first && ctx.data.definite.has(ctx.t.norm[k]!)) k--;
  return k >= s.first && ctx.data.placePrepositions.has(ctx.t.norm[k]!);
}

interface OrgPart {
  name: string;
  country: string | null;
  sector: Sector;
  start: number;
  end: number;
}

/** Reads the organization whose head spans tokens [h, hEnd). */
function readOrganization(ctx: OrgContext, s: SentenceSpan, h: number, hEnd: number): { first: number; last: number; parts: OrgPart[] } | null {
  const { t, data, index, text } = ctx;
  const places = ctx.places;
  const isPlace = (i: number) => index.placeOf[i]! >= 0 && places[index.placeOf[i]!]!.iso3 != null;
  const headCapital = (t.flags[h]! & IS_UPPER) !== 0;
  const commonPossessive = (k: number) => data.lang === "en" && (t.flags[k]! & IS_UPPER) !== 0 && ctx.isCommon(t.lower[k]!) && index.placeOf[k]! < 0;

  // left modifiers (English mostly): "Russia's", "Vietnamese", "Foreign", "Cuban"
  let first = h;
  let possessives = 0;
  const eponymous = data.eponymousHeads.has(t.norm.slice(h, hEnd).join(" "));
  for (let i = h - 1; i >= s.first && h - i <= 4 + possessives; i--) {
    const f = t.flags[i]!;
    const n = t.norm[i]!;
    if (n === "s" && i >= s.first + 2 && (t.norm[i - 1] === "'") && isPlace(i - 2)) {
      first = i - 2;
      i -= 2;
      possessives += 2;
      continue;
    }
    if (isPlace(i) && (f & IS_WORD)) {
      first = i;
      continue;
    }
    // "Lao People's Revolutionary Party", "Uganda People's Defence Forces": an ordinary noun's possessive inside the name
    if (n === "s" && i >= s.first + 2 && t.norm[i - 1] === "'" && commonPossessive(i - 2)) {
      first = i - 2;
      i -= 2;
      possessives += 2;
      continue;
    }
    // "Pedro Kourí Institute", "Mihajlo Pupin Institute": a name before a head that may carry one
    if (data.lang === "en" && eponymous && (f & IS_UPPER) && (f & IS_WORD) && !(f & IS_ALLCAPS) && !data.stopwords.has(n) && !data.titles.matchAt(t, i, h) && index.placeOf[i]! < 0 && index.orgOf[i]! < 0) {
      first = i;
      continue;
    }
    if (data.lang === "en" && !(f & IS_PUNCT) && !data.stopwords.has(n) && !data.titles.matchAt(t, i, h) &&
        (((f & IS_UPPER) && headCapital && (ctx.isCommon(t.lower[i]!) || data.domainWords.has(n))) || data.orgAdjectives.has(n))) {
      first = i;
      continue;
    }
    break;
  }

  // "Commission for Political and Legal Affairs", "Center for Genetic Engineering and Biotechnology": in English a
  // title-case run goes on across "and", unless a new body or office starts there ("... and Foreign Ministry officials")
  const titleCaseAnd = (i: number) => {
    if (data.lang !== "en" || i + 1 >= s.last || !(t.flags[i - 1]! & IS_UPPER) || !(t.flags[i + 1]! & IS_UPPER) || !ctx.isCommon(t.lower[i + 1]!) || isPlace(i + 1)) return false;
    for (let k = i + 1; k < Math.min(s.last, i + 4); k++) {
      if (!(t.flags[k]! & IS_UPPER)) break;
      if (data.orgHeads.matchAt(t, k, s.last) || data.titles.matchAt(t, k, s.last)?.value === "office") return false;
    }
    return true;
  };
  const headNorm = t.norm.slice(h, hEnd).join(" ");
  // "les deux ministères", "both ministries": the bodies already named, one per party
  if (first === h && h > s.first && data.orgQuantifiers.has(t.norm[h - 1]!)) return null;
  const plural = /[sx]$/.test(headNorm) && !/(ss|us|is)$/.test(headNorm);
  // the complement: "vietnamien de la Sécurité publique du Vietnam", "of the Interior of Cuba"
  let last = hEnd;
  let afterConnector = false;
  let capitalSeen = false;
  for (let i = hEnd; i < s.last && i - h < MAX_LEN; i++) {
    const f = t.flags[i]!;
    const n = t.norm[i]!;
    // a list of portfolios after a plural head: "ministères russes de l'Intérieur, de la Défense"
    if (n === "," && plural && i + 1 < s.last && PREPOSITIONS.has(t.norm[i + 1]!)) {
      afterConnector = true;
      continue;
    }
    if (n === "'" && t.norm[i + 1] === "s" && i + 2 < s.last && (t.flags[i + 2]! & IS_UPPER) && commonPossessive(i - 1)) {
      i += 1;
      continue;
    }
    if (f & IS_PUNCT) {
      // an acronym in brackets: "(DCIS)", "(MoPS)"
      if (n === "(" && i + 2 < s.last && t.norm[i + 2] === ")" && /^[A-Z][A-Za-z]{1,9}$/.test(text.slice(t.start[i + 1]!, t.end[i + 1]!))) {
        last = i + 3;
        i += 2;
        continue;
      }
      break;
    }
    if (data.connectors.has(n)) {
      // "et"/"and" continues only into another complement ("et de la Défense", "and Kenya"), not into a new body
      if (n === "et" || n === "and") {
        const nx = i + 1 < s.last ? t.norm[i + 1]! : "";
        if (!(PREPOSITIONS.has(nx) || isPlace(i + 1) || titleCaseAnd(i))) break;
      }
      // "armed forces in Malaysia" are that state's; "ambassade du Sénégal à Nouakchott" sits in a city, while
      // "commission mixte ... à Dakar" only meets there
      if ((n === "a" || n === "in" || n === "au" || n === "aux") && !(i + 1 < s.last && isPlace(i + 1) && (data.seatedHeads.has(headNorm) || places[index.placeOf[i + 1]!]!.kind === "country"))) break;
      afterConnector = true;
      continue;
    }
    if (afterConnector) {
      // "ministère laotien de la Sécurité publique des équipements ...": past a capitalized complement, a lowercase
      // noun after a connector is the clause's object, not the body's name
      // ("Bureau du Conseil de sécurité": after a body's head word a lowercase portfolio still names it)
      if (data.lang !== "en" && capitalSeen && !(f & IS_UPPER) && !isPlace(i) && !data.orgAdjectives.has(n)) {
        let j = i - 1;
        while (j > h && (data.connectors.has(t.norm[j]!) || data.definite.has(t.norm[j]!))) j--;
        if (!data.orgHeads.matchAt(t, j, s.last)) break;
      }
      // "services de sécurité des deux pays": no one state's body
      if (data.orgQuantifiers.has(n)) return null;
      // "le ministère vietnamien pour son aide": a possessive opens the rest of the clause
      if (data.orgDeterminers.has(n)) break;
      if (ctx.dates?.some((d) => d.start === t.start[i] && d.kind !== "year" && d.kind !== "period")) break;
      // "... et le ministère russe": a new body, not a complement
      if (data.orgHeads.matchAt(t, i, s.last) && !(f & IS_UPPER) && (t.norm[i - 2] === "et" || t.norm[i - 2] === "and" || t.norm[i - 1] === "et")) break;
      if (data.titles.matchAt(t, i, s.last)?.value === "office" && !(f & IS_UPPER)) break;
      if (!(f & IS_UPPER) && !isPlace(i) && !data.orgAdjectives.has(n) && data.lang === "en") break;
      afterConnector = false;
      if (f & IS_UPPER) capitalSeen = true;
      last = i + 1;
      continue;
    }
    // English strings capitalized nouns ("Public Security"); French puts them after a preposition
    // ... but not the first word of the name of a person who follows ("Foreign Affairs Penny Wong", "Commission Ma Xiaowei")
    const nameNext = i + 1 < s.last && (t.flags[i + 1]! & IS_UPPER) !== 0 && !ctx.isCommon(t.lower[i + 1]!) && index.placeOf[i + 1]! < 0;
    const capitalOk =
      data.lang === "en"
        ? (ctx.isCommon(t.lower[i]!) && (!nameNext || data.domainWords.has(n))) || (f & IS_ALLCAPS)
        : ((f & IS_ALLCAPS) && t.end[i]! - t.start[i]! <= 6) || (eponymous && i === last && !afterConnector);
    // "... General Staff General Metin Gurak": a rank before a name is the holder's, not the body's
    if (nameNext && data.titles.matchAt(t, i, s.last)?.value === "rank") break;
    if (isPlace(i) || data.orgAdjectives.has(n) || ((f & IS_UPPER) && capitalOk && !data.titles.matchAt(t, i, s.last))) {
      last = i + 1;
      continue;
    }
    break;
  }
  // trailing connectors never end a name
  while (last > hEnd && data.connectors.has(t.norm[last - 1]!)) last--;

  let hasComplement = last > hEnd || first < h;
  // "les ministères français": a plural head with only a demonym names no particular body
  if (plural && hasComplement && !t.norm.slice(hEnd, last).some((x) => PREPOSITIONS.has(x)) && first === h) hasComplement = false;
  if (!hasComplement && (data.orgHeadsNeedComplement.has(headNorm) || !headCapital)) {
    // a bare "ministère"/"ministry" is a reference back to a body already named: not a new one
    if (!(data.governmentWords.has(headNorm) && !headCapital)) return null;
  }
  if (!hasComplement && data.governmentWords.has(headNorm)) return null;

  const countries: string[] = [];
  for (let i = first; i < last; i++) {
    const p = index.placeOf[i]!;
    if (p >= 0) {
      const c = places[p]!.iso3;
      if (c && places[p]!.kind !== "igo" && !countries.includes(c)) countries.push(c);
      while (i + 1 < last && index.placeOf[i + 1] === p) i++;
    }
  }
  const spanText = text.slice(t.start[first]!, t.end[last - 1]!);
  const sector = sectorOf(t, first, last, data);
  const parts: OrgPart[] = [];
  // "les ministères vietnamien et lao de ...": one body per state
  const adjCountries = countries.length > 1 && plural;
  if (adjCountries) {
    for (const c of countries) parts.push({ name: spanText, country: c, sector, start: t.start[first]!, end: t.end[last - 1]! });
  } else {
    parts.push({ name: spanText, country: countries[0] ?? null, sector, start: t.start[first]!, end: t.end[last - 1]! });
  }
  // "ministères vietnamiens de la Sécurité publique et de la Défense": one body per portfolio
  if (plural) {
    const extra: OrgPart[] = [];
    const cuts = [hEnd];
    for (let i = hEnd; i < last; i++) {
      const n = t.norm[i]!;
      if ((n === "et" || n === "and" || n === ",") && i + 1 < last && PREPOSITIONS.has(t.norm[i + 1]!)) cuts.push(i + 1);
    }
    cuts.push(last);
    if (cuts.length > 2) {
      const sectors = new Set<Sector>();
      for (let k = 0; k + 1 < cuts.length; k++) sectors.add(sectorOf(t, cuts[k]!, cuts[k + 1]!, data));
      const [firstSector, ...others] = [...sectors];
      for (const p of parts) {
        p.sector = firstSector!;
        for (const sec of others) extra.push({ ...p, sector: sec });
      }
    }
    parts.push(...extra);
  }
  return { first, last, parts };
}
