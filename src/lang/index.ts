// Language knowledge: loaded once per language from the JSON files of src/lang/<code>/, compiled into
// matchers, then frozen. Stages read a LangData and never a file, so a new language is a new folder.
import { readFileSync } from "node:fs";
import { PhraseMatcher } from "../recognize/phrase-matcher.js";
import { normalizeWord } from "../segment/tokens.js";

export type Lang = "fr" | "en";
export const LANGS: readonly Lang[] = ["fr", "en"];

export type EventKind = "meeting" | "visit" | "call" | "conference" | "signing" | "other";
export type AgreementKind = "programme" | "memorandum" | "agreement" | "declaration" | "other";
export type Sector = "GOV" | "COP" | "MIL" | "SPY" | "JUD" | "LEG" | "PTY" | "IGO" | "MED" | "BUS" | "EDU" | "OTH";

interface TitlesFile { offices: string[]; modifiers: string[]; ranks: string[]; honorifics: string[]; respectively: string[]; place_prepositions: string[]; delegation_sides?: string[] }
interface EventsFile {
  triggers: Record<EventKind, string[]>;
  reference: string[]; definite: string[]; future: string[]; past: string[]; own_side: string[]; participation: string[]; not_events: string[]; recap: string[]; delegation_lead: string[]; delegation: string[]; need_person_after: string[]; same_occasion: string[]; group_reference: string[]; weak_triggers: string[]; reporting?: string[]; provisions?: string[]; both_sides?: string[]; attribution?: string[]; sidelines?: string[]; bilateral?: string[]; clause_verbs?: string[]; future_suffixes?: { suffixes: string[]; except: string[] };
}
interface AgreementsFile {
  kinds: Record<AgreementKind, string[]>; signed: string[]; referenced: string[]; planned: string[]; generic_plural: string[];
  accent_sensitive: string[]; title_prepositions: string[]; clause_verbs?: string[];
  list_cues: string[]; field_list_cues: string[]; field_link: string; singulars: Record<string, string>;
}
interface OrganizationsFile {
  heads: string[]; heads_need_complement: string[]; sectors: Record<string, string[]>; government_words: string[];
  office_to_body: Record<string, string>; foreign_affairs: string[]; adjectives: string[]; connectors: string[]; adjective_suffixes: string[]; domain_words: string[]; seated_heads?: string[]; quantifiers?: string[]; determiners?: string[]; eponymous_heads?: string[];
}
interface BoilerplateFile { end_markers: string[]; caption_marks: string[]; agency_marks: string[]; disclaimers: string[]; credit_labels: string[] }

export type TitleClass = "office" | "rank" | "honorific" | "modifier";

