// The write routes: reviews, field edits, merging and splitting people (log-in and out: routes-auth.ts). Each change
// is a correction (see src/store/corrections.ts): the store records it apart from the merged records and applies it
// at once and after every later merge. The auth middleware has already refused anonymous writes and readers.
import type { Hono } from "hono";
import { CorrectionError, type Correction, type NewCorrection, type Store } from "../store/store.js";
import type { AppEnv } from "./app.js";
import { AGREEMENT_FIELDS, EVENT_FIELDS, editFields, readBody, str, stringList } from "./bodies.js";
import { ApiError, notFound } from "./errors.js";
import { readQuery, type CodeBook } from "./params.js";
import { json } from "./respond.js";
import { splitKey } from "../store/corrections.js";

export function writeRoutes(app: Hono<AppEnv>, store: Store, book: CodeBook): void {
  const noQuery = (url: string) => readQuery(url, {}, book);
  const correct = async (k: NewCorrection): Promise<Correction> => {
    try {
      const made = await store.addCorrection(k);
      // the counts changed: compute the usual aggregates again before the next reader asks
      void store.warm().catch(() => {});
      return made;
    } catch (e) {
      if (e instanceof CorrectionError) throw new ApiError(e.code, e.message);
      throw e;
    }
  };

  for (const rec of ["event", "agreement"] as const) {
    const base = `/api/${rec}s/:id`;
    const read = async (id: string) => {
      const r = rec === "event" ? await store.event(id) : await store.agreement(id);
      if (!r) throw notFound(`no ${rec} ${JSON.stringify(id)}`);
      return r;
    };
    app.post(`${base}/review`, async (c) => {
      await noQuery(c.req.url);
      const body = await readBody(c, ["status", "note"]);
      if (body.status !== "confirmed" && body.status !== "rejected") throw new ApiError("bad_request", 'status must be "confirmed" or "rejected"');
      const note = body.note === undefined || body.note === null ? null : str(body, "note", { max: 2000 });
      const id = c.req.param("id") ?? "";
      await correct({ target_kind: rec, target_id: id, action: "review", payload: { status: body.status, note }, by: c.get("user")!.username });
      return json(await read(id));
    });
    app.patch(base, async (c) => {
      await noQuery(c.req.url);
      const body = await readBody(c, rec === "event" ? EVENT_FIELDS : AGREEMENT_FIELDS);
      const fields = await editFields(rec, body, book);
      const id = c.req.param("id") ?? "";
      await correct({ target_kind: rec, target_id: id, action: "edit", payload: { fields }, by: c.get("user")!.username });
      return json(await read(id));
    });
  }

  const person = async (id: string) => {
    const p = await store.personById(id);
    if (!p) throw notFound(`no person ${JSON.stringify(id)}`);
    return p;
  };
  app.post("/api/people/merge", async (c) => {
    await noQuery(c.req.url);
    const ids = stringList(await readBody(c, ["ids"]), "ids");
    if (ids.length < 2) throw new ApiError("bad_request", "ids must name at least two people: the one kept first");
    const [keep, ...others] = ids as [string, ...string[]];
    await correct({ target_kind: "person", target_id: keep, action: "merge", payload: { ids: others }, by: c.get("user")!.username });
    return json(await person(keep));
  });
  app.post("/api/people/:id/split", async (c) => {
    await noQuery(c.req.url);
    const variants = stringList(await readBody(c, ["variants"]), "variants");
    const k = await correct({ target_kind: "person", target_id: c.req.param("id"), action: "split", payload: { variants }, by: c.get("user")!.username });
    return json({ people: [await person(c.req.param("id")), await person(splitKey(k.id))] });
  });
}
