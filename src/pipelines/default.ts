// The default extraction pipeline: the list of stages, in order, each declaring the layers it reads
// and writes (checked when the pipeline is built). Resources (language data, lexicons) are loaded once
// per language and shared by every document.
import { Pipeline, type Stage } from "../core/stage.js";
import { composeMaps } from "../core/offset-map.js";
import type { Doc } from "../core/doc.js";
import type { SentenceSpan } from "../core/annotations.js";
import { langData, type Lang } from "../lang/index.js";
import { detectLanguage } from "../ingest/language.js";
import { repairGluedWords, loadGlueLexicon } from "../clean/glued-words.js";
import { findZones } from "../clean/boilerplate.js";
import { splitSentences } from "../segment/sentences.js";
import { tokenize, tokenAt } from "../segment/tokens.js";
import { findPlaces } from "../recognize/places.js";
import { findDates, findPublicationDate, findReleaseDate } from "../recognize/dates.js";
import { findDateline } from "../recognize/dateline.js";
import { buildTokenIndex } from "../recognize/token-index.js";
import { OrgRegistry, findOrganizations } from "../recognize/organizations.js";
import { findPeople } from "../recognize/people.js";
import { orgsFromTitles } from "../recognize/title-orgs.js";
import { findHome, settleHomeBodies, settleHomeCountries } from "../recognize/home-country.js";
import { extractEvents } from "../extract/events.js";
import { extractAgreements } from "../extract/agreements.js";
import { detectAreas } from "../extract/areas.js";
import { commonWords, nameForms } from "../recognize/common-words.js";
import type { TokenIndex } from "../recognize/token-index.js";

// News reports the past: a day-month more than a few days after publication belongs to the year before.
const FUTURE_TOLERANCE_DAYS = 7;

const stage = (name: string, reads: string[], writes: string[], run: (doc: Doc) => void): Stage => ({ name, reads, writes, run });

// per-document scratch shared between stages that is not part of the output
const indexes = new WeakMap<Doc, TokenIndex>();
const titleRanges = new WeakMap<Doc, { person: number; first: number; last: number }[]>();
const registries = new WeakMap<Doc, OrgRegistry>();

