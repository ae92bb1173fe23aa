// Editors' corrections applied to the merged records, in SQL on the rows the snapshot wrote (so that an edit made
// now and the same edit re-applied after the next merge take the same path). A correction finds its record by an
// anchor that outlives record ids: the article key (url ?? uri) of the record's first source and the text of its
// first evidence span for events and agreements; the folded name and the country for people.
import type { Conn } from "./db.js";
import { daysBetween, recordRange } from "./dates.js";
import { COPIED, placeholders, type Rec } from "./queries.js";
import { indexText, nameKey } from "./text.js";
import type { CorrectionAction, CorrectionTarget } from "./types.js";

/** A correction as stored. */
export interface CorrectionDbRow {
  id: number;
  target_kind: CorrectionTarget;
  target_id: string;
  action: CorrectionAction;
  payload: unknown;
  anchor_key: string | null;
  anchor_text: string | null;
  by_user: string;
  created_at: string;
  attached_id: string | null;
}

/** The full-text side of the entity index, which only one dialect keeps apart from search_entities. */
export interface EntityIndexHooks {
  remove(c: Conn, docIds: number[]): Promise<void>;
  add(c: Conn, docs: { id: number; norm: string }[]): Promise<void>;
}

/** A correction that cannot be made: its record is unknown (not_found) or its payload is wrong (bad_request). */
export class CorrectionError extends Error {
  constructor(
    message: string,
    readonly code: "not_found" | "bad_request",
  ) {
    super(message);
  }
}

export const EDITABLE: Record<Rec, readonly string[]> = {
  event: ["kind", "date", "end_date", "place_name", "place_country", "countries", "areas"],
  agreement: ["kind", "title", "status", "date", "period", "countries", "areas"],
};

const unjson = <T>(v: unknown, dflt: T): T => (v == null ? dflt : typeof v === "string" ? (JSON.parse(v) as T) : (v as T));
const table = (rec: Rec) => (rec === "event" ? "events" : "agreements");

/** split people get a key of their own, stable as long as the correction exists */
export const splitKey = (correctionId: number) => `p-split-${correctionId}`;

// ---------------------------------------------------------------------------------------------- anchors

export async function recordIdByKey(c: Conn, kind: CorrectionTarget, key: string): Promise<number | null> {
  const t = kind === "person" ? "people" : table(kind);
  const r = await c.get<{ id: number }>(`SELECT id FROM ${t} WHERE key = ?`, [key]);
  return r ? Number(r.id) : null;
}

export async function anchorOf(c: Conn, kind: CorrectionTarget, id: number): Promise<{ key: string | null; text: string | null }> {
  if (kind === "person") {
    const p = await c.get<{ name: string; country: string | null }>("SELECT name, country FROM people WHERE id = ?", [id]);
    return { key: p ? nameKey(p.name) : null, text: p?.country ?? null };
  }
  const s = await c.get<{ doc_key: string; evidence: unknown }>(
    `SELECT a.doc_key, s.evidence FROM ${kind}_sources s JOIN articles a ON a.id = s.article_id WHERE s.${kind}_id = ? ORDER BY s.seq LIMIT 1`,
    [id],
  );
  if (!s) return { key: null, text: null };
  const ev = unjson<{ text?: string }[]>(s.evidence, []);
  return { key: s.doc_key, text: ev[0]?.text ?? null };
}

/**
 * The record a correction applies to in the current snapshot: the one of its last id if that still carries the
 * anchor, else the first one (by source order) that does, else the one of its last id. Null when none.
 */
