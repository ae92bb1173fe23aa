// SQLite backend (better-sqlite3): one connection, WAL, cached prepared statements. The driver is synchronous; every
// operation runs as one transaction, and operations are queued so that none runs inside another's transaction.
import Database from "better-sqlite3";
import { param, type Conn, type ColType, type Db } from "./db.js";
import { SqlStore, type EntityDoc } from "./sql-store.js";
import { indexText } from "./text.js";

class SqliteConn implements Conn {
  readonly dialect = "sqlite" as const;
  private readonly stmts = new Map<string, Database.Statement>();
  constructor(readonly db: Database.Database) {}

  stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      if (this.stmts.size > 500) this.stmts.clear();
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.stmt(sql).all(...params.map(param)) as T[];
  }

  async get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return this.stmt(sql).get(...params.map(param)) as T | undefined;
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return this.stmt(sql).run(...params.map(param)).changes;
  }

  async script(sql: string): Promise<void> {
    this.db.exec(sql);
  }

  async insertMany(table: string, cols: readonly (readonly [string, ColType])[], rows: readonly (readonly unknown[])[]): Promise<void> {
    if (!rows.length) return;
    const s = this.stmt(`INSERT INTO ${table} (${cols.map((c) => c[0]).join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`);
    for (const r of rows) s.run(...r.map(param));
  }

  async lock(): Promise<void> {}
}

class SqliteDb implements Db {
  readonly dialect = "sqlite" as const;
  private readonly conn: SqliteConn;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(readonly db: Database.Database) {
    this.conn = new SqliteConn(db);
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => {
      if (this.closed) throw new Error("store: closed");
      return fn();
    });
    this.queue = run.catch(() => {});
    return run;
  }

  private tx<T>(begin: string, fn: (c: Conn) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      this.db.exec(begin);
      try {
        const r = await fn(this.conn);
        this.db.exec("COMMIT");
        return r;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw e;
      }
    });
  }

  read<T>(fn: (c: Conn) => Promise<T>): Promise<T> {
    return this.tx("BEGIN DEFERRED", fn);
  }

  write<T>(fn: (c: Conn) => Promise<T>): Promise<T> {
    return this.tx("BEGIN IMMEDIATE", fn);
  }

  /** outside any transaction (PRAGMA optimize, VACUUM ...) */
  plain(sql: string): Promise<void> {
    return this.serial(async () => void this.db.exec(sql));
  }

  close(): Promise<void> {
    return this.serial(async () => {
      this.closed = true;
      this.db.close();
    });
  }
}

export class SqliteStore extends SqlStore {
  constructor(
    private readonly sdb: SqliteDb,
    readonly path: string,
  ) {
    super(sdb);
  }

  /** the raw connection, for tests and tools (EXPLAIN QUERY PLAN ...) */
  get raw(): Database.Database {
    return this.sdb.db;
  }

  protected async indexArticle(c: Conn, id: number, title: string | null, text: string): Promise<void> {
    await c.run("INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)", [id, indexText(title ?? ""), indexText(text)]);
  }

  protected async unindexArticle(c: Conn, id: number): Promise<void> {
    await c.run("DELETE FROM article_fts WHERE rowid = ?", [id]);
  }

  protected async clearEntityIndex(c: Conn): Promise<void> {
    await c.run("INSERT INTO entity_fts (entity_fts) VALUES ('delete-all')");
  }

  protected override async unindexEntities(c: Conn, ids: number[]): Promise<void> {
    for (const id of ids) await c.run("DELETE FROM entity_fts WHERE rowid = ?", [id]);
  }

  protected async indexEntities(c: Conn, docs: EntityDoc[]): Promise<void> {
    await c.insertMany("entity_fts", [["rowid", "int"], ["doc", "text"]], docs.map((d) => [d.id, d.norm]));
  }

  private match(terms: string[]): string {
    return terms.map((t) => `"${t}"`).join(" AND ");
  }

  protected async searchArticles(c: Conn, terms: string[], limit: number) {
    const rows = await c.all<{ id: number; rank: number }>("SELECT rowid AS id, rank FROM article_fts WHERE article_fts MATCH ? ORDER BY rank LIMIT ?", [this.match(terms), limit]);
    return rows.map((r) => ({ id: r.id, score: -r.rank }));
  }

  protected async searchEntities(c: Conn, terms: string[], limit: number) {
    const rows = await c.all<{ id: number; rank: number }>("SELECT rowid AS id, rank FROM entity_fts WHERE entity_fts MATCH ? ORDER BY rank LIMIT ?", [this.match(terms), limit]);
    return rows.map((r) => ({ id: r.id, score: -r.rank }));
  }

  protected override async afterReplace(): Promise<void> {
    await this.sdb.plain("PRAGMA optimize");
  }
}

export async function openSqliteStore(path: string): Promise<SqliteStore> {
  const db = new Database(path);
  try {
    if (path !== ":memory:" && path !== "") db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma("synchronous = NORMAL");
    db.pragma("busy_timeout = 10000");
    // the default page cache is 2 MB: a page of 50 records then reads ~300 pages from the OS on each call
    db.pragma("cache_size = -262144");
    db.pragma("mmap_size = 1073741824");
  } catch (e) {
    db.close();
    throw e;
  }
  return new SqliteStore(new SqliteDb(db), path);
}