export function defaultStages(): Stage[] {
  return [
    stage("language", ["text", "meta"], ["lang"], (doc) => {
      const forced = doc.meta.language?.slice(0, 2).toLowerCase();
      doc.lang = forced === "fr" || forced === "en" ? forced : detectLanguage(doc.text);
    }),
    stage("glued-words", ["text", "lang"], ["text"], (doc) => {
      const r = repairGluedWords(doc.text, doc.lang, loadGlueLexicon(doc.lang));
      if (r.repairs.length) {
        doc.map = composeMaps(r.map, doc.map);
        doc.text = r.text;
      }
    }),
    stage("zones", ["text", "lang"], ["zones", "title"], (doc) => {
      const z = findZones(doc.text, langData(doc.lang));
      doc.zones = z.zones;
      doc.title = z.title;
    }),
    stage("sentences", ["zones"], ["sentences", "tokens"], (doc) => {
      const data = langData(doc.lang);
      const t = tokenize(doc.text);
      doc.tokens = t;
      const out: SentenceSpan[] = [];
      for (const z of doc.zones!) {
        for (const s of splitSentences(doc.text, data.abbreviations, z.start, z.end)) {
          const first = tokenAt(t, s.start);
          const last = tokenAt(t, s.end);
          out.push({ start: s.start, end: s.end, zone: z.kind, first, last });
        }
      }
      doc.sentences = out;
    }),
    stage("places", ["tokens"], ["places"], (doc) => {
      doc.places = findPlaces(doc.text, doc.lang).map((p) => ({ start: p.start, end: p.end, kind: p.kind, iso3: p.iso3, id: p.id, name: p.name }));
    }),
    stage("dates", ["sentences", "places"], ["dates", "dateline"], (doc) => {
      let published = doc.meta.published;
      if (!published) {
        const stamp = findPublicationDate(doc.text, doc.lang) ?? dateLine(doc);
        if (stamp) published = stamp;
      }
      doc.dates = findDates(doc.text, doc.lang, { published, futureToleranceDays: FUTURE_TOLERANCE_DAYS });
      doc.dateline = findDateline(doc.text, doc.zones!, doc.places!, doc.dates);
      // the dateline's day (else that of a reproduced press release) is the day of the report: weekdays and
      // "hier" count from it
      const anchor = doc.dateline?.date ?? findReleaseDate(doc.text, doc.lang);
      if (anchor) {
        doc.dates = findDates(doc.text, doc.lang, { published, anchor, futureToleranceDays: FUTURE_TOLERANCE_DAYS });
        doc.dateline = findDateline(doc.text, doc.zones!, doc.places!, doc.dates);
      }
      (doc.meta as { published: string | null }).published = published;
    }),
    stage("organizations", ["places", "sentences", "dates"], ["orgs"], (doc) => {
      const index = buildTokenIndex(doc.tokens!, doc.places!, doc.sentences!);
      indexes.set(doc, index);
      const registry = new OrgRegistry();
      registries.set(doc, registry);
      // the agency that signs the dateline ("(Prensa Latina)") is a news medium, not a person's name
      if (doc.dateline) {
        const line = doc.text.slice(doc.dateline.start, doc.dateline.end);
        const open = line.indexOf("(");
        const close = line.indexOf(")", open + 1);
        if (open >= 0 && close > open + 1) {
          const start = doc.dateline.start + open + 1;
          const end = doc.dateline.start + close;
          const k = registry.add(doc.text.slice(start, end), doc.dateline.agencyCountry, "MED", start, end);
          const t = doc.tokens!;
          for (let i = 0; i < t.n; i++) if (t.start[i]! >= start && t.end[i]! <= end) index.orgOf[i] = k;
        }
      }
      const r = findOrganizations(
        { text: doc.text, t: doc.tokens!, sentences: doc.sentences!, places: doc.places!, index, data: langData(doc.lang), isCommon: commonWords(doc.lang), dates: doc.dates },
        registry,
      );
      doc.orgs = r.orgs;
      doc.orgMentions = r.mentions;
    }),
    stage("people", ["orgs", "places"], ["people"], (doc) => {
      const index = indexes.get(doc)!;
      const data = langData(doc.lang);
      const r = findPeople({ text: doc.text, t: doc.tokens!, sentences: doc.sentences!, places: doc.places!, orgs: doc.orgs!, index, data, isCommon: commonWords(doc.lang), isNameForm: nameForms(doc.lang) });
      doc.people = r.people;
      doc.personMentions = r.mentions;
      titleRanges.set(doc, r.titleRanges);
    }),
    stage("home-country", ["people", "orgs", "dateline", "meta"], ["home", "people", "orgs"], (doc) => {
      const home = findHome(doc.dateline ?? null, doc.meta.url);
      doc.home = settleHomeCountries(doc.people!, doc.personMentions!, doc.sentences!, doc.places!, home);
    }),
    stage("title-organizations", ["people", "orgs", "home"], ["orgs"], (doc) => {
      orgsFromTitles(doc.text, doc.tokens!, langData(doc.lang), doc.people!, titleRanges.get(doc)!, registries.get(doc)!);
      // after the titles: a body named in a holder's title is the holder's state's, wherever the story is told
      settleHomeBodies(doc.orgs!, doc.places!, doc.home ?? null);
    }),
    stage("events", ["people", "orgs", "dates", "dateline"], ["events", "agreements"], (doc) => {
      const ctx = {
        text: doc.text, t: doc.tokens!, data: langData(doc.lang), sentences: doc.sentences!, places: doc.places!, dates: doc.dates!,
        dateline: doc.dateline ?? null, orgs: doc.orgs!, orgMentions: doc.orgMentions!, people: doc.people!, index: indexes.get(doc)!,
        published: doc.meta.published,
      };
      doc.events = extractEvents(ctx);
      doc.agreements = extractAgreements(ctx, doc.events);
    }),
    stage("areas", ["sentences"], ["areas"], (doc) => {
      const body = doc.sentences!.filter((s) => s.zone === "body").map((s) => ({ start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) }));
      doc.areas = detectAreas(body, doc.lang);
    }),
  ];
}

let shared: Pipeline | null = null;
export function defaultPipeline(): Pipeline {
  return (shared ??= new Pipeline(defaultStages()));
}

export type { Lang };

/** A line near the top that is only a full date ("23/01/2019 - 10:43", "Mardi 12 mars 2024") is the page's date stamp. */
function dateLine(doc: Doc): string | null {
  let n = 0;
  for (const z of doc.zones ?? []) {
    if (++n > 8) break;
    const line = doc.text.slice(z.start, z.end);
    if (line.length > 60) continue;
    for (const d of findDates(line, doc.lang, {})) {
      if (d.value && /^\d{4}-\d{2}-\d{2}$/.test(d.value) && d.end - d.start >= 0.5 * line.replace(/[\s\d:h-]+$/u, "").length) return d.value;
    }
  }
  return null;
}
