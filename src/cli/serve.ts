// `entente serve`: the API and the web app over the store, until interrupted.
import { parseArgs } from "node:util";
import { openStore } from "../store/store.js";
import { createApp } from "../server/app.js";
import { serve } from "../server/serve.js";

export async function runServe(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { db: { type: "string" }, port: { type: "string" }, host: { type: "string" } } }));
  } catch (e) {
    process.stderr.write(`entente serve: ${(e as Error).message} (try entente --help)\n`);
    return 2;
  }
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`entente serve: --port takes a port number, not "${values.port}"\n`);
    return 2;
  }
  const store = await openStore(values.db);
  let server;
  try {
    server = await serve(createApp(store), { port, host: values.host ?? "127.0.0.1" });
  } catch (e) {
    await store.close();
    throw e;
  }
  process.stdout.write(`entente: serving on ${server.url} (Ctrl-C to stop)\n`);
  // the aggregates of a large store take a moment the first time: not on the first visitor's time
  void store.warm().catch((e: unknown) => process.stderr.write(`entente serve: warming the caches failed: ${(e as Error).message}\n`));
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await server.close().catch(() => {});
  await store.close();
  return 0;
}
