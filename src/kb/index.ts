// World-knowledge gazetteer: countries, sub-national and macro regions, cities and international organizations,
// in French and English. The data is compiled by scripts/build-kb.mjs into countries.json (next to this file),
// loaded once, validated, and exposed through frozen lookups.
import { readFileSync } from 'node:fs';

export type Lang = 'fr' | 'en';
export type EntityKind = 'country' | 'region' | 'city' | 'igo';
export type MentionKind = 'country' | 'demonym' | 'prefix' | 'city' | 'region' | 'igo';
/** 'block' forms are consumed by the matcher and yield no mention ("Anglo-Saxon", "guinea pig"). */
export type LexKind = MentionKind | 'block';
/**
 * How a lexicon form must be written in the text:
 * - `i`: case- and diacritic-insensitive (French demonyms: "vietnamien", "Vietnamiens");
 * - `cap`: diacritic-insensitive, the first letter must be upper case ("Turkey" but not "turkey");
 * - `acr`: spelled exactly (acronyms and codes: "UN", "ONU", "U.S.");
 * - `exact`: spelled exactly, for forms that differ from a common word only by accents ("Malé").
 */
export type CasePolicy = 'i' | 'cap' | 'acr' | 'exact';

export interface Names {
  readonly fr: string;
  readonly en: string;
}

export interface Country {
  readonly iso3: string;
  readonly iso2: string | null;
  /** 'region' for territories with their own ISO code that are part of another state (HKG, MAC, TWN) */
  readonly kind: 'country' | 'region';
  /** common short name ("Russie" / "Russia") */
  readonly name: Names;
  readonly official: Names;
  /** city id of the capital, when known */
  readonly capital: string | null;
  readonly independent: boolean;
  readonly unMember: boolean;
  /** sovereign state for kind 'region' (HKG -> CHN) */
  readonly parent: string | null;
  /** a state that no longer exists (SUN, YUG, CSK, DDR) */
  readonly historic: boolean;
}

export interface Region {
  readonly id: string;
  /** the sovereign country; null for macro regions (continents, seas) */
  readonly iso3: string | null;
  readonly parent: string | null;
  readonly macro: boolean;
  readonly name: Names;
}

export interface City {
  readonly id: string;
  readonly iso3: string;
  readonly name: Names;
  readonly capital: boolean;
}

export interface Igo {
  readonly id: string;
  readonly name: Names;
  readonly acronyms: readonly string[];
}

/** What a mention or an id refers to. */
export interface Entity {
  readonly kind: EntityKind;
  readonly id: string;
  readonly iso3: string | null;
  readonly name: Names;
}

export interface LexEntry {
  readonly form: string;
  readonly kind: LexKind;
  /** entity id (iso3, region id, city id, igo id); '-' for blockers */
  readonly id: string;
  readonly lang: Lang | '*';
  readonly policy: CasePolicy;
  /** needs place context (preceding place word, or dateline position) */
  readonly ctx: boolean;
}

// ---------------------------------------------------------------------------------------------
// Normalization shared with the matcher

const SPECIAL: Readonly<Record<string, string>> = {
  'đ': 'd', 'ð': 'd', 'ø': 'o', 'ł': 'l', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ı': 'i', 'þ': 'th', 'ħ': 'h', 'ŀ': 'l',
};
const SPECIAL_RE = /[đðøłßæœıþħŀ]/g;
const MARKS_RE = /\p{M}/gu;