export async function resolve(c: Conn, k: CorrectionDbRow): Promise<{ id: number; key: string } | null> {
  const want = [k.attached_id, k.target_id].filter((x): x is string => x != null);
  const t = k.target_kind === "person" ? "people" : table(k.target_kind);
  const byKey = async () => {
    for (const key of want) {
      const r = await c.get<{ id: number }>(`SELECT id FROM ${t} WHERE key = ?`, [key]);
      if (r) return { id: Number(r.id), key };
    }
    return null;
  };
  if (k.anchor_key == null) return byKey();
  let found: { id: number; key: string }[];
  if (k.target_kind === "person") {
    const rows = await c.all<{ id: number; key: string; country: string | null }>(
      "SELECT DISTINCT p.id, p.key, p.country FROM person_variants v JOIN people p ON p.id = v.person_id WHERE v.norm = ? ORDER BY p.id",
      [k.anchor_key],
    );
    // same country first (two namesakes of different countries are two people)
    found = [...rows.filter((r) => (r.country ?? null) === (k.anchor_text ?? null)), ...rows.filter((r) => (r.country ?? null) !== (k.anchor_text ?? null))];
  } else {
    const rec = k.target_kind;
    const rows = await c.all<{ id: number; key: string; evidence: unknown }>(
      `SELECT s.${rec}_id AS id, r.key, s.evidence FROM ${rec}_sources s JOIN articles a ON a.id = s.article_id JOIN ${t} r ON r.id = s.${rec}_id
       WHERE a.doc_key = ? ORDER BY s.seq, s.${rec}_id`,
      [k.anchor_key],
    );
    found = rows.filter((r) => k.anchor_text == null || unjson<{ text?: string }[]>(r.evidence, []).some((e) => e.text === k.anchor_text));
  }
  const same = found.find((r) => want.includes(r.key));
  const hit = same ?? found[0];
  return hit ? { id: Number(hit.id), key: hit.key } : byKey();
}

// ---------------------------------------------------------------------------------------------- current values

/** The editable fields of a record as they are now (corrections included). */
export async function currentFields(c: Conn, rec: Rec, id: number): Promise<Record<string, unknown>> {
  const r = await c.get<Record<string, unknown>>(`SELECT * FROM ${table(rec)} WHERE id = ?`, [id]);
  if (!r) return {};
  const countries = (await c.all<{ v: string }>(`SELECT country AS v FROM ${rec}_countries WHERE ${rec}_id = ? ORDER BY seq`, [id])).map((x) => x.v);
  const areas = (await c.all<{ v: string }>(`SELECT area AS v FROM ${rec}_areas WHERE ${rec}_id = ? ORDER BY seq`, [id])).map((x) => x.v);
  if (rec === "event") return { kind: r.kind, date: r.date, end_date: r.end_date, place_name: r.place_name, place_country: r.place_country, countries, areas };
  const period = r.period_from == null && r.period_to == null ? null : { from: r.period_from == null ? null : Number(r.period_from), to: r.period_to == null ? null : Number(r.period_to) };
  return { kind: r.kind, title: r.title, status: r.status, date: r.date, period, countries, areas };
}

export async function currentReview(c: Conn, rec: Rec, id: number): Promise<{ status: string; note: string | null }> {
  const r = await c.get<{ status: string; note: string | null }>("SELECT status, note FROM record_reviews WHERE rec_kind = ? AND record_id = ?", [rec, id]);
  return r ?? { status: "unreviewed", note: null };
}

// ---------------------------------------------------------------------------------------------- applying

