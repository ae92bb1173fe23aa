// What the shared store code needs from a database: statements with `?` placeholders, bulk inserts, transactions.

export type Dialect = "sqlite" | "postgres";

export type ColType = "int" | "text" | "json";

export interface Conn {
  readonly dialect: Dialect;
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** returns the number of rows changed */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** several statements, no parameters */
  script(sql: string): Promise<void>;
  /** rows in column order; json columns take JSON text */
  insertMany(table: string, cols: readonly (readonly [string, ColType])[], rows: readonly (readonly unknown[])[]): Promise<void>;
  /** holds `name` until the transaction ends, against other writers (a no-op where writers are serialized anyway) */
  lock(name: string): Promise<void>;
}

export interface Db {
  readonly dialect: Dialect;
  /** a consistent read-only view for several statements */
  read<T>(fn: (c: Conn) => Promise<T>): Promise<T>;
  /** one transaction: committed when fn resolves, rolled back when it throws */
  write<T>(fn: (c: Conn) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Parameters as both drivers take them: booleans as 0/1, undefined as null. */
export function param(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === "boolean") return v ? 1 : 0;
  return v;
}