/** Lower-case and strip diacritics of one word token ("Hà" -> "ha", "Đà" -> "da", "Œuvre" -> "oeuvre"). */
export function foldToken(token: string): string {
  let ascii = true;
  for (let i = 0; i < token.length; i++) {
    if (token.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return token.toLowerCase();
  return token
    .normalize('NFD')
    .replace(MARKS_RE, '')
    .toLowerCase()
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
}

const TOKEN_RE = /[\p{L}\p{M}\p{N}_]+|(?<=[\p{L}\p{M}\p{N}_])\+/gu;
/** Key of a multi-word form: folded word tokens joined by one space ("Côte d’Ivoire" -> "cote d ivoire"). */
export function formKey(form: string): string {
  const toks = form.match(TOKEN_RE);
  return toks ? toks.map(foldToken).join(' ') : '';
}

// ---------------------------------------------------------------------------------------------
// Loading and validation

interface RawKb {
  version: number;
  countries: Country[];
  regions: Region[];
  cities: City[];
  igos: Igo[];
  placeContext: Record<Lang, string[]>;
  placeArticles: Record<Lang, string[]>;
  acronymGuardFollowers: string[];
  lexicon: [string, LexKind, string, Lang | '*', CasePolicy, number][];
}

const LEX_KINDS: ReadonlySet<string> = new Set(['country', 'demonym', 'prefix', 'city', 'region', 'igo', 'block']);
const POLICIES: ReadonlySet<string> = new Set(['i', 'cap', 'acr', 'exact']);
const LANGS: ReadonlySet<string> = new Set(['fr', 'en', '*']);

function invalid(msg: string): never {
  throw new Error(`kb/countries.json is invalid: ${msg} (re-run node scripts/build-kb.mjs)`);
}

function isNames(v: unknown): v is Names {
  return typeof v === 'object' && v !== null && typeof (v as Names).fr === 'string' && typeof (v as Names).en === 'string';
}

function load(): RawKb {
  const raw: unknown = JSON.parse(readFileSync(new URL('./countries.json', import.meta.url), 'utf8'));
  if (typeof raw !== 'object' || raw === null) invalid('not an object');
  const kb = raw as RawKb;
  if (kb.version !== 1) invalid(`unsupported version ${String(kb.version)}`);
  for (const k of ['countries', 'regions', 'cities', 'igos', 'lexicon'] as const) {
    if (!Array.isArray(kb[k])) invalid(`${k} is not an array`);
  }
  for (const c of kb.countries) if (typeof c.iso3 !== 'string' || !isNames(c.name)) invalid(`bad country ${JSON.stringify(c)}`);
  for (const r of kb.regions) if (typeof r.id !== 'string' || !isNames(r.name)) invalid(`bad region ${JSON.stringify(r)}`);
  for (const c of kb.cities) if (typeof c.id !== 'string' || typeof c.iso3 !== 'string' || !isNames(c.name)) invalid(`bad city ${JSON.stringify(c)}`);
  for (const g of kb.igos) if (typeof g.id !== 'string' || !isNames(g.name) || !Array.isArray(g.acronyms)) invalid(`bad igo ${JSON.stringify(g)}`);
  for (const row of kb.lexicon) {
    if (!Array.isArray(row) || row.length !== 6) invalid(`bad lexicon row ${JSON.stringify(row)}`);
    const [form, kind, id, lang, policy, ctx] = row;
    if (typeof form !== 'string' || !form || !LEX_KINDS.has(kind) || typeof id !== 'string' || !LANGS.has(lang) || !POLICIES.has(policy) || (ctx !== 0 && ctx !== 1)) {
      invalid(`bad lexicon row ${JSON.stringify(row)}`);
    }
  }
  if (!Array.isArray(kb.placeContext?.fr) || !Array.isArray(kb.placeContext?.en)) invalid('placeContext');
  return kb;
}

const KB = load();

const freezeAll = <T extends object>(items: T[]): readonly T[] => Object.freeze(items.map((x) => deepFreeze(x)));
function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

const COUNTRIES = freezeAll(KB.countries);
const REGIONS = freezeAll(KB.regions);
const CITIES = freezeAll(KB.cities);
const IGOS = freezeAll(KB.igos);

const countryByIso: ReadonlyMap<string, Country> = new Map(COUNTRIES.map((c) => [c.iso3, c]));
const regionById: ReadonlyMap<string, Region> = new Map(REGIONS.map((r) => [r.id, r]));
const cityById: ReadonlyMap<string, City> = new Map(CITIES.map((c) => [c.id, c]));
const igoById: ReadonlyMap<string, Igo> = new Map(IGOS.map((g) => [g.id, g]));

const entities: ReadonlyMap<string, Entity> = (() => {
  const m = new Map<string, Entity>();
  const put = (e: Entity): void => {
    if (m.has(e.id)) invalid(`duplicate entity id ${e.id}`);
    m.set(e.id, Object.freeze(e));
  };
  for (const c of COUNTRIES) put({ kind: c.kind, id: c.iso3, iso3: c.iso3, name: c.name });
  for (const r of REGIONS) put({ kind: 'region', id: r.id, iso3: r.iso3, name: r.name });
  for (const c of CITIES) put({ kind: 'city', id: c.id, iso3: c.iso3, name: c.name });
  for (const g of IGOS) put({ kind: 'igo', id: g.id, iso3: null, name: g.name });
  return m;
})();

const LEXICON: readonly LexEntry[] = Object.freeze(
  KB.lexicon.map(([form, kind, id, lang, policy, ctx]) => {
    if (kind !== 'block' && !entities.has(id)) invalid(`lexicon form "${form}" refers to unknown id ${id}`);
    return Object.freeze({ form, kind, id, lang, policy, ctx: ctx === 1 });
  }),
);

// Lenient lookup indexes (any language; names by folded key, acronyms by exact spelling).
function buildIndex(kinds: ReadonlySet<LexKind>): { byKey: ReadonlyMap<string, LexEntry>; byAcr: ReadonlyMap<string, LexEntry> } {
  const byKey = new Map<string, LexEntry>();
  const byAcr = new Map<string, LexEntry>();
  for (const e of LEXICON) {
    if (!kinds.has(e.kind)) continue;
    if (e.policy === 'acr') {
      if (!byAcr.has(e.form)) byAcr.set(e.form, e);
    } else {
      const k = formKey(e.form);
      if (!byKey.has(k)) byKey.set(k, e);
    }
  }
  return { byKey, byAcr };
}
const demonymIndex = buildIndex(new Set<LexKind>(['demonym', 'prefix']));
const cityIndex = buildIndex(new Set<LexKind>(['city']));
const igoIndex = buildIndex(new Set<LexKind>(['igo']));
const countryIndex = buildIndex(new Set<LexKind>(['country', 'region']));

const lookup = (idx: ReturnType<typeof buildIndex>, name: string): LexEntry | undefined =>
  idx.byAcr.get(name.trim()) ?? idx.byKey.get(formKey(name));

const PLACE_CONTEXT: Readonly<Record<Lang, ReadonlySet<string>>> = Object.freeze({
  fr: new Set(KB.placeContext.fr.map(foldToken)),
  en: new Set(KB.placeContext.en.map(foldToken)),
});
const PLACE_ARTICLES: Readonly<Record<Lang, ReadonlySet<string>>> = Object.freeze({
  fr: new Set((KB.placeArticles?.fr ?? []).map(foldToken)),
  en: new Set((KB.placeArticles?.en ?? []).map(foldToken)),
});
const GUARD_FOLLOWERS: readonly string[] = Object.freeze([...(KB.acronymGuardFollowers ?? [])]);

// ---------------------------------------------------------------------------------------------
// Public lookups

/** Country or territory (including historic states and kind-'region' territories such as HKG) by ISO 3166 alpha-3. */
export function countryByIso3(iso3: string): Country | undefined {
  return countryByIso.get(iso3.toUpperCase());
}

/** Common short name of a country in French or English ("Russie" / "Russia"). */
export function countryName(iso3: string, lang: Lang): string | undefined {
  return countryByIso3(iso3)?.name[lang];
}

/** Country or territory by any of its names (case- and accent-insensitive) or codes (exact: "US", "RDC"). */
export function countryLookup(name: string): Country | undefined {
  const e = lookup(countryIndex, name);
  return e ? countryByIso.get(e.id) : undefined;
}

/**
 * ISO alpha-3 of the country a demonym, adjective or compound prefix refers to, in either language:
 * "vietnamiennes" -> VNM, "Russian" -> RUS, "sino" / "sino-" -> CHN, "québécois" -> CAN.
 * Undefined for unknown words and for macro-regional adjectives ("africain").
 */
export function isoFromDemonym(word: string): string | undefined {
  const e = lookup(demonymIndex, word);
  if (!e) return undefined;
  const ent = entities.get(e.id);
  return ent?.iso3 ?? undefined;
}

/** City by any French or English form ("Pékin", "Beijing", "Ha Noi"). Case- and accent-insensitive. */
export function cityLookup(name: string): City | undefined {
  const e = lookup(cityIndex, name);
  return e ? cityById.get(e.id) : undefined;
}

/** International organization by acronym (case-sensitive: "ONU", "UN") or full name (case-insensitive). */
export function igoLookup(name: string): Igo | undefined {
  const e = lookup(igoIndex, name);
  return e ? igoById.get(e.id) : undefined;
}

export function regionLookupById(id: string): Region | undefined {
  return regionById.get(id);
}
export function cityLookupById(id: string): City | undefined {
  return cityById.get(id);
}
export function igoLookupById(id: string): Igo | undefined {
  return igoById.get(id);
}
/** Any entity (country, territory, region, city, IGO) by its id. */
export function entityById(id: string): Entity | undefined {
  return entities.get(id);
}

/** All lexicon forms (compiled, frozen), for building matchers. */
export function lexicon(): readonly LexEntry[] {
  return LEXICON;
}
/** Folded words that make a context-dependent form a place ("à", "in"). */
export function placeContextWords(lang: Lang): ReadonlySet<string> {
  return PLACE_CONTEXT[lang];
}
/** Articles that may stand between a place word and a context-dependent form ("à la Réunion"). */
export function placeArticleWords(lang: Lang): ReadonlySet<string> {
  return PLACE_ARTICLES[lang];
}
/** Characters that, right after an acronym, cancel it ("$" in "US$"). */
export function acronymGuardFollowers(): readonly string[] {
  return GUARD_FOLLOWERS;
}

export const allCountries = (): readonly Country[] => COUNTRIES;
export const allRegions = (): readonly Region[] => REGIONS;
export const allCities = (): readonly City[] => CITIES;
export const allIgos = (): readonly Igo[] => IGOS;