async function setSpan(c: Conn, rec: Rec, sort: string, hi: string | null) {
  if (!hi) return;
  const days = daysBetween(sort, hi);
  const cur = await c.get<{ value: string }>("SELECT value FROM store_meta WHERE key = ?", [`${rec}_span`]);
  if (cur && Number(cur.value) >= days) return;
  await c.run("INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [`${rec}_span`, String(days)]);
}

/** Writes the edited fields of a record into its row and every link row that copies them. */
async function editRecord(c: Conn, rec: Rec, id: number, fields: Record<string, unknown>) {
  const t = table(rec);
  const sets: string[] = [];
  const params: unknown[] = [];
  const set = (col: string, v: unknown) => {
    sets.push(`${col} = ?`);
    params.push(v);
  };
  for (const [f, v] of Object.entries(fields)) {
    if (f === "countries" || f === "areas") continue;
    if (f === "period") {
      const p = v as { from: number | null; to: number | null } | null;
      set("period_from", p?.from ?? null);
      set("period_to", p?.to ?? null);
    } else if (f === "place_country") set(f, v == null ? null : String(v).toUpperCase());
    else set(f, v ?? null);
  }
  if (sets.length) await c.run(`UPDATE ${t} SET ${sets.join(", ")} WHERE id = ?`, [...params, id]);
  const row = await c.get<Record<string, unknown>>(`SELECT * FROM ${t} WHERE id = ?`, [id]);
  if (!row) return;
  const r = recordRange(row.date as string | null, rec === "event" ? (row.end_date as string | null) : null);
  if (r.sort !== row.sort_date || r.hi !== row.date_hi) await c.run(`UPDATE ${t} SET sort_date = ?, date_hi = ? WHERE id = ?`, [r.sort, r.hi, id]);
  await setSpan(c, rec, r.sort, r.hi);
  // the copies of the record's columns in its link rows
  const copied = COPIED[rec];
  const tail = [r.sort, ...copied.map((col) => (col === "date_hi" ? r.hi : row[col]))];
  const links = [`${rec}_countries`, `${rec}_pairs`, `${rec}_areas`, ...(rec === "event" ? ["event_participants"] : [])];
  for (const l of links) await c.run(`UPDATE ${l} SET sort_date = ?, ${copied.map((col) => `${col} = ?`).join(", ")} WHERE ${rec}_id = ?`, [...tail, id]);
  const cols = `sort_date, ${copied.join(", ")}`;
  const qs = placeholders(copied.length + 1);
  if (Array.isArray(fields.countries)) {
    const cs = [...new Set((fields.countries as string[]).map((x) => x.toUpperCase()))];
    await c.run(`DELETE FROM ${rec}_pairs WHERE ${rec}_id = ?`, [id]);
    await c.run(`DELETE FROM ${rec}_countries WHERE ${rec}_id = ?`, [id]);
    for (const [k, x] of cs.entries()) await c.run(`INSERT INTO ${rec}_countries (${rec}_id, seq, country, ${cols}) VALUES (?, ?, ?, ${qs})`, [id, k, x, ...tail]);
    const sorted = [...cs].sort();
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length; j++) await c.run(`INSERT INTO ${rec}_pairs (${rec}_id, country_a, country_b, ${cols}) VALUES (?, ?, ?, ${qs})`, [id, sorted[i], sorted[j], ...tail]);
  }
  if (Array.isArray(fields.areas)) {
    await c.run(`DELETE FROM ${rec}_areas WHERE ${rec}_id = ?`, [id]);
    for (const [k, x] of [...new Set(fields.areas as string[])].entries()) await c.run(`INSERT INTO ${rec}_areas (${rec}_id, seq, area, ${cols}) VALUES (?, ?, ?, ${qs})`, [id, k, x, ...tail]);
  }
}

async function review(c: Conn, rec: Rec, id: number, k: CorrectionDbRow, p: { status: string; note?: string | null }) {
  await c.run("DELETE FROM record_reviews WHERE rec_kind = ? AND record_id = ?", [rec, id]);
  if (p.status === "confirmed" || p.status === "rejected") {
    await c.run("INSERT INTO record_reviews (rec_kind, record_id, status, by_user, at, note) VALUES (?, ?, ?, ?, ?, ?)", [rec, id, p.status, k.by_user, k.created_at, p.note ?? null]);
  }
}

/** Rewrites the search document of a person from its name and variants. */
async function reindexPerson(c: Conn, pid: number, hooks: EntityIndexHooks) {
  const old = await c.all<{ id: number }>("SELECT id FROM search_entities WHERE kind = 'person' AND entity_id = ?", [pid]);
  if (old.length) {
    await hooks.remove(c, old.map((r) => Number(r.id)));
    await c.run("DELETE FROM search_entities WHERE kind = 'person' AND entity_id = ?", [pid]);
  }
  const p = await c.get<{ key: string; name: string }>("SELECT key, name FROM people WHERE id = ?", [pid]);
  if (!p) return;
  const variants = (await c.all<{ variant: string }>("SELECT variant FROM person_variants WHERE person_id = ? ORDER BY seq", [pid])).map((v) => v.variant);
  const doc = [p.name, ...variants.filter((v) => v !== p.name)].join(" · ");
  const norm = indexText(doc);
  if (!norm) return;
  const id = Number((await c.get<{ n: number | null }>("SELECT max(id) AS n FROM search_entities"))?.n ?? 0) + 1;
  await c.run("INSERT INTO search_entities (id, kind, entity_id, key, name, doc, norm) VALUES (?, 'person', ?, ?, ?, ?, ?)", [id, pid, p.key, p.name, doc, norm]);
  await hooks.add(c, [{ id, norm }]);
}