export interface LangData {
  readonly lang: Lang;
  readonly abbreviations: ReadonlySet<string>;
  readonly titles: PhraseMatcher<TitleClass>;
  readonly officeToBody: ReadonlyMap<string, string>;
  /** "respectivement": the states named before it map in order onto the people named after it */
  readonly respectively: ReadonlySet<string>;
  /** "at", "à": a name right after them with no title is more likely a place than a person */
  readonly placePrepositions: ReadonlySet<string>;
  /** "delegation", "side", "partie": "the Maldivian side was headed by X" makes X Maldivian */
  readonly delegationSides: ReadonlySet<string>;
  readonly triggers: PhraseMatcher<EventKind>;
  readonly reference: PhraseMatcher<true>;
  /** phrases that contain an event word but report no event ("conférence de presse") */
  readonly notEvents: PhraseMatcher<true>;
  /** words before an event that tell of it as already over ("les résultats de ses entretiens") */
  readonly recap: PhraseMatcher<true>;
  /** "dirigée par", "led by": the person after leads a delegation */
  readonly delegationLead: PhraseMatcher<true>;
  readonly delegation: PhraseMatcher<true>;
  /** verbs that report a meeting only with a person as object ("a reçu le ministre", not "a reçu une aide") */
  readonly needPersonAfter: PhraseMatcher<true>;
  /** "à cette occasion", "on the sidelines": what follows happened at the occasion just told */
  readonly sameOccasion: PhraseMatcher<true>;
  /** "les deux ministres", "the two leaders": the people of the occasion just told */
  readonly groupReference: PhraseMatcher<true>;
  /** words that mostly tell what was said at a meeting already reported ("discussed") */
  readonly weakTriggers: PhraseMatcher<true>;
  /** "les deux parties", "the two sides": the article's two states, when a sentence names neither */
  readonly bothSides: PhraseMatcher<true>;
  /** "selon Mme X", "according to X": the person after is the source of the report, not a participant */
  readonly attribution: PhraseMatcher<true>;
  /** "on the sidelines of", "en marge de": what follows is another occurrence beside the one named */
  readonly sidelines: PhraseMatcher<true>;
  /** "entretiens bilatéraux avec A et avec B": one meeting with each counterpart */
  readonly bilateral: PhraseMatcher<true>;
  /** "was", "est": the verb of a clause, which ends the complement of an event noun before it */
  readonly eventClauseVerbs: ReadonlySet<string>;
  /** a verb in the future tense, by its ending ("auront", "rencontreront"): the event is to come */
  readonly isFutureVerb: (norm: string) => boolean;
  /** "said on Wednesday", "a indiqué mercredi": a date right after these is the day of the report, not of an event */
  readonly reporting: PhraseMatcher<true>;
  /** words that introduce what an agreement provides for: the events listed after them are its content, not occurrences */
  readonly provisions: PhraseMatcher<true>;
  readonly definite: ReadonlySet<string>;
  readonly future: PhraseMatcher<true>;
  readonly past: PhraseMatcher<true>;
  readonly ownSide: PhraseMatcher<true>;
  readonly participation: PhraseMatcher<true>;
  readonly agreementKinds: PhraseMatcher<AgreementKind>;
  readonly agreementStatus: PhraseMatcher<"signed" | "referenced" | "planned">;
  readonly genericPlural: ReadonlySet<string>;
  /** agreement nouns whose accents tell them from other words ("traité" / "traite") */
  readonly accentSensitive: ReadonlyMap<string, string[]>;
  readonly titlePrepositions: ReadonlySet<string>;
  /** verbs that, right after 'and'/'et', start a new clause and so end an agreement's title */
  readonly clauseVerbs: ReadonlySet<string>;
  /** "namely", "including", ":": what follows lists items; "fields": the items may be bare fields ("Border; border trade") */
  readonly listCues: PhraseMatcher<"list" | "fields">;
  /** joins a document noun and its field: "cooperation document on border" */
  readonly fieldLink: string;
  /** singular of plural agreement nouns that do not just drop an s ("treaties") */
  readonly singulars: ReadonlyMap<string, string>;
  readonly orgHeads: PhraseMatcher<"head">;
  readonly orgHeadsNeedComplement: ReadonlySet<string>;
  /** "ambassade", "embassy": heads whose name goes on with the city they sit in ("ambassade du Sénégal à Dakar") */
  readonly seatedHeads: ReadonlySet<string>;
  /** "les deux ministères", "of both countries": bodies counted across the parties, no one state's */
  readonly orgQuantifiers: ReadonlySet<string>;
  /** "pour son aide", "for its support": a possessive or demonstrative after a connector ends a body's name */
  readonly orgDeterminers: ReadonlySet<string>;
  /** "institute", "université": heads that may carry a person's name ("Pedro Kourí Institute", "Institut Pasteur") */
  readonly eponymousHeads: ReadonlySet<string>;
  readonly sectorCues: PhraseMatcher<Sector>;
  readonly sectorOrder: readonly Sector[];
  readonly governmentWords: ReadonlySet<string>;
  readonly orgAdjectives: ReadonlySet<string>;
  readonly connectors: ReadonlySet<string>;
  /** endings of adjectives in names of bodies and offices ("culturelles", "économique") */
  readonly adjectiveEnding: RegExp;
  /** nouns that name what a body does ("Security", "Affairs", "Health"): they may end a name before a person's */
  readonly domainWords: ReadonlySet<string>;
  readonly stopwords: ReadonlySet<string>;
  /** ordinary words the spelling dictionary lacks (common-words.json) */
  readonly commonExtra: ReadonlySet<string>;
  readonly stopPhrases: PhraseMatcher<true>;
  readonly endMarkers: ReadonlySet<string>;
  readonly captionMarks: readonly string[];
  readonly agencyMarks: ReadonlySet<string>;
  readonly disclaimers: readonly string[];
  /** "Photo :", "Rédactrice en chef :", "Reporting by": a credit line names no actor */
  readonly creditLine: RegExp;
}

