// Turns what the merger made of the stored articles into the snapshot the store writes: merged records with
// store article ids, sources with their evidence, and the bodies (organizations) the records point at.
import type { MergeResult } from "../merge/index.js";
import type { EvidenceSpan, FieldSupport, MergedSnapshot, SnapshotOrganization, StoredArticle } from "../store/store.js";

interface Extraction {
  events?: { evidence?: EvidenceSpan[]; organizations?: { name: string; country: string | null; sector: string }[] }[];
  agreements?: { evidence?: EvidenceSpan[]; parties?: { name: string; country: string | null; sector: string }[] }[];
  organizations?: { name: string; country: string | null; sector: string }[];
  areas?: { code: string }[];
}

export function toSnapshot(merged: MergeResult, articles: readonly StoredArticle[]): MergedSnapshot {
  const byId = new Map(articles.map((a) => [String(a.id), a]));
  const ex = (article: string) => (byId.get(article)?.extraction ?? {}) as Extraction;
  const num = (article: string) => Number(article);
  const fields = (f: Record<string, { value: unknown; articles: string[] }[]>): Record<string, FieldSupport[]> =>
    Object.fromEntries(Object.entries(f).map(([k, vs]) => [k, vs.map((v) => ({ value: v.value, articles: v.articles.map(num) }))]));

  // one organization record per (name, state, sector) across articles
  const orgs = new Map<string, SnapshotOrganization>();
  const orgId = (o: { name: string; country: string | null; sector: string | null }): string => {
    const key = `${o.name.toLowerCase().replace(/\s+/g, " ")}|${o.country ?? ""}|${o.sector ?? ""}`;
    let rec = orgs.get(key);
    if (!rec) {
      rec = { id: `org-${orgs.size + 1}`, name: o.name, country: o.country, sector: o.sector };
      orgs.set(key, rec);
    }
    return String(rec.id);
  };
  for (const a of articles) for (const o of (a.extraction as Extraction | null)?.organizations ?? []) orgId(o);

  const snapshot: MergedSnapshot = {
    people: merged.people.map((p) => ({
      id: p.id,
      name: p.name,
      variants: p.variants,
      country: p.country,
      titles: p.titles.map((t) => ({ title: t.title, date: t.date, article: num(t.article) })),
    })),
    organizations: [],
    events: merged.events.map((e) => {
      const areas = new Set<string>();
      const organizations = new Set<string>();
      for (const s of e.sources) {
        for (const a of ex(s.article).areas ?? []) areas.add(a.code);
        for (const o of ex(s.article).events?.[s.index]?.organizations ?? []) organizations.add(orgId(o));
      }
      return {
        id: e.id,
        kind: e.kind,
        date: e.date,
        end_date: e.end_date,
        place_name: e.place?.name ?? null,
        place_country: e.place?.country ?? null,
        countries: e.countries,
        areas: [...areas],
        participants: e.participants,
        organizations: [...organizations],
        background: e.background,
        sources: e.sources.map((s) => ({ articleId: num(s.article), index: s.index, evidence: ex(s.article).events?.[s.index]?.evidence ?? [] })),
        fields: fields(e.fields),
        conflicts: e.conflicts,
      };
    }),
    agreements: merged.agreements.map((a) => {
      const areas = new Set<string>();
      for (const s of a.sources) for (const x of ex(s.article).areas ?? []) areas.add(x.code);
      return {
        id: a.id,
        kind: a.kind,
        title: a.title,
        status: a.status,
        date: a.date,
        period: a.period,
        countries: a.countries,
        areas: [...areas],
        parties: a.parties.map(orgId),
        background: a.sources.every((s) => (ex(s.article).agreements?.[s.index] as { background?: boolean } | undefined)?.background === true),
        status_history: a.history.map((h) => ({ status: h.status, date: h.date, article: num(h.article) })),
        sources: a.sources.map((s) => ({ articleId: num(s.article), index: s.index, evidence: ex(s.article).agreements?.[s.index]?.evidence ?? [] })),
        fields: fields(a.fields),
        conflicts: a.conflicts,
      };
    }),
  };
  // every body met while building the records, those of the articles' organization lists included
  snapshot.organizations = [...orgs.values()];
  return snapshot;
}