const maxSeq = async (c: Conn, t: string, col: string, id: number) => Number((await c.get<{ n: number | null }>(`SELECT max(seq) AS n FROM ${t} WHERE ${col} = ?`, [id]))?.n ?? -1);

/** Folds person `other` into `keep`: events, written forms, offices, sources. */
async function mergePeople(c: Conn, keep: number, other: number, hooks: EntityIndexHooks) {
  if (keep === other) return;
  await c.run("DELETE FROM event_participants WHERE person_id = ? AND event_id IN (SELECT event_id FROM event_participants WHERE person_id = ?)", [other, keep]);
  await c.run("UPDATE event_participants SET person_id = ? WHERE person_id = ?", [keep, other]);
  const have = new Set((await c.all<{ variant: string }>("SELECT variant FROM person_variants WHERE person_id = ?", [keep])).map((v) => v.variant));
  let seq = (await maxSeq(c, "person_variants", "person_id", keep)) + 1;
  for (const v of await c.all<{ variant: string; norm: string }>("SELECT variant, norm FROM person_variants WHERE person_id = ? ORDER BY seq", [other])) {
    if (have.has(v.variant)) continue;
    have.add(v.variant);
    await c.run("INSERT INTO person_variants (person_id, seq, variant, norm) VALUES (?, ?, ?, ?)", [keep, seq++, v.variant, v.norm]);
  }
  await c.run("DELETE FROM person_variants WHERE person_id = ?", [other]);
  for (const t of ["person_titles", "person_sources"]) {
    const base = (await maxSeq(c, t, "person_id", keep)) + 1;
    await c.run(`UPDATE ${t} SET person_id = ?, seq = seq + ? WHERE person_id = ?`, [keep, base, other]);
  }
  await c.run("UPDATE people SET country = COALESCE(country, (SELECT country FROM people WHERE id = ?)) WHERE id = ?", [other, keep]);
  const docs = await c.all<{ id: number }>("SELECT id FROM search_entities WHERE kind = 'person' AND entity_id = ?", [other]);
  if (docs.length) {
    await hooks.remove(c, docs.map((r) => Number(r.id)));
    await c.run("DELETE FROM search_entities WHERE kind = 'person' AND entity_id = ?", [other]);
  }
  await c.run("DELETE FROM people WHERE id = ?", [other]);
  await reindexPerson(c, keep, hooks);
}

/**
 * Moves the written forms `variants` of person `pid` to a new person `newKey`, with the events whose sources name
 * the participant only in those forms (an event naming both forms gets both people).
 */
