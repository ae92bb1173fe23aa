// The knowledge store's rows and the merged snapshot it is fed with. Shapes follow the output contract
// (ExtractionJson, ../../shared/eval/schema.json); merged records cite the stored articles by their store id.
import type { ExtractionJson } from "../output/to-json.js";

export type EventKind = "meeting" | "visit" | "call" | "conference" | "signing" | "other";
export type AgreementKind = "programme" | "memorandum" | "agreement" | "declaration" | "other";
export type AgreementStatus = "signed" | "referenced" | "planned";

export interface EvidenceSpan {
  start: number;
  end: number;
  text: string;
}

// ---------------------------------------------------------------------------------------------- articles

/** One article as read by a source. `url` or `uri` identifies it (url wins when both are given). */
export interface ArticleRow {
  uri?: string | null;
  url?: string | null;
  outlet?: string | null;
  title?: string | null;
  /** YYYY-MM-DD (or a coarser date of the output contract) */
  published?: string | null;
  language?: string | null;
  /** the raw text as read; its sha256 decides new / unchanged / new-version */
  text: string;
  extraction?: ExtractionJson | null;
}

export type UpsertStatus = "new" | "unchanged" | "new-version";

export interface StoredArticle {
  id: number;
  /** url ?? uri: the identity the versions share */
  key: string;
  uri: string | null;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  language: string | null;
  sha256: string;
  version: number;
  /** id of the next version; null for the current one */
  superseded_by: number | null;
  created_at: string;
  /** absent when listed without text */
  text?: string;
  extraction: ExtractionJson | null;
}

// ---------------------------------------------------------------------------------------------- snapshot

/** A merged entity's id as the merger made it; the store keeps it as a string. */
export type EntityId = string | number;

/** One value of a field and the articles (store ids) that support it. */
export interface FieldSupport<T = unknown> {
  value: T;
  articles: number[];
}

/** Where a merged record comes from: the record `index` in that article's extraction, with its evidence. */
export interface SnapshotSource {
  articleId: number;
  index: number;
  evidence: EvidenceSpan[];
}

export interface SnapshotPerson {
  id: EntityId;
  name: string;
  /** every written form seen (the name itself need not be repeated) */
  variants: string[];
  country: string | null;
  /** offices over time */
  titles: { title: string; date: string | null; article: number | null }[];
  sources?: SnapshotSource[];
}

export interface SnapshotOrganization {
  id: EntityId;
  name: string;
  country: string | null;
  sector: string | null;
}

export interface SnapshotEvent {
  id: EntityId;
  kind: string;
  date: string | null;
  end_date: string | null;
  place_name: string | null;
  place_country: string | null;
  countries: string[];
  areas: string[];
  /** person ids of the snapshot */
  participants: EntityId[];
  /** organization ids of the snapshot */
  organizations?: EntityId[];
  background: boolean;
  sources: SnapshotSource[];
  fields: Record<string, FieldSupport[]>;
  conflicts: unknown[];
}

export interface SnapshotAgreement {
  id: EntityId;
  kind: string;
  title: string | null;
  /** the latest status */
  status: string;
  date: string | null;
  period: { from: number | null; to: number | null } | null;
  countries: string[];
  areas: string[];
  /** organization ids of the snapshot */
  parties: EntityId[];
  background: boolean;
  status_history: { status: string; date: string | null; article: number | null }[];
  sources: SnapshotSource[];
  fields: Record<string, FieldSupport[]>;
  conflicts: unknown[];
}

export interface MergedSnapshot {
  people: SnapshotPerson[];
  organizations: SnapshotOrganization[];
  events: SnapshotEvent[];
  agreements: SnapshotAgreement[];
}

// ---------------------------------------------------------------------------------------------- queries

export interface Page<T> {
  items: T[];
  /** number of rows matching the filters, whatever limit/offset */
  total: number;
  limit: number;
  offset: number;
}

interface Paging {
  /** default 50, at most 1000 */
  limit?: number;
  offset?: number;
  /** by date (then id); default "asc". Undated records come last in "asc". */
  order?: "asc" | "desc";
}

/** Dates are YYYY, YYYY-MM or YYYY-MM-DD; a record matches when its date range overlaps [from, to]. */
export interface EventQuery extends Paging {
  /** ISO3: the country takes part */
  country?: string;
  /** ISO3: ... together with this one */
  with?: string;
  area?: string;
  kind?: string;
  from?: string;
  to?: string;
  /** a person's name in any written form (diacritic-insensitive) or a person id */
  person?: string;
  background?: boolean;
}

export interface AgreementQuery extends Paging {
  country?: string;
  with?: string;
  status?: string;
  kind?: string;
  area?: string;
  from?: string;
  to?: string;
  background?: boolean;
}

export interface SourceRow {
  articleId: number;
  index: number | null;
  evidence: EvidenceSpan[];
  url: string | null;
  uri: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  /** the article has a newer version since */
  superseded: boolean;
}

export interface PersonRef {
  id: string;
  name: string;
  country: string | null;
}

export interface OrganizationRef {
  id: string;
  name: string;
  country: string | null;
  sector: string | null;
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
}

export interface PersonRow {
  id: string;
  name: string;
  country: string | null;
  /** the name and every variant, as written */
  variants: string[];
  /** offices over time, by date (undated last) */
  offices: { title: string; date: string | null; articleId: number | null }[];
  /** events the person took part in, most recent first (at most `eventLimit`, see event_count) */
  events: EventRow[];
  event_count: number;
  /** articles that cite the person: its own sources (with evidence), then those of its offices and events */
  sources: SourceRow[];
}

export interface PersonOptions {
  /** default 200 */
  eventLimit?: number;
}

export type SearchKind = "article" | "person" | "organization" | "agreement";

export interface SearchHit {
  kind: SearchKind;
  /** article id (as a string) or entity id */
  id: string;
  /** article title or entity name */
  title: string | null;
  /** a window of the raw text (article text, or name and variants) around the matches, diacritics kept */
  snippet: string;
  /** [start, end) of each matching word inside `snippet` */
  highlights: [number, number][];
  /** higher is better; comparable within a kind only */
  score: number;
  article?: { id: number; url: string | null; uri: string | null; outlet: string | null; published: string | null };
}

export interface StoreStats {
  /** current articles (latest versions) */
  articles: number;
  events: number;
  agreements: number;
  people: number;
  organizations: number;
  /** all stored article versions */
  article_versions: number;
}

export interface ListArticlesOptions {
  includeSuperseded?: boolean;
  /** default true */
  withText?: boolean;
}
