// `entente serve`: the API and the web app over the store, until interrupted. A server answers one request at a
// time per process (the SQLite driver is synchronous), so by default it runs one process per core (at most 4),
// each with its own connection to the database; the operating system shares the listening port between them.
// The store's generation (in the database) tells every process when another one changed the records.
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { openStore } from "../store/store.js";
import { createApp, DEFAULT_SESSION_HOURS, type AppOptions } from "../server/app.js";
import { serve } from "../server/serve.js";

const MAX_PROCESSES = 4;

interface Listening {
  entente: "listening";
  url: string;
}

export async function runServe(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        db: { type: "string" }, port: { type: "string" }, host: { type: "string" }, processes: { type: "string" },
        "session-hours": { type: "string" }, "behind-proxy": { type: "boolean" },
      },
    }));
  } catch (e) {
    process.stderr.write(`entente serve: ${(e as Error).message} (try entente --help)\n`);
    return 2;
  }
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`entente serve: --port takes a port number, not "${values.port}"\n`);
    return 2;
  }
  const inMemory = (values.db ?? process.env.ENTENTE_DB ?? "").trim() === ":memory:";
  const processes = values.processes === undefined ? (inMemory ? 1 : Math.min(availableParallelism(), MAX_PROCESSES)) : Number(values.processes);
  if (!Number.isInteger(processes) || processes < 1 || processes > 64) {
    process.stderr.write(`entente serve: --processes takes a number from 1 to 64, not "${values.processes}"\n`);
    return 2;
  }
  if (inMemory && processes > 1) {
    process.stderr.write("entente serve: an in-memory database lives in one process: use --processes 1\n");
    return 2;
  }
  const sessionHours = values["session-hours"] === undefined ? DEFAULT_SESSION_HOURS : Number(values["session-hours"]);
  if (!Number.isFinite(sessionHours) || sessionHours <= 0 || sessionHours > 24 * 366) {
    process.stderr.write(`entente serve: --session-hours takes a number of hours above 0 and up to a year (${24 * 366}), not "${values["session-hours"]}"\n`);
    return 2;
  }
  // failed log-ins are counted per process: with --processes N, the limits of a client are up to N times as high
  const app: AppOptions = { sessionHours, behindProxy: values["behind-proxy"] ?? false };
  const host = values.host ?? "127.0.0.1";
  if (cluster.isWorker) {
    // the channel to the primary keeps a serving process alive: it leaves explicitly, and on an error too
    let code = 1;
    try {
      code = await runProcess(values.db, port, host, app, (url) => process.send!({ entente: "listening", url } satisfies Listening));
    } catch (e) {
      process.stderr.write(`entente serve: ${(e as Error).message}\n`);
    }
    process.exit(code);
  }
  if (processes === 1) return runProcess(values.db, port, host, app, (url) => process.stdout.write(`entente: serving on ${url} (Ctrl-C to stop)\n`));
  const code = await runPrimary(values.db, processes);
  // the cluster's shared listening handle outlives the serving processes
  process.exit(code);
}

/** One serving process: open the store, listen, warm the aggregates, stop on SIGINT or SIGTERM. */
async function runProcess(db: string | undefined, port: number, host: string, app: AppOptions, listening: (url: string) => void): Promise<number> {
  const store = await openStore(db);
  let server;
  try {
    server = await serve(createApp(store, app), { port, host });
  } catch (e) {
    await store.close();
    throw e;
  }
  listening(server.url);
  // the aggregates of a large store take a moment the first time: not on the first visitor's time
  void store.warm().catch((e: unknown) => process.stderr.write(`entente serve: warming the caches failed: ${(e as Error).message}\n`));
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
    if (cluster.isWorker) process.once("disconnect", resolve);
  });
  await server.close().catch(() => {});
  await store.close();
  return 0;
}

/**
 * The primary process: migrates the database once (so that the serving processes do not race to), starts the
 * serving processes, says where they listen when all do, restarts one that dies, and stops them all on a signal.
 */
async function runPrimary(db: string | undefined, processes: number): Promise<number> {
  await (await openStore(db)).close();
  let stopping = false;
  let announced = false;
  let ready = 0;
  const fork = () => cluster.fork();
  cluster.on("message", (_w, m: Partial<Listening>) => {
    if (m?.entente !== "listening" || announced) return;
    if (++ready === processes) {
      announced = true;
      process.stdout.write(`entente: serving on ${m.url} (${processes} processes; Ctrl-C to stop)\n`);
    }
  });
  const failed = new Promise<number>((resolve) =>
    cluster.on("exit", (w, code, signal) => {
      if (stopping) return;
      // a process that fails before all listen (a port in use, a bad database) would fail again: stop
      if (!announced) {
        process.stderr.write(`entente serve: a serving process exited (${signal ?? code}) before listening\n`);
        stopping = true;
        for (const other of Object.values(cluster.workers ?? {})) other?.kill();
        resolve(1);
        return;
      }
      process.stderr.write(`entente serve: serving process ${w.process.pid} exited (${signal ?? code}); starting another\n`);
      fork();
    }),
  );
  for (let i = 0; i < processes; i++) fork();
  const stopped = new Promise<number>((resolve) => {
    const stop = () => {
      stopping = true;
      resolve(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  const code = await Promise.race([failed, stopped]);
  const workers = Object.values(cluster.workers ?? {}).filter((w) => w != null);
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.isDead()) return resolve();
          w.once("exit", () => resolve());
          w.disconnect();
          setTimeout(() => w.kill("SIGKILL"), 5000).unref();
        }),
    ),
  );
  return code;
}