async function splitPerson(c: Conn, pid: number, variants: string[], newKey: string, hooks: EntityIndexHooks): Promise<number | null> {
  const keys = new Set(variants.map(nameKey));
  const all = await c.all<{ seq: number; variant: string; norm: string }>("SELECT seq, variant, norm FROM person_variants WHERE person_id = ? ORDER BY seq", [pid]);
  const moving = all.filter((v) => keys.has(v.norm));
  const staying = all.filter((v) => !keys.has(v.norm));
  if (!moving.length || !staying.length) return null;
  const p = (await c.get<{ name: string; country: string | null }>("SELECT name, country FROM people WHERE id = ?", [pid]))!;
  const newId = Number((await c.get<{ n: number | null }>("SELECT max(id) AS n FROM people"))?.n ?? 0) + 1;
  await c.run("INSERT INTO people (id, key, name, country) VALUES (?, ?, ?, ?)", [newId, newKey, moving[0]!.variant, p.country]);
  await c.run(`UPDATE person_variants SET person_id = ? WHERE person_id = ? AND norm IN (${placeholders(keys.size)})`, [newId, pid, ...keys]);
  if (keys.has(nameKey(p.name))) await c.run("UPDATE people SET name = ? WHERE id = ?", [staying[0]!.variant, pid]);
  const stayKeys = new Set(staying.map((v) => v.norm));
  const extraction = new Map<number, { events?: { participants?: { name: string }[] }[] } | null>();
  const cols = COPIED.event.join(", ");
  for (const e of await c.all<{ event_id: number }>("SELECT event_id FROM event_participants WHERE person_id = ?", [pid])) {
    let moved = false;
    let stays = false;
    for (const s of await c.all<{ article_id: number; idx: number | null }>("SELECT article_id, idx FROM event_sources WHERE event_id = ?", [e.event_id])) {
      if (!extraction.has(s.article_id)) {
        const a = await c.get<{ extraction: unknown }>("SELECT extraction FROM articles WHERE id = ?", [s.article_id]);
        extraction.set(s.article_id, unjson(a?.extraction, null));
      }
      for (const x of extraction.get(s.article_id)?.events?.[s.idx ?? -1]?.participants ?? []) {
        const k = nameKey(x.name);
        if (keys.has(k)) moved = true;
        if (stayKeys.has(k)) stays = true;
      }
    }
    if (moved && !stays) await c.run("UPDATE event_participants SET person_id = ? WHERE event_id = ? AND person_id = ?", [newId, e.event_id, pid]);
    else if (moved) {
      const seq = (await maxSeq(c, "event_participants", "event_id", e.event_id)) + 1;
      await c.run(
        `INSERT INTO event_participants (event_id, seq, person_id, sort_date, ${cols}) SELECT event_id, ?, ?, sort_date, ${cols} FROM event_participants WHERE event_id = ? AND person_id = ?`,
        [seq, newId, e.event_id, pid],
      );
    }
  }
  await reindexPerson(c, pid, hooks);
  await reindexPerson(c, newId, hooks);
  return newId;
}

/** Applies one correction to record `id` (the internal id its anchor resolved to). */
export async function applyCorrection(c: Conn, k: CorrectionDbRow, id: number, hooks: EntityIndexHooks): Promise<void> {
  const p = unjson<Record<string, unknown>>(k.payload, {});
  if (k.target_kind !== "person") {
    if (k.action === "review") await review(c, k.target_kind, id, k, p as { status: string; note?: string | null });
    else if (k.action === "edit") await editRecord(c, k.target_kind, id, (p.fields ?? {}) as Record<string, unknown>);
    return;
  }
  if (k.action === "merge") {
    for (const o of (p.people ?? []) as { id: string; name: string; country: string | null }[]) {
      // the other person as the new snapshot has it: by its last id, else by its name (and country)
      const other = await resolve(c, { ...k, target_id: o.id, attached_id: null, anchor_key: nameKey(o.name), anchor_text: o.country });
      if (other && other.id !== id) await mergePeople(c, id, other.id, hooks);
    }
  } else if (k.action === "split") {
    await splitPerson(c, id, (p.variants ?? []) as string[], splitKey(k.id), hooks);
  }
}

/** Re-attaches and applies every correction, oldest first (inside replaceMerged's transaction). */
export async function applyAll(c: Conn, hooks: EntityIndexHooks): Promise<void> {
  const rows = await c.all<CorrectionDbRow>("SELECT * FROM corrections ORDER BY id");
  for (const k of rows) {
    const hit = await resolve(c, k);
    if ((hit?.key ?? null) !== k.attached_id) await c.run("UPDATE corrections SET attached_id = ? WHERE id = ?", [hit?.key ?? null, k.id]);
    if (hit) await applyCorrection(c, k, hit.id, hooks);
  }
}

// ---------------------------------------------------------------------------------------------- making one

export interface NewCorrectionInput {
  target_kind: CorrectionTarget;
  target_id: string;
  action: CorrectionAction;
  payload: Record<string, unknown>;
  by: string;
}

