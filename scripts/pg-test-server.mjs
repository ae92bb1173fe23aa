// Starts a throwaway PostgreSQL server (src/store/pg-test-server.ts) and prints its URL; Ctrl-C (or SIGTERM) stops it
// and removes its directory. Usage: node --import tsx scripts/pg-test-server.mjs [--db NAME]
//   e.g. ENTENTE_DB=$(...) for manual runs against PostgreSQL.
import { startPgTestServer } from "../src/store/pg-test-server.ts";

const i = process.argv.indexOf("--db");
const server = await startPgTestServer();
const url = i > 0 && process.argv[i + 1] ? await server.createDatabase(process.argv[i + 1]) : server.url;
console.log(url);
console.error(`postgres ready in ${server.startMs} ms (data in ${server.dir}); Ctrl-C stops it`);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
setInterval(() => {}, 1 << 30);
