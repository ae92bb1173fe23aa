// The output contract (../shared/eval/schema.json): every fact with evidence spans into the raw input.
import { type Doc, toRaw } from "../core/doc.js";
import type { EvidenceSpan } from "../core/span.js";

export interface ExtractionJson {
  document: {
    id: string;
    language: string;
    title: string | null;
    published: string | null;
    dateline: { place: string | null; country: string | null; date: string | null } | null;
    url?: string | null;
    body: EvidenceSpan[];
  };
  people: unknown[];
  organizations: unknown[];
  events: unknown[];
  agreements: unknown[];
  areas: unknown[];
}

export function toJson(doc: Doc): ExtractionJson {
  const ev = (spans: { start: number; end: number }[]) => dedupe(spans).map((s) => toRaw(doc, s.start, s.end));
  const people = doc.people ?? [];
  const orgs = doc.orgs ?? [];
  const personRef = (k: number) => ({ name: people[k]!.name, country: people[k]!.country });
  const orgRef = (k: number) => ({ name: orgs[k]!.name, country: orgs[k]!.country, sector: orgs[k]!.sector });
  const title = doc.title ? doc.text.slice(doc.title.start, doc.title.end) : doc.meta.title;
  return {
    document: {
      id: doc.meta.id,
      language: doc.lang,
      title: title ?? null,
      published: doc.meta.published,
      dateline: doc.dateline ? { place: doc.dateline.place, country: doc.dateline.country, date: doc.dateline.date } : null,
      url: doc.meta.url,
      body: ev((doc.zones ?? []).filter((z) => z.kind === "body")),
    },
    people: people.map((p) => ({
      name: p.name,
      aliases: p.aliases,
      country: p.country,
      titles: p.titles,
      organization: p.organization != null ? orgs[p.organization]?.name ?? null : null,
      mentions: ev(p.mentions),
    })),
    organizations: orgs.map((o) => ({ name: o.name, country: o.country, sector: o.sector, mentions: ev(o.mentions) })),
    events: (doc.events ?? []).map((e) => ({
      kind: e.kind,
      date: e.date,
      ...(e.endDate ? { end_date: e.endDate } : {}),
      place: e.place,
      participants: e.participants.map(personRef),
      organizations: e.organizations.map(orgRef),
      countries: e.countries,
      background: e.background,
      evidence: ev(e.evidence),
    })),
    agreements: (doc.agreements ?? []).map((a) => ({
      kind: a.kind,
      title: a.title,
      status: a.status,
      date: a.date,
      period: a.period,
      countries: a.countries,
      parties: a.parties.map(orgRef),
      areas: a.areas,
      background: a.background,
      evidence: ev(a.evidence),
    })),
    areas: (doc.areas ?? []).map((a) => ({ code: a.code, evidence: ev(a.evidence) })),
  };
}

function dedupe(spans: { start: number; end: number }[]): { start: number; end: number }[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const k = `${s.start}:${s.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
