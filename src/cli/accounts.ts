// `entente user add` and `entente token create`: accounts of the web app. A password is never an argument (it would
// show in the process list and the shell history): it comes from stdin (--password-stdin) or ENTENTE_PASSWORD.
import { parseArgs } from "node:util";
import { AccountError, ROLES, addUser, createToken } from "../accounts/index.js";
import { openStore, type Role } from "../store/store.js";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** ten years: a later date would be no expiry in practice */
const MAX_DAYS = 3650;

function usage(what: string, reason: string): number {
  process.stderr.write(`entente ${what}: ${reason} (try entente --help)\n`);
  return 2;
}

export async function runAccounts(command: "user" | "token", argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { db: { type: "string" }, role: { type: "string" }, "password-stdin": { type: "boolean" }, label: { type: "string" }, "expires-days": { type: "string" } },
    });
  } catch (e) {
    return usage(command, (e as Error).message);
  }
  const { values, positionals } = parsed;
  const [verb, name, ...extra] = positionals;
  if (command === "user") {
    if (verb !== "add" || !name || extra.length) return usage("user", "the form is: entente user add NAME [--role editor|reader] [--password-stdin]");
    const role = (values.role ?? "reader") as Role;
    if (!ROLES.includes(role)) return usage("user", `--role takes ${ROLES.join(" or ")}, not "${values.role}"`);
    let password: string | undefined;
    if (values["password-stdin"]) password = (await readStdin()).replace(/\r?\n$/, "");
    else password = process.env.ENTENTE_PASSWORD;
    if (!password) return usage("user", "give the password on stdin with --password-stdin, or in ENTENTE_PASSWORD");
    const store = await openStore(values.db);
    try {
      const u = await addUser(store, name, password, role);
      process.stderr.write(`added ${u.role} ${u.username}\n`);
      return 0;
    } catch (e) {
      if (e instanceof AccountError) {
        process.stderr.write(`entente user: ${e.message}\n`);
        return 1;
      }
      throw e;
    } finally {
      await store.close();
    }
  }
  if (verb !== "create" || !name || extra.length) return usage("token", "the form is: entente token create NAME [--expires-days N]");
  // no expiry by default: the token of a script works until it is revoked
  let expires: Date | null = null;
  if (values["expires-days"] !== undefined) {
    const days = Number(values["expires-days"]);
    if (!Number.isFinite(days) || days <= 0 || days > MAX_DAYS) return usage("token", `--expires-days takes a number of days above 0 and up to ${MAX_DAYS}, not "${values["expires-days"]}"`);
    expires = new Date(Date.now() + days * 86_400_000);
  }
  const store = await openStore(values.db);
  try {
    const token = await createToken(store, name, values.label ?? "cli", expires);
    if (!token) {
      process.stderr.write(`entente token: there is no user ${name} (entente user add ${name} first)\n`);
      return 1;
    }
    process.stdout.write(`${token}\n`);
    process.stderr.write(expires ? `the token expires at ${expires.toISOString()}\n` : "the token does not expire\n");
    return 0;
  } finally {
    await store.close();
  }
}
