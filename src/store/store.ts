// The knowledge store: articles (versioned by content) and the merged records built from them, behind one interface
// with two backends, SQLite (a file or :memory:) and PostgreSQL.
import type {
  AgreementDetail,
  AreaCount,
  Correction,
  CorrectionQuery,
  CountryCount,
  CountryDetail,
  EventDetail,
  Network,
  NetworkQuery,
  NewCorrection,
  OrganizationDetail,
  OrganizationQuery,
  OrganizationSummary,
  PairDossier,
  PairQuery,
  PeopleQuery,
  PersonDetail,
  PersonSummary,
  Role,
  User,
  AgreementQuery,
  AgreementRow,
  ArticleRow,
  EventQuery,
  EventRow,
  ListArticlesOptions,
  MergedSnapshot,
  Page,
  PersonOptions,
  PersonRow,
  SearchHit,
  StoreStats,
  StoredArticle,
  UpsertStatus,
} from "./types.js";
import type { Dialect } from "./db.js";

export interface Store {
  readonly dialect: Dialect;
  /** applies the missing schema versions (all of them, or those up to `upTo`); running it again changes nothing */
  migrate(upTo?: number): Promise<void>;
  /** the schema versions applied, ascending */
  schemaVersions(): Promise<number[]>;
  /**
   * Keyed by url (else uri) and the sha256 of the text: the same text again is "unchanged" (a given extraction and
   * metadata then replace the stored ones), another text makes the next version and supersedes the current one.
   */
  upsertArticle(a: ArticleRow): Promise<{ id: number; status: UpsertStatus }>;
  /** upsertArticle for each, in order, in one transaction; a row that fails gets its error and the others are kept */
  upsertArticles(rows: readonly ArticleRow[]): Promise<({ id: number; status: UpsertStatus } | { error: string })[]>;
  article(id: number): Promise<StoredArticle | null>;
  /** current versions by default, by id */
  listArticles(opts?: ListArticlesOptions): Promise<StoredArticle[]>;
  /** replaces every merged record in one transaction: on any error the previous snapshot stays as it was */
  replaceMerged(m: MergedSnapshot): Promise<void>;
  events(q?: EventQuery): Promise<Page<EventRow>>;
  agreements(q?: AgreementQuery): Promise<Page<AgreementRow>>;
  /** people one of whose written names matches, ignoring case, diacritics and punctuation; or the person of that id */
  person(name: string, opts?: PersonOptions): Promise<PersonRow[]>;
  /** every word must match (diacritic-insensitive): entity names first, then current article texts */
  search(text: string, limit?: number): Promise<SearchHit[]>;
  stats(): Promise<StoreStats>;
  /** changes whenever what a reader can see changes (articles, merged records, corrections): a cache key */
  generation(): Promise<string>;

  // the web app's views (rejected records are left out of every count)
  /** by id, rejected or not, with its review state and corrections */
  event(id: string): Promise<EventDetail | null>;
  agreement(id: string): Promise<AgreementDetail | null>;
  /** by id only (person() also takes names) */
  personById(id: string, opts?: PersonOptions): Promise<PersonDetail | null>;
  /** by name */
  people(q?: PeopleQuery): Promise<Page<PersonSummary>>;
  /** by name */
  organizations(q?: OrganizationQuery): Promise<Page<OrganizationSummary>>;
  organization(id: string): Promise<OrganizationDetail | null>;
  /** the countries that occur, by events desc */
  countries(): Promise<CountryCount[]>;
  country(code: string): Promise<CountryDetail>;
  pair(a: string, b: string, q?: PairQuery): Promise<PairDossier>;
  network(q?: NetworkQuery): Promise<Network>;
  /** the area codes that occur, by events desc */
  areas(): Promise<AreaCount[]>;
  /** computes the aggregates most asked for (countries, areas, the whole network) ahead of time */
  warm(): Promise<void>;

  // corrections: kept apart from the merged records, applied now and again after every replaceMerged
  /** most recent first */
  corrections(q?: CorrectionQuery): Promise<Page<Correction>>;
  /** records and applies a correction; throws CorrectionError (code not_found | bad_request) */
  addCorrection(c: NewCorrection): Promise<Correction>;

  // accounts (hashing is the caller's: see src/accounts/)
  /** throws when the username is taken */
  addUser(u: { username: string; role: Role; password_hash: string }): Promise<User>;
  userCredentials(username: string): Promise<(User & { password_hash: string }) | null>;
  /** stores the sha256 of a token for the user, valid until `expiresAt` (ISO, UTC; null: no end); false when there is no such user */
  addToken(username: string, tokenHash: string, label?: string | null, expiresAt?: string | null): Promise<boolean>;
  /** the user of a token neither revoked nor expired at `now` (ISO, UTC; default: the current time), or null */
  tokenUser(tokenHash: string, now?: string): Promise<User | null>;
  /** true when a live token was revoked */
  revokeToken(tokenHash: string): Promise<boolean>;

  close(): Promise<void>;
}

export interface OpenOptions {
  /** run migrate() on opening (default true) */
  migrate?: boolean;
}

export const DEFAULT_DB = "./entente.db";

export type StoreSpec = { kind: "sqlite"; path: string } | { kind: "postgres"; url: string };

/** spec: a file path, ":memory:", or a postgres:// / postgresql:// URL; when undefined, ENTENTE_DB, then ./entente.db */
export function parseSpec(spec?: string, env: Record<string, string | undefined> = process.env): StoreSpec {
  const s = (spec ?? env.ENTENTE_DB ?? "").trim() || DEFAULT_DB;
  if (/^postgres(ql)?:\/\//i.test(s)) return { kind: "postgres", url: s };
  if (/^sqlite:/i.test(s)) return { kind: "sqlite", path: s.replace(/^sqlite:(\/\/)?/i, "") || DEFAULT_DB };
  return { kind: "sqlite", path: s };
}

export async function openStore(spec?: string, opts: OpenOptions = {}): Promise<Store> {
  const p = parseSpec(spec);
  const store: Store =
    p.kind === "postgres"
      ? await (await import("./postgres.js")).openPostgresStore(p.url)
      : await (await import("./sqlite.js")).openSqliteStore(p.path);
  if (opts.migrate !== false) {
    try {
      await store.migrate();
    } catch (e) {
      await store.close().catch(() => {});
      throw e;
    }
  }
  return store;
}

export type * from "./types.js";
export { CorrectionError } from "./corrections.js";
