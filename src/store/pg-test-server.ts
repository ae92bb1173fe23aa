// A throwaway PostgreSQL server for tests: initdb in a temporary directory, postgres on 127.0.0.1 at a free port,
// trust authentication, durability off. As root (the server refuses to run as root) both run as the `postgres` user
// through `setpriv`, which execs the server itself, so the SIGINT of stop() reaches it (a fast shutdown).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { realpathSync } from "node:fs";
import pg from "pg";

export interface PgTestServer {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  dir: string;
  bin: string;
  /** how long initdb + start took */
  startMs: number;
  /** a new empty database; returns its URL */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface PgTestServerOptions {
  /** directory holding initdb and postgres (default: $ENTENTE_PG_BIN, /usr/lib/postgresql/<newest>/bin, then PATH) */
  bin?: string;
  /** wait this long for the server to accept connections (default 60 s) */
  timeoutMs?: number;
  /** log lines of the server go here (default: kept, shown when it fails to start) */
  log?: (line: string) => void;
}

const has = (dir: string) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "postgres"));

/** The directory of the PostgreSQL server binaries, or null when they are not installed. */
export function findPgBin(env: Record<string, string | undefined> = process.env): string | null {
  if (env.ENTENTE_PG_BIN) return has(env.ENTENTE_PG_BIN) ? env.ENTENTE_PG_BIN : null;
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (has(join(root, v, "bin"))) return join(root, v, "bin");
  }
  for (const d of (env.PATH ?? "").split(delimiter)) {
    const p = join(d, "initdb");
    if (d && existsSync(p)) {
      const real = dirname(realpathSync(p));
      if (has(real)) return real;
    }
  }
  return null;
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("postgres:"));
  if (!line) throw new Error("pg-test-server: running as root, but there is no 'postgres' user to run the server as");
  const f = line.split(":");
  return { uid: Number(f[2]), gid: Number(f[3]) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      const port = typeof a === "object" && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const live = new Set<{ child: ChildProcess; dir: string }>();
let exitHook = false;
function hookExit() {
  if (exitHook) return;
  exitHook = true;
  process.on("exit", () => {
    for (const s of live) {
      try {
        s.child.kill("SIGKILL");
      } catch {}
      try {
        rmSync(s.dir, { recursive: true, force: true });
      } catch {}
    }
  });
}

export async function startPgTestServer(opts: PgTestServerOptions = {}): Promise<PgTestServer> {
  const t0 = Date.now();
  const bin = opts.bin ?? findPgBin();
  if (!bin) throw new Error("pg-test-server: PostgreSQL server binaries not found (apt-get install -y postgresql, or set ENTENTE_PG_BIN)");
  const root = process.getuid?.() === 0;
  const wrap = (cmd: string, args: string[]): [string, string[]] =>
    root ? ["setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", join(bin, cmd), ...args]] : [join(bin, cmd), args];
  const dir = mkdtempSync(join(tmpdir(), "entente-pg-"));
  const data = join(dir, "data");
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    if (root) {
      const u = postgresUser();
      chownSync(dir, u.uid, u.gid);
    }
    const [cmd, args] = wrap("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
    const init = spawnSync(cmd, args, { encoding: "utf8", cwd: dir });
    if (init.status !== 0) throw new Error(`pg-test-server: initdb failed (${init.status ?? init.signal}): ${init.error?.message ?? ""}${init.stderr}`);
  } catch (e) {
    cleanup();
    throw e;
  }
  const timeout = opts.timeoutMs ?? 60_000;
  let lastErr = "";
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const [cmd, args] = wrap("postgres", [
      "-D", data, "-p", String(port), "-k", dir,
      "-c", "listen_addresses=127.0.0.1",
      "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
      "-c", "max_connections=60", "-c", "shared_buffers=128MB",
    ]);
    const child = spawn(cmd, args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    const logs: string[] = [];
    const onData = (b: Buffer) => {
      for (const l of b.toString("utf8").split("\n")) {
        if (!l) continue;
        if (opts.log) opts.log(l);
        logs.push(l);
        if (logs.length > 200) logs.shift();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    let exited: number | string | null = null;
    const exit = new Promise<void>((r) => child.once("exit", (code, sig) => ((exited = code ?? sig ?? "?"), r())));
    child.once("error", (e) => logs.push(String(e)));
    const entry = { child, dir };
    live.add(entry);
    hookExit();
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const deadline = Date.now() + timeout;
    let ready = false;
    while (exited === null && Date.now() < deadline) {
      const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
      try {
        await c.connect();
        await c.query("SELECT 1");
        ready = true;
      } catch {
        // not yet
      } finally {
        await c.end().catch(() => {});
      }
      if (ready) break;
      await sleep(100);
    }
    if (!ready) {
      lastErr = `exit ${exited}: ${logs.slice(-15).join("\n")}`;
      if (exited === null) child.kill("SIGKILL");
      await exit;
      live.delete(entry);
      if (/could not (bind|create listen)|already in use/i.test(lastErr)) continue; // someone took the port
      break;
    }
    let n = 0;
    let stopped: Promise<void> | null = null;
    return {
      url,
      port,
      dir,
      bin,
      startMs: Date.now() - t0,
      async createDatabase(name?: string) {
        const db = name ?? `t${process.pid}_${++n}_${Math.random().toString(36).slice(2, 8)}`;
        if (!/^[a-z_][a-z0-9_]*$/.test(db)) throw new Error(`pg-test-server: bad database name ${db}`);
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          await c.query(`CREATE DATABASE ${db}`);
        } finally {
          await c.end();
        }
        return `postgres://postgres@127.0.0.1:${port}/${db}`;
      },
      stop() {
        stopped ??= (async () => {
          if (exited === null) {
            child.kill("SIGINT");
            const t = setTimeout(() => child.kill("SIGKILL"), 20_000);
            await exit;
            clearTimeout(t);
          }
          live.delete(entry);
          cleanup();
        })();
        return stopped;
      },
    };
  }
  cleanup();
  throw new Error(`pg-test-server: postgres did not become ready: ${lastErr}`);
}