const ACTIONS: Record<CorrectionTarget, readonly CorrectionAction[]> = { event: ["review", "edit"], agreement: ["review", "edit"], person: ["merge", "split"] };

/**
 * Checks a correction against its record, records it with its anchor and the values it replaces, and applies it.
 * Throws CorrectionError when the record is unknown or the payload does not fit.
 */
export async function makeCorrection(c: Conn, input: NewCorrectionInput, hooks: EntityIndexHooks): Promise<CorrectionDbRow> {
  const { target_kind: kind, target_id: key, action } = input;
  if (!ACTIONS[kind]?.includes(action)) throw new CorrectionError(`a ${kind} takes no ${action} correction`, "bad_request");
  const id = await recordIdByKey(c, kind, key);
  if (id == null) throw new CorrectionError(`no ${kind} ${JSON.stringify(key)}`, "not_found");
  const p = input.payload ?? {};
  let payload: Record<string, unknown>;
  if (kind !== "person" && action === "review") {
    if (p.status !== "confirmed" && p.status !== "rejected") throw new CorrectionError('status must be "confirmed" or "rejected"', "bad_request");
    payload = { status: p.status, note: p.note ?? null, original: await currentReview(c, kind, id) };
  } else if (kind !== "person" && action === "edit") {
    const fields = (p.fields ?? {}) as Record<string, unknown>;
    const names = Object.keys(fields);
    if (!names.length) throw new CorrectionError("nothing to change", "bad_request");
    const bad = names.find((f) => !EDITABLE[kind].includes(f));
    if (bad) throw new CorrectionError(`${bad} is not an editable field of an ${kind} (${EDITABLE[kind].join(", ")})`, "bad_request");
    const now = await currentFields(c, kind, id);
    payload = { fields, original: Object.fromEntries(names.map((f) => [f, now[f] ?? null])) };
  } else if (action === "merge") {
    const others = (p.ids ?? []) as string[];
    if (!others.length) throw new CorrectionError("ids must name the people to merge", "bad_request");
    const people: { id: string; name: string; country: string | null }[] = [];
    for (const o of others) {
      if (o === key) throw new CorrectionError(`ids names ${key} twice`, "bad_request");
      const r = await c.get<{ key: string; name: string; country: string | null }>("SELECT key, name, country FROM people WHERE key = ?", [o]);
      if (!r) throw new CorrectionError(`no person ${JSON.stringify(o)}`, "not_found");
      people.push({ id: r.key, name: r.name, country: r.country });
    }
    const keep = await c.get<{ name: string; country: string | null }>("SELECT name, country FROM people WHERE id = ?", [id]);
    payload = { ids: others, people, original: { name: keep!.name, country: keep!.country } };
  } else {
    const variants = (p.variants ?? []) as string[];
    const all = await c.all<{ variant: string; norm: string }>("SELECT variant, norm FROM person_variants WHERE person_id = ? ORDER BY seq", [id]);
    const keys = new Set(variants.map(nameKey));
    const moving = all.filter((v) => keys.has(v.norm));
    if (!variants.length || !moving.length) throw new CorrectionError("variants must name written forms of the person", "bad_request");
    if (moving.length === all.length) throw new CorrectionError("variants cannot take every written form of the person", "bad_request");
    payload = { variants, original: { variants: all.map((v) => v.variant) } };
  }
  const anchor = await anchorOf(c, kind, id);
  const at = new Date().toISOString();
  const row = await c.get<{ id: number }>(
    `INSERT INTO corrections (target_kind, target_id, action, payload, anchor_key, anchor_text, by_user, created_at, attached_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [kind, key, action, JSON.stringify(payload), anchor.key, anchor.text, input.by, at, key],
  );
  const k: CorrectionDbRow = {
    id: Number(row!.id), target_kind: kind, target_id: key, action, payload, anchor_key: anchor.key, anchor_text: anchor.text, by_user: input.by, created_at: at, attached_id: key,
  };
  await applyCorrection(c, k, id, hooks);
  return k;
}
