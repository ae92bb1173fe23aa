// Cross-article merging: what several articles say, as one record per real person, event and agreement,
// with the articles behind every field value and the conflicts between them. Pure functions, no storage.
//
//   const m = mergeArticles([{ id, published, text, extraction }, ...]);
//   m.eventIdOf("fr-002", 0)  // the merged event that article's events[0] belongs to
import { mergeAgreements, type AgreementReport } from "./agreements.js";
import { datesClash } from "./dates.js";
import { eventClass, mergeEvents, type EventReport } from "./events.js";
import { nearDuplicates } from "./minhash.js";
import { mergePeople, nameKey, sameNameForm, type PersonMention } from "./names.js";
import { readAgreement, readEvent, readPerson, type ArticleInput, type MergeResult, type PersonRef } from "./types.js";
import { words } from "./util.js";

export type {
  ArticleInput, MergeResult, MergedPerson, MergedEvent, MergedAgreement, Duplicate, FieldValue, SourceRef, TitleAt,
  StatusAt, PlaceRef, OrgRef,
} from "./types.js";
export { nearDuplicates, shingles, signature, similarity } from "./minhash.js";
export { nameKey, sameNameForm, mergePeople } from "./names.js";
export { eventClass } from "./events.js";

const publishedOf = (a: ArticleInput): string | null => a.published ?? a.extraction.document?.published ?? null;
const bodyText = (a: ArticleInput): string =>
  a.text ?? (Array.isArray(a.extraction.document?.body) ? a.extraction.document.body.map((s) => s.text).join("\n") : "");

export function mergeArticles(input: readonly ArticleInput[]): MergeResult {
  // every order below derives from article ids and item indexes, never from the order of the input
  const articles = [...input].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const seenIds = new Set<string>();
  for (const a of articles) {
    if (seenIds.has(a.id)) throw new Error(`mergeArticles: article id "${a.id}" given twice`);
    seenIds.add(a.id);
  }

  // ---- people: the article's people, plus participants it does not list
  const mentions: PersonMention[] = [];
  /** per article: participant name -> mention number */
  const participantMention = new Map<string, Map<string, number>>();
  for (const a of articles) {
    const published = publishedOf(a);
    const own: number[] = [];
    for (const x of a.extraction.people ?? []) {
      const p = readPerson(x);
      if (!p) continue;
      own.push(mentions.length);
      mentions.push({ article: a.id, name: p.name, aliases: p.aliases, country: p.country, titles: p.titles, published });
    }
    const byName = new Map<string, number>();
    const resolve = (ref: PersonRef): void => {
      const key = `${ref.name}\u0000${ref.country ?? ""}`;
      if (byName.has(key)) return;
      const fold = words(ref.name).join(" ");
      let hit = own.find((k) => words(mentions[k]!.name).join(" ") === fold);
      hit ??= own.find((k) => mentions[k]!.aliases.some((al) => words(al).join(" ") === fold) &&
        (!ref.country || !mentions[k]!.country || ref.country === mentions[k]!.country));
      if (hit === undefined) {
        const rk = nameKey(ref.name);
        const fitting = own.filter((k) => sameNameForm(rk, ref.country, nameKey(mentions[k]!.name), mentions[k]!.country));
        if (fitting.length === 1) hit = fitting[0];
      }
      if (hit === undefined) {
        hit = mentions.length;
        mentions.push({ article: a.id, name: ref.name, aliases: [], country: ref.country, titles: [], published });
        own.push(hit);
      }
      byName.set(key, hit);
    };
    for (const x of a.extraction.events ?? []) readEvent(x)?.participants.forEach(resolve);
    participantMention.set(a.id, byName);
  }
  const people = mergePeople(mentions);

  // ---- near-duplicate articles
  const duplicates = nearDuplicates(articles.map((a) => ({ id: a.id, text: bodyText(a) })));
  const dupKeys = new Set(duplicates.map((d) => `${d.a}\u0000${d.b}`));

  // ---- events
  const eventReports: EventReport[] = [];
  for (const a of articles) {
    const published = publishedOf(a);
    const byName = participantMention.get(a.id)!;
    (a.extraction.events ?? []).forEach((x, index) => {
      const view = readEvent(x);
      if (!view) return;
      const ppl = new Map<string, string | null>();
      for (const p of view.participants) {
        const k = byName.get(`${p.name}\u0000${p.country ?? ""}`);
        if (k === undefined) continue;
        const id = people.idOf(k);
        ppl.set(id, p.country ?? mentions[k]!.country ?? ppl.get(id) ?? null);
      }
      eventReports.push({ article: a.id, index, view, people: ppl, published });
    });
  }
  const ev = mergeEvents(eventReports, dupKeys);
  const eventIds = new Map<string, string>();
  eventReports.forEach((r, k) => eventIds.set(`${r.article}#${r.index}`, ev.idOf(k)));

  // ---- agreements; articles that share a merged event report the same occasion
  const affine = new Set(dupKeys);
  for (const e of ev.events) {
    const arts = [...new Set(e.sources.map((s) => s.article))].sort();
    if (arts.length > 40) continue;
    for (let i = 0; i < arts.length; i++) for (let j = i + 1; j < arts.length; j++) affine.add(`${arts[i]}\u0000${arts[j]}`);
  }
  const agreementReports: AgreementReport[] = [];
  for (const a of articles) {
    const published = publishedOf(a);
    (a.extraction.agreements ?? []).forEach((x, index) => {
      const view = readAgreement(x);
      if (view) agreementReports.push({ article: a.id, index, view, published });
    });
  }
  const ag = mergeAgreements(agreementReports, affine);
  const agreementIds = new Map<string, string>();
  agreementReports.forEach((r, k) => agreementIds.set(`${r.article}#${r.index}`, ag.idOf(k)));

  // an agreement's signing: the signing events of the articles that report it signed
  const signingsByArticle = new Map<string, EventReport[]>();
  for (const r of eventReports) {
    if (eventClass(r.view.kind) !== "SIGN") continue;
    const l = signingsByArticle.get(r.article);
    if (l) l.push(r);
    else signingsByArticle.set(r.article, [r]);
  }
  const reportOf = new Map(agreementReports.map((r) => [`${r.article}#${r.index}`, r]));
  for (const m of ag.agreements) {
    const ids = new Set<string>();
    for (const s of m.sources) {
      const r = reportOf.get(`${s.article}#${s.index}`)!;
      if (r.view.status !== "signed" || r.view.background) continue;
      for (const e of signingsByArticle.get(s.article) ?? []) {
        const shared = e.view.countries.filter((c) => r.view.countries.includes(c)).length;
        if (shared >= Math.min(2, r.view.countries.length) && !datesClash(e.view.date, r.view.date)) ids.add(eventIds.get(`${e.article}#${e.index}`)!);
      }
    }
    m.signings = [...ids].sort();
  }

  const lookup = (map: Map<string, string>, what: string) => (article: string, index: number): string => {
    const id = map.get(`${article}#${index}`);
    if (id === undefined) throw new Error(`no ${what} ${index} in article "${article}"`);
    return id;
  };
  return {
    people: people.people,
    events: ev.events,
    agreements: ag.agreements,
    duplicates,
    eventIdOf: lookup(eventIds, "event"),
    agreementIdOf: lookup(agreementIds, "agreement"),
  };
}
