// The HTTP API's shapes as the browser sees them (docs/api.md; rows as in src/store/types.ts). Kept apart from
// the store's module so that the browser build does not type-check the Node side.

export interface Evidence { start: number; end: number; text: string }
export interface FieldSupport { value: unknown; articles: number[] }
export interface Named { en: string; fr: string }

export interface SourceRow {
  articleId: number;
  index: number | null;
  evidence: Evidence[];
  url: string | null;
  uri: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  superseded: boolean;
}

export interface PersonRef { id: string; name: string; country: string | null }
export interface OrganizationRef { id: string; name: string; country: string | null; sector: string | null }

export interface Review { status: "unreviewed" | "confirmed" | "rejected"; by: string | null; at: string | null; note: string | null }

export interface Correction {
  id: string | number;
  target_kind: "event" | "agreement" | "person";
  target_id: string;
  action: "review" | "edit" | "merge" | "split";
  payload: unknown;
  by: string;
  at: string;
  attached_to?: string | null;
}

export interface EventRow {
  id: string;
  kind: string;
  date: string | null;
  end_date: string | null;
  place_name: string | null;
  place_country: string | null;
  countries: string[];
  areas: string[];
  participants: PersonRef[];
  organizations: OrganizationRef[];
  background: boolean;
  sources: SourceRow[];
  fields: Record<string, FieldSupport[]>;
  conflicts: unknown[];
  review?: Review;
  corrections?: Correction[];
}

export interface AgreementRow {
  id: string;
  kind: string;
  title: string | null;
  status: string;
  date: string | null;
  period: { from: number | null; to: number | null } | null;
  countries: string[];
  areas: string[];
  parties: OrganizationRef[];
  background: boolean;
  status_history: { status: string; date: string | null; articleId: number | null }[];
  sources: SourceRow[];
  fields: Record<string, FieldSupport[]>;
  conflicts: unknown[];
  review?: Review;
  corrections?: Correction[];
}

export interface PersonRow {
  id: string;
  name: string;
  country: string | null;
  variants: string[];
  offices: { title: string; date: string | null; articleId: number | null }[];
  events: EventRow[];
  event_count: number;
  sources: SourceRow[];
  corrections?: Correction[];
}

export interface OrganizationRow {
  id: string;
  name: string;
  country: string | null;
  sector: string | null;
  events: EventRow[];
  agreements: AgreementRow[];
}

export interface Page<T> { items: T[]; total: number; limit: number; offset: number }

export interface PersonSummary { id: string; name: string; country: string | null; variants: string[]; event_count: number }
export interface OrganizationSummary { id: string; name: string; country: string | null; sector: string | null; event_count: number; agreement_count: number }

export interface CountryItem { code: string; name: Named; events: number; agreements: number }
export interface CountryDetail extends CountryItem {
  partners: { code: string; name: Named | string; events: number; agreements: number }[];
}
export interface AreaItem { code: string; label: Named; events: number; agreements: number }

export interface NetworkNode { code: string; name: Named; events: number }
export interface NetworkEdge { a: string; b: string; events: number; agreements: number; areas: Record<string, number> }
export interface Network { nodes: NetworkNode[]; edges: NetworkEdge[] }

export interface PairDossier {
  a: { code: string; name: Named | string };
  b: { code: string; name: Named | string };
  events: EventRow[];
  agreements: AgreementRow[];
  areas_by_year: { year: number | string; areas: Record<string, number> }[];
  officials: { id: string; name: string; country: string | null; events: number }[];
}

export interface SearchHit {
  kind: "article" | "person" | "organization" | "agreement";
  id: string;
  title: string | null;
  snippet: string;
  highlights: [number, number][];
  score: number;
  article?: { id: number; url: string | null; uri: string | null; outlet: string | null; published: string | null };
}

export interface StoredArticle {
  id: number;
  key: string;
  uri: string | null;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  language: string | null;
  version: number;
  superseded_by: number | null;
  text?: string;
}

export interface User { username: string; role: "editor" | "reader" | string }
