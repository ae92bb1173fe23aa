// The knowledge store: articles (versioned by content) and the merged records built from them, behind one interface
// with two backends, SQLite (a file or :memory:) and PostgreSQL.
import type {
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
