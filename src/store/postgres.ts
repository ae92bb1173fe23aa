// PostgreSQL backend (node-postgres Pool): every operation is one transaction on one pooled client (reads in
// REPEATABLE READ READ ONLY, so their several statements see one snapshot); writers that must not interleave take
// transaction-scoped advisory locks. Bulk inserts go through unnest() of typed arrays.
import pg from "pg";
import { param, type Conn, type ColType, type Db } from "./db.js";
import { SqlStore, type EntityDoc } from "./sql-store.js";
import { indexText } from "./text.js";

const OID = { int8: 20, json: 114, jsonb: 3802 };

/** JSON comes back as text (the shared code parses it), counts as numbers. */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === OID.json || oid === OID.jsonb) return (v: string) => v;
    if (oid === OID.int8) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** `?` placeholders to $1, $2 ... (the shared SQL has no `?` inside literals) */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const INSERT_CHUNK = 5000;
/**
 * At most this many matching articles are ranked (ts_rank reads every candidate's tsvector): a word found in more
 * articles than that is ranked among the first RANKED found, not among all.
 */
export const RANKED = 1000;
/** tsvector is limited to 1 MB; a longer text is indexed on its beginning */
const MAX_INDEXED = 400_000;

class PgConn implements Conn {
  readonly dialect = "postgres" as const;
  constructor(private readonly client: pg.PoolClient) {}

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.client.query(numbered(sql), params.map(param))).rows as T[];
  }

  async get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.client.query(numbered(sql), params.map(param))).rowCount ?? 0;
  }

  async script(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  async insertMany(table: string, cols: readonly (readonly [string, ColType])[], rows: readonly (readonly unknown[])[]): Promise<void> {
    const names = cols.map((c) => c[0]).join(", ");
    const sel = cols.map(([, t], k) => (t === "json" ? `u.c${k}::jsonb` : `u.c${k}`)).join(", ");
    const arrays = cols.map(([, t], k) => `$${k + 1}::${t === "int" ? "int" : "text"}[]`).join(", ");
    const alias = cols.map((_, k) => `c${k}`).join(", ");
    const sql = `INSERT INTO ${table} (${names}) SELECT ${sel} FROM unnest(${arrays}) AS u(${alias})`;
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      await this.client.query(sql, cols.map((_, k) => chunk.map((r) => param(r[k]))));
    }
  }

  async lock(name: string): Promise<void> {
    await this.client.query("SELECT pg_advisory_xact_lock(hashtext($1::text))", [name]);
  }
}

class PgDb implements Db {
  readonly dialect = "postgres" as const;
  constructor(readonly pool: pg.Pool) {}

  private async tx<T>(begin: string, fn: (c: Conn) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: unknown;
    try {
      await client.query(begin);
      const r = await fn(new PgConn(client));
      await client.query("COMMIT");
      return r;
    } catch (e) {
      await client.query("ROLLBACK").catch((err: unknown) => (broken = err));
      throw e;
    } finally {
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  read<T>(fn: (c: Conn) => Promise<T>): Promise<T> {
    return this.tx("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", fn);
  }

  write<T>(fn: (c: Conn) => Promise<T>): Promise<T> {
    return this.tx("BEGIN", fn);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

export class PostgresStore extends SqlStore {
  constructor(private readonly pdb: PgDb) {
    super(pdb);
  }

  get pool(): pg.Pool {
    return this.pdb.pool;
  }

  protected async indexArticle(c: Conn, id: number, title: string | null, text: string): Promise<void> {
    await c.run("UPDATE articles SET tsv = setweight(to_tsvector('simple', ?), 'A') || to_tsvector('simple', ?) WHERE id = ?", [
      indexText(title ?? ""),
      indexText(text.length > MAX_INDEXED ? text.slice(0, MAX_INDEXED) : text),
      id,
    ]);
  }

  protected async unindexArticle(c: Conn, id: number): Promise<void> {
    await c.run("UPDATE articles SET tsv = NULL WHERE id = ?", [id]);
  }

  // search_entities.tsv is a generated column: deleting and inserting the rows is all it takes
  protected async clearEntityIndex(): Promise<void> {}
  protected async indexEntities(_c: Conn, _docs: EntityDoc[]): Promise<void> {}

  protected async searchArticles(c: Conn, terms: string[], limit: number) {
    return c.all<{ id: number; score: number }>(
      `SELECT id, ts_rank(tsv, q) AS score FROM (SELECT id, tsv FROM articles WHERE tsv @@ plainto_tsquery('simple', ?) LIMIT ${RANKED}) m,
         plainto_tsquery('simple', ?) q ORDER BY score DESC, id LIMIT ?`,
      [terms.join(" "), terms.join(" "), limit],
    );
  }

  protected async searchEntities(c: Conn, terms: string[], limit: number) {
    return c.all<{ id: number; score: number }>(
      "SELECT id, ts_rank(tsv, q) AS score FROM search_entities, plainto_tsquery('simple', ?) q WHERE tsv @@ q ORDER BY score DESC, id LIMIT ?",
      [terms.join(" "), limit],
    );
  }

  /**
   * Fresh statistics for the planner, and the visibility map set on the tables the list queries count in (so that
   * their counts are index-only scans) and the old snapshot's dead rows gone, rather than waiting for autovacuum.
   */
  protected override async afterReplace(): Promise<void> {
    await this.pdb.pool.query(
      "VACUUM (ANALYZE) people, person_variants, events, event_countries, event_pairs, event_areas, event_participants, agreements, agreement_countries, agreement_pairs, agreement_areas, search_entities",
    );
    await this.pdb.pool.query("ANALYZE person_titles, person_sources, organizations, event_organizations, event_sources, agreement_parties, agreement_status, agreement_sources, field_support");
  }
}

export async function openPostgresStore(url: string, poolOptions: pg.PoolConfig = {}): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString: url, max: 8, ...poolOptions, types });
  pool.on("error", () => {}); // an idle client lost (server restart): the next query reports it
  const c = await pool.connect().catch(async (e: unknown) => {
    await pool.end().catch(() => {});
    throw e;
  });
  c.release();
  return new PostgresStore(new PgDb(pool));
}