function read<T>(lang: Lang, file: string): T {
  return JSON.parse(readFileSync(new URL(`./${lang}/${file}`, import.meta.url), "utf8")) as T;
}

function futureVerbTest(spec: { suffixes: string[]; except: string[] } | undefined): (norm: string) => boolean {
  if (!spec?.suffixes.length) return () => false;
  const except = new Set(spec.except.map(normalizeWord));
  const suffixes = spec.suffixes.map(normalizeWord);
  return (w) => w.length > 5 && !except.has(w) && suffixes.some((x) => w.endsWith(x));
}

const norm = (s: string) => s.split(/\s+/).map(normalizeWord).join(" ");
const cache = new Map<Lang, LangData>();

export function langData(lang: Lang): LangData {
  const hit = cache.get(lang);
  if (hit) return hit;
  const titles = read<TitlesFile>(lang, "titles.json");
  const events = read<EventsFile>(lang, "events.json");
  const agreements = read<AgreementsFile>(lang, "agreements.json");
  const orgs = read<OrganizationsFile>(lang, "organizations.json");
  const boiler = read<BoilerplateFile>(lang, "boilerplate.json");
  const abbreviations = read<string[]>(lang, "abbreviations.json");
  const stopwords = read<string[]>(lang, "stopwords.json");

  const flags = (list: string[]) => new PhraseMatcher<true>(list.map((p) => [p, true] as [string, true]));
  const titleEntries: [string, TitleClass][] = [
    ...titles.modifiers.map((p) => [p, "modifier"] as [string, TitleClass]),
    ...titles.honorifics.map((p) => [p, "honorific"] as [string, TitleClass]),
    ...titles.ranks.map((p) => [p, "rank"] as [string, TitleClass]),
    ...titles.offices.map((p) => [p, "office"] as [string, TitleClass]),
  ];
  const sectorOrder = Object.keys(orgs.sectors) as Sector[];
  const data: LangData = {
    lang,
    abbreviations: new Set(abbreviations.map((a) => a.toLowerCase())),
    titles: new PhraseMatcher(titleEntries),
    respectively: new Set(titles.respectively.map(normalizeWord)),
    placePrepositions: new Set(titles.place_prepositions.map(normalizeWord)),
    delegationSides: new Set((titles.delegation_sides ?? []).map(normalizeWord)),
    officeToBody: new Map(Object.entries(orgs.office_to_body).map(([k, v]) => [norm(k), v])),
    triggers: new PhraseMatcher(
      (Object.entries(events.triggers) as [EventKind, string[]][]).flatMap(([kind, list]) => list.map((p) => [p, kind] as [string, EventKind])),
    ),
    reference: flags(events.reference),
    notEvents: flags(events.not_events),
    recap: flags(events.recap),
    delegationLead: flags(events.delegation_lead),
    delegation: flags(events.delegation),
    needPersonAfter: flags(events.need_person_after),
    sameOccasion: flags(events.same_occasion),
    groupReference: flags(events.group_reference),
    weakTriggers: flags(events.weak_triggers),
    reporting: flags(events.reporting ?? []),
    bothSides: flags(events.both_sides ?? []),
    attribution: flags(events.attribution ?? []),
    sidelines: flags(events.sidelines ?? []),
    bilateral: flags(events.bilateral ?? []),
    eventClauseVerbs: new Set((events.clause_verbs ?? []).map(normalizeWord)),
    isFutureVerb: futureVerbTest(events.future_suffixes),
    provisions: flags(events.provisions ?? []),
    definite: new Set(events.definite.map(normalizeWord)),
    future: flags(events.future),
    past: flags(events.past),
    ownSide: flags(events.own_side),
    participation: flags(events.participation),
    agreementKinds: new PhraseMatcher(
      (Object.entries(agreements.kinds) as [AgreementKind, string[]][]).flatMap(([kind, list]) => list.map((p) => [p, kind] as [string, AgreementKind])),
    ),
    agreementStatus: new PhraseMatcher([
      ...agreements.signed.map((p) => [p, "signed"] as [string, "signed"]),
      ...agreements.referenced.map((p) => [p, "referenced"] as [string, "referenced"]),
      ...agreements.planned.map((p) => [p, "planned"] as [string, "planned"]),
    ]),
    genericPlural: new Set(agreements.generic_plural.map(norm)),
    accentSensitive: groupByNorm(agreements.accent_sensitive),
    titlePrepositions: new Set(agreements.title_prepositions.map(normalizeWord)),
    clauseVerbs: new Set((agreements.clause_verbs ?? []).map(normalizeWord)),
    listCues: new PhraseMatcher([
      ...agreements.list_cues.map((p) => [p, "list"] as [string, "list"]),
      ...agreements.field_list_cues.map((p) => [p, "fields"] as [string, "fields"]),
    ]),
    fieldLink: agreements.field_link,
    singulars: new Map(Object.entries(agreements.singulars).map(([k, v]) => [normalizeWord(k), v])),
    orgHeads: new PhraseMatcher(orgs.heads.map((p) => [p, "head"] as [string, "head"])),
    orgHeadsNeedComplement: new Set(orgs.heads_need_complement.map(norm)),
    seatedHeads: new Set((orgs.seated_heads ?? []).map(norm)),
    orgQuantifiers: new Set((orgs.quantifiers ?? []).map(norm)),
    orgDeterminers: new Set((orgs.determiners ?? []).map(norm)),
    eponymousHeads: new Set((orgs.eponymous_heads ?? []).map(norm)),
    sectorCues: new PhraseMatcher(
      sectorOrder.flatMap((sector) => orgs.sectors[sector]!.map((p) => [p, sector] as [string, Sector])),
    ),
    sectorOrder,
    governmentWords: new Set(orgs.government_words.map(norm)),
    orgAdjectives: new Set(orgs.adjectives.map(normalizeWord)),
    connectors: new Set(orgs.connectors.map(normalizeWord)),
    domainWords: new Set(orgs.domain_words.map(normalizeWord)),
    adjectiveEnding: new RegExp(`(?:${orgs.adjective_suffixes.map(normalizeWord).sort((a, b) => b.length - a.length).join("|")})$`),
    stopwords: new Set(stopwords.filter((w) => !w.includes(" ")).map(normalizeWord)),
    commonExtra: new Set(read<{ words: string[] }>(lang, "common-words.json").words.map(normalizeWord)),
    stopPhrases: flags(stopwords.filter((w) => w.includes(" "))),
    endMarkers: new Set(boiler.end_markers.map(norm)),
    captionMarks: boiler.caption_marks.map((s) => s.toLowerCase()),
    agencyMarks: new Set(boiler.agency_marks.map(norm)),
    disclaimers: boiler.disclaimers.map((s) => s.toLowerCase()),
    creditLine: new RegExp(`^(?:${boiler.credit_labels.map((l) => l.replace(/[.*+?^${"$"}{}()|[\]\\]/g, "\\$&")).join("|")})\\s*[:：]`, "iu"),
  };
  Object.freeze(data);
  cache.set(lang, data);
  return data;
}

function groupByNorm(words: string[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const w of words) {
    const k = normalizeWord(w);
    m.set(k, [...(m.get(k) ?? []), w.toLowerCase()]);
  }
  return m;
}
