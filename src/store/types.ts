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
  /** default: every record but the rejected ones */
  review?: ReviewFilter;
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
  /** default: every record but the rejected ones */
  review?: ReviewFilter;
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

// ---------------------------------------------------------------------------------------------- web views

export type ReviewStatus = "unreviewed" | "confirmed" | "rejected";
/** which records a list shows by review status; lists leave rejected records out unless asked */
export type ReviewFilter = "all" | ReviewStatus;

export interface Review {
  status: ReviewStatus;
  by: string | null;
  at: string | null;
  note: string | null;
}

export type CorrectionTarget = "event" | "agreement" | "person";
export type CorrectionAction = "review" | "edit" | "merge" | "split";

/** An editor's correction, stored apart from the merged records and applied to them after every merge. */
export interface Correction {
  id: number;
  target_kind: CorrectionTarget;
  /** the record's id when the correction was made */
  target_id: string;
  action: CorrectionAction;
  /** what was changed, with the values it replaced under `original` */
  payload: Record<string, unknown>;
  by: string;
  at: string;
  /** the id of the record it applies to now (ids change on re-extraction); null when no record matches its anchor */
  attached_to: string | null;
  /**
   * what re-attaches it: for an event or agreement, the article key (url ?? uri) of its first source and its first
   * evidence text; for a person, the folded name and the country
   */
  anchor: { article: string | null; text: string | null } | { name: string | null; country: string | null };
}

export interface EventDetail extends EventRow {
  review: Review;
  corrections: Correction[];
}

export interface AgreementDetail extends AgreementRow {
  review: Review;
  corrections: Correction[];
}

export interface PersonDetail extends PersonRow {
  corrections: Correction[];
}

export interface PeopleQuery {
  /** diacritic-insensitive: matches any part of any written form */
  q?: string;
  country?: string;
  limit?: number;
  offset?: number;
}

export interface PersonSummary {
  id: string;
  name: string;
  country: string | null;
  variants: string[];
  event_count: number;
}

export interface OrganizationQuery {
  q?: string;
  country?: string;
  sector?: string;
  limit?: number;
  offset?: number;
}

export interface OrganizationSummary {
  id: string;
  name: string;
  country: string | null;
  sector: string | null;
  event_count: number;
  agreement_count: number;
}

export interface OrganizationDetail extends OrganizationSummary {
  /** most recent first, at most 50 (see event_count) */
  events: EventRow[];
  /** most recent first, at most 50 (see agreement_count) */
  agreements: AgreementRow[];
}

/** events and agreements a country (or a pair, an area) takes part in, rejected records left out */
export interface CountryCount {
  code: string;
  events: number;
  agreements: number;
}

export interface CountryDetail extends CountryCount {
  /** the countries it shares records with, by events desc */
  partners: CountryCount[];
}

export interface PairQuery {
  from?: string;
  to?: string;
  area?: string;
  /** records of each kind returned, most recent first (default 50, at most 1000); the totals count them all */
  limit?: number;
}

export interface PairDossier {
  a: string;
  b: string;
  events: EventRow[];
  event_total: number;
  agreements: AgreementRow[];
  agreement_total: number;
  /** events per area and year (undated events left out) */
  areas_by_year: { year: string; areas: Record<string, number> }[];
  /** the people who took part in the pair's events, by events desc (at most 50) */
  officials: { id: string; name: string; country: string | null; events: number }[];
}

export interface NetworkQuery {
  area?: string;
  from?: string;
  to?: string;
  /** event kind (agreements are counted whatever their kind) */
  kind?: string;
}

export interface Network {
  nodes: CountryCount[];
  edges: { a: string; b: string; events: number; agreements: number; areas: Record<string, number> }[];
}

export interface AreaCount {
  code: string;
  events: number;
  agreements: number;
}

export interface CorrectionQuery {
  /** a record id: the corrections made on it or attached to it now */
  target?: string;
  limit?: number;
  offset?: number;
}

export type Role = "editor" | "reader";

export interface User {
  id: number;
  username: string;
  role: Role;
}

export interface NewCorrection {
  target_kind: CorrectionTarget;
  target_id: string;
  action: CorrectionAction;
  /**
   * review: {status: "confirmed"|"rejected", note?}; edit: {fields: {...}}; merge (person): {ids: [other, ...]}
   * (the target is kept); split (person): {variants: [...]}
   */
  payload: Record<string, unknown>;
  by: string;
}
