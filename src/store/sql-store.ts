// The Store written once over the Db interface; the backends add their connection handling and full-text search.
import { createHash } from "node:crypto";
import type { Conn, ColType, Db, Dialect } from "./db.js";
import { daysBetween, recordRange } from "./dates.js";
import { MIGRATIONS, SCHEMA_VERSION, migrate as runMigrations } from "./migrations.js";
import { COPIED, listPlan, placeholders, type ListFilters, type Rec } from "./queries.js";
import { applyAll, makeCorrection, type CorrectionDbRow, type EntityIndexHooks } from "./corrections.js";
import { organizationCounts, organizationList, peopleList } from "./directory.js";
import * as views from "./views.js";
import { NetworkIndex } from "./network-index.js";
import type { Store } from "./store.js";
import { indexText, nameKey, snippet, words } from "./text.js";
import type {
  AgreementDetail,
  AreaCount,
  Correction,
  CorrectionQuery,
  CountryCount,
  CountryDetail,
  EventDetail,
  Network,
  NetworkQuery,
  NewCorrection,
  OrganizationDetail,
  OrganizationQuery,
  OrganizationSummary,
  PairDossier,
  PairQuery,
  PeopleQuery,
  PersonDetail,
  PersonSummary,
  Review,
  ReviewFilter,
  Role,
  User,
  AgreementQuery,
  AgreementRow,
  ArticleRow,
  EventQuery,
  EventRow,
  FieldSupport,
  ListArticlesOptions,
  MergedSnapshot,
  OrganizationRef,
  Page,
  PersonOptions,
  PersonRef,
  PersonRow,
  SearchHit,
  SearchKind,
  SourceRow,
  StoreStats,
  StoredArticle,
  UpsertStatus,
} from "./types.js";

export const MAX_LIMIT = 1000;
const CHUNK = 500;

/** A document of the entity index: `norm` is what gets indexed (folded), `doc` what snippets are cut from. */
export interface EntityDoc {
  id: number;
  norm: string;
}

/** Marks a change of the merged records, so that cached aggregates are computed again (in any process). */
async function bumpGeneration(c: Conn): Promise<void> {
  const gen = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  await c.run("INSERT INTO store_meta (key, value) VALUES ('generation', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [gen]);
}

interface PreparedArticle {
  a: ArticleRow;
  key: string;
  sha: string;
  extraction: string | null;
  meta: (string | null)[];
}

function prepareArticle(a: ArticleRow): PreparedArticle {
  if (!a || typeof a.text !== "string") throw new TypeError("store: an article needs its text as a string");
  const key = (a.url ?? "").trim() || (a.uri ?? "").trim();
  if (!key) throw new Error("store: an article needs a url or a uri");
  const sha = createHash("sha256").update(a.text, "utf8").digest("hex");
  const extraction = a.extraction == null ? null : JSON.stringify(a.extraction);
  const meta = [a.uri ?? null, a.url ?? null, a.outlet ?? null, a.title ?? null, a.published ?? null, a.language ?? null];
  return { a, key, sha, extraction, meta };
}

const json = (v: unknown): string => JSON.stringify(v ?? null);
const unjson = <T>(v: unknown, dflt: T): T => (v == null ? dflt : typeof v === "string" ? (JSON.parse(v) as T) : (v as T));
const upper = (s: string | null | undefined) => (s == null || s === "" ? null : s.toUpperCase());

function paging(q: { limit?: number; offset?: number; order?: "asc" | "desc" }) {
  const limit = Math.max(0, Math.min(MAX_LIMIT, Math.floor(q.limit ?? 50)));
  const offset = Math.max(0, Math.floor(q.offset ?? 0));
  const order: "asc" | "desc" = q.order === "desc" ? "desc" : "asc";
  return { limit, offset, order };
}

/** Rows of `sql` (with `?` placeholders for the ids at {IDS}) for all ids, in chunks. */
async function byIds<T>(c: Conn, ids: readonly number[], sql: string, pre: readonly unknown[] = []): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    out.push(...(await c.all<T>(sql.replace("{IDS}", placeholders(chunk.length)), [...pre, ...chunk])));
  }
  return out;
}

function groupBy<T extends { owner: number }>(rows: T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const l = m.get(r.owner);
    if (l) l.push(r);
    else m.set(r.owner, [r]);
  }
  return m;
}

interface ArticleDbRow {
  id: number;
  doc_key: string;
  uri: string | null;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  language: string | null;
  sha256: string;
  version: number;
  superseded_by: number | null;
  created_at: string;
  text?: string;
  extraction: unknown;
}

interface SourceDbRow {
  owner: number;
  article_id: number;
  idx: number | null;
  evidence: unknown;
  url: string | null;
  uri: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  superseded_by: number | null;
}

interface EventDbRow {
  id: number;
  key: string;
  kind: string;
  date: string | null;
  end_date: string | null;
  place_name: string | null;
  place_country: string | null;
  background: number;
  conflicts: unknown;
}

interface AgreementDbRow {
  id: number;
  key: string;
  kind: string;
  title: string | null;
  status: string;
  date: string | null;
  period_from: number | null;
  period_to: number | null;
  background: number;
  conflicts: unknown;
}

const ARTICLE_META = "id, doc_key, uri, url, outlet, title, published, language, sha256, version, superseded_by, created_at, extraction";
const SOURCE_COLS = "a.url, a.uri, a.title, a.outlet, a.published, a.superseded_by";

function toSource(r: SourceDbRow): SourceRow {
  return {
    articleId: r.article_id,
    index: r.idx,
    evidence: unjson(r.evidence, []),
    url: r.url,
    uri: r.uri,
    title: r.title,
    outlet: r.outlet,
    published: r.published,
    superseded: r.superseded_by != null,
  };
}

function toCorrection(r: CorrectionDbRow): Correction {
  return {
    id: Number(r.id),
    target_kind: r.target_kind,
    target_id: r.target_id,
    action: r.action,
    payload: unjson(r.payload, {}),
    by: r.by_user,
    at: r.created_at,
    attached_to: r.attached_id,
    anchor: r.target_kind === "person" ? { name: r.anchor_key, country: r.anchor_text } : { article: r.anchor_key, text: r.anchor_text },
  };
}

function toArticle(r: ArticleDbRow): StoredArticle {
  const a: StoredArticle = {
    id: r.id,
    key: r.doc_key,
    uri: r.uri,
    url: r.url,
    outlet: r.outlet,
    title: r.title,
    published: r.published,
    language: r.language,
    sha256: r.sha256,
    version: r.version,
    superseded_by: r.superseded_by,
    created_at: r.created_at,
    extraction: unjson(r.extraction, null),
  };
  if (r.text !== undefined) a.text = r.text;
  return a;
}

// ---------------------------------------------------------------------------------------------- snapshot rows

type Rows = [string, readonly (readonly [string, ColType])[], unknown[][]];

/** The snapshot as table rows, parents first. Ids are assigned here; the snapshot's ids become `key`. */
export function snapshotRows(m: MergedSnapshot): { tables: Rows[]; entityDocs: { doc: EntityDoc; row: unknown[] }[]; spans: Record<Rec, number> } {
  const I = "int" as const, T = "text" as const, J = "json" as const;
  const t = <N extends string>(name: N, cols: [string, ColType][]): Rows => [name, cols, []];
  const organizations = t("organizations", [["id", I], ["key", T], ["name", T], ["country", T], ["sector", T]]);
  const people = t("people", [["id", I], ["key", T], ["name", T], ["country", T]]);
  const variants = t("person_variants", [["person_id", I], ["seq", I], ["variant", T], ["norm", T]]);
  const titles = t("person_titles", [["person_id", I], ["seq", I], ["title", T], ["date", T], ["sort_date", T], ["article_id", I]]);
  const psources = t("person_sources", [["person_id", I], ["seq", I], ["article_id", I], ["idx", I], ["evidence", J]]);
  const events = t("events", [["id", I], ["key", T], ["kind", T], ["date", T], ["end_date", T], ["sort_date", T], ["date_hi", T], ["place_name", T], ["place_country", T], ["background", I], ["conflicts", J]]);
  const agreements = t("agreements", [["id", I], ["key", T], ["kind", T], ["title", T], ["status", T], ["date", T], ["sort_date", T], ["date_hi", T], ["period_from", I], ["period_to", I], ["background", I], ["conflicts", J]]);
  // sort_date and the COPIED columns of the record, at the end of every link row
  const copy = (rec: Rec): [string, ColType][] => [["sort_date", T], ...COPIED[rec].map((c): [string, ColType] => [c, c === "background" ? I : T])];
  const linkTables = (rec: Rec) => ({
    countries: t(`${rec}_countries`, [[`${rec}_id`, I], ["seq", I], ["country", T], ...copy(rec)]),
    pairs: t(`${rec}_pairs`, [[`${rec}_id`, I], ["country_a", T], ["country_b", T], ...copy(rec)]),
    areas: t(`${rec}_areas`, [[`${rec}_id`, I], ["seq", I], ["area", T], ...copy(rec)]),
    sources: t(`${rec}_sources`, [[`${rec}_id`, I], ["seq", I], ["article_id", I], ["idx", I], ["evidence", J]]),
  });
  const ev = linkTables("event");
  const ag = linkTables("agreement");
  const participants = t("event_participants", [["event_id", I], ["seq", I], ["person_id", I], ...copy("event")]);
  const evOrgs = t("event_organizations", [["event_id", I], ["seq", I], ["org_id", I]]);
  const parties = t("agreement_parties", [["agreement_id", I], ["seq", I], ["org_id", I]]);
  const status = t("agreement_status", [["agreement_id", I], ["seq", I], ["status", T], ["date", T], ["article_id", I]]);
  const fields = t("field_support", [["entity_kind", T], ["entity_id", I], ["field", T], ["seq", I], ["value", J], ["articles", J]]);
  const entityDocs: { doc: EntityDoc; row: unknown[] }[] = [];
  const addDoc = (kind: SearchKind, entityId: number, key: string, name: string, extra: string[] = []) => {
    const doc = [name, ...extra.filter((v) => v !== name)].join(" · ");
    const norm = indexText(doc);
    if (!norm) return;
    const id = entityDocs.length + 1;
    entityDocs.push({ doc: { id, norm }, row: [id, kind, entityId, key, name, doc, norm] });
  };

  const orgIds = new Map<string, number>();
  m.organizations.forEach((o, i) => {
    const id = i + 1;
    orgIds.set(String(o.id), id);
    organizations[2].push([id, String(o.id), o.name, upper(o.country), o.sector ?? null]);
    addDoc("organization", id, String(o.id), o.name);
  });
  const personIds = new Map<string, number>();
  m.people.forEach((p, i) => {
    const id = i + 1;
    personIds.set(String(p.id), id);
    people[2].push([id, String(p.id), p.name, upper(p.country)]);
    const names = [...new Set([p.name, ...(p.variants ?? [])].filter((v) => typeof v === "string" && v.trim()))];
    names.forEach((v, k) => variants[2].push([id, k, v, nameKey(v)]));
    (p.titles ?? []).forEach((x, k) => titles[2].push([id, k, x.title, x.date ?? null, recordRange(x.date).sort, x.article ?? null]));
    (p.sources ?? []).forEach((s, k) => psources[2].push([id, k, s.articleId, s.index ?? null, json(s.evidence ?? [])]));
    addDoc("person", id, String(p.id), p.name, names);
  });
  const ref = (map: Map<string, number>, what: string, owner: string) => (x: unknown) => {
    const id = map.get(String(x));
    if (id === undefined) throw new Error(`store: ${owner} refers to an unknown ${what} ${JSON.stringify(x)}`);
    return id;
  };
  const spans: Record<Rec, number> = { event: 0, agreement: 0 };
  const linkRows = (tabs: ReturnType<typeof linkTables>, id: number, tail: unknown[], countries: string[], areas: string[], sources: MergedSnapshot["events"][number]["sources"]) => {
    const cs = [...new Set((countries ?? []).map((c) => c.toUpperCase()))];
    cs.forEach((c, k) => tabs.countries[2].push([id, k, c, ...tail]));
    const sorted = [...cs].sort();
    for (let x = 0; x < sorted.length; x++) for (let y = x + 1; y < sorted.length; y++) tabs.pairs[2].push([id, sorted[x], sorted[y], ...tail]);
    [...new Set(areas ?? [])].forEach((a, k) => tabs.areas[2].push([id, k, a, ...tail]));
    (sources ?? []).forEach((s, k) => tabs.sources[2].push([id, k, s.articleId, s.index ?? null, json(s.evidence ?? [])]));
  };
  const fieldRows = (kind: Rec, id: number, f: Record<string, FieldSupport[]> | undefined) => {
    for (const [field, values] of Object.entries(f ?? {})) {
      (values ?? []).forEach((v, seq) => fields[2].push([kind, id, field, seq, json(v.value), json(v.articles ?? [])]));
    }
  };
  m.events.forEach((e, i) => {
    const id = i + 1;
    const key = String(e.id);
    const r = recordRange(e.date, e.end_date);
    if (r.hi) spans.event = Math.max(spans.event, daysBetween(r.sort, r.hi));
    events[2].push([id, key, e.kind, e.date ?? null, e.end_date ?? null, r.sort, r.hi, e.place_name ?? null, upper(e.place_country), e.background ? 1 : 0, json(e.conflicts ?? [])]);
    const tail = [r.sort, r.hi, e.kind, e.background ? 1 : 0]; // sort_date, ...COPIED.event
    linkRows(ev, id, tail, e.countries, e.areas, e.sources);
    const pid = ref(personIds, "person", `event ${key}`);
    [...new Set((e.participants ?? []).map(pid))].forEach((p, k) => participants[2].push([id, k, p, ...tail]));
    const oid = ref(orgIds, "organization", `event ${key}`);
    [...new Set((e.organizations ?? []).map(oid))].forEach((o, k) => evOrgs[2].push([id, k, o]));
    fieldRows("event", id, e.fields);
  });
  m.agreements.forEach((g, i) => {
    const id = i + 1;
    const key = String(g.id);
    const r = recordRange(g.date);
    if (r.hi) spans.agreement = Math.max(spans.agreement, daysBetween(r.sort, r.hi));
    agreements[2].push([id, key, g.kind, g.title ?? null, g.status, g.date ?? null, r.sort, r.hi, g.period?.from ?? null, g.period?.to ?? null, g.background ? 1 : 0, json(g.conflicts ?? [])]);
    linkRows(ag, id, [r.sort, r.hi, g.kind, g.status, g.background ? 1 : 0], g.countries, g.areas, g.sources); // sort_date, ...COPIED.agreement
    const oid = ref(orgIds, "organization", `agreement ${key}`);
    [...new Set((g.parties ?? []).map(oid))].forEach((o, k) => parties[2].push([id, k, o]));
    (g.status_history ?? []).forEach((s, k) => status[2].push([id, k, s.status, s.date ?? null, s.article ?? null]));
    fieldRows("agreement", id, g.fields);
    if (g.title) addDoc("agreement", id, key, g.title);
  });
  const tables: Rows[] = [
    organizations, people, variants, titles, psources,
    events, ev.countries, ev.pairs, ev.areas, participants, evOrgs, ev.sources,
    agreements, ag.countries, ag.pairs, ag.areas, parties, status, ag.sources,
    fields,
  ];
  return { tables, entityDocs, spans };
}

/** Children first. */
const MERGED_TABLES = [
  "record_reviews", "search_entities", "field_support",
  "agreement_sources", "agreement_status", "agreement_parties", "agreement_areas", "agreement_pairs", "agreement_countries", "agreements",
  "event_sources", "event_organizations", "event_participants", "event_areas", "event_pairs", "event_countries", "events",
  "person_sources", "person_titles", "person_variants", "people", "organizations",
];

// ---------------------------------------------------------------------------------------------- the store

export abstract class SqlStore implements Store {
  readonly dialect: Dialect;
  constructor(protected readonly db: Db) {
    this.dialect = db.dialect;
  }

  // full text, per dialect
  protected abstract indexArticle(c: Conn, id: number, title: string | null, text: string): Promise<void>;
  protected abstract unindexArticle(c: Conn, id: number): Promise<void>;
  protected abstract clearEntityIndex(c: Conn): Promise<void>;
  protected abstract indexEntities(c: Conn, docs: EntityDoc[]): Promise<void>;
  /** best first */
  protected abstract searchArticles(c: Conn, terms: string[], limit: number): Promise<{ id: number; score: number }[]>;
  protected abstract searchEntities(c: Conn, terms: string[], limit: number): Promise<{ id: number; score: number }[]>;
  /** drops entity documents from the full-text side of the index (where a dialect keeps one apart) */
  protected async unindexEntities(_c: Conn, _ids: number[]): Promise<void> {}
  protected readonly entityHooks: EntityIndexHooks = {
    remove: (c, ids) => this.unindexEntities(c, ids),
    add: (c, docs) => this.indexEntities(c, docs),
  };
  /** after a snapshot was committed: refresh planner statistics */
  protected async afterReplace(): Promise<void> {}

  async migrate(upTo?: number): Promise<void> {
    await runMigrations((fn) => this.db.write(fn), this.dialect, MIGRATIONS, upTo ?? Infinity);
    const v = await this.schemaVersions();
    const top = v.length ? v[v.length - 1]! : 0;
    if (top > SCHEMA_VERSION) throw new Error(`store: the database is at schema version ${top}, newer than this build knows (${SCHEMA_VERSION})`);
  }

  async schemaVersions(): Promise<number[]> {
    return this.db.read(async (c) => {
      const exists =
        this.dialect === "sqlite"
          ? await c.get("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
          : await c.get("SELECT 1 AS x FROM pg_catalog.pg_tables WHERE tablename = 'schema_version' AND schemaname = current_schema()");
      if (!exists) return [];
      return (await c.all<{ version: number }>("SELECT version FROM schema_version ORDER BY version")).map((r) => r.version);
    });
  }

  async upsertArticle(a: ArticleRow): Promise<{ id: number; status: UpsertStatus }> {
    const row = prepareArticle(a);
    return this.db.write((c) => this.upsertIn(c, row));
  }

  async upsertArticles(rows: readonly ArticleRow[]): Promise<({ id: number; status: UpsertStatus } | { error: string })[]> {
    const prepared = rows.map((a) => {
      try {
        return prepareArticle(a);
      } catch (e) {
        return { error: (e as Error).message };
      }
    });
    try {
      // one transaction for the lot: storing is then bound by indexing, not by commits
      return await this.db.write(async (c) => {
        const out: ({ id: number; status: UpsertStatus } | { error: string })[] = [];
        for (const p of prepared) out.push("error" in p ? p : await this.upsertIn(c, p));
        return out;
      });
    } catch {
      // one bad row must not cost the others: each in its own transaction, its own error
      const out: ({ id: number; status: UpsertStatus } | { error: string })[] = [];
      for (const p of prepared) {
        if ("error" in p) out.push(p);
        else out.push(await this.db.write((c) => this.upsertIn(c, p)).catch((e: Error) => ({ error: e.message })));
      }
      return out;
    }
  }

  private async upsertIn(c: Conn, r: PreparedArticle): Promise<{ id: number; status: UpsertStatus }> {
    const { a, key, sha, extraction, meta } = r;
    await c.lock(`entente:article:${key}`);
    const cur = await c.get<{ id: number; sha256: string; version: number; title: string | null }>(
      "SELECT id, sha256, version, title FROM articles WHERE doc_key = ? AND superseded_by IS NULL",
      [key],
    );
    if (cur && cur.sha256 === sha) {
      await c.run(
        `UPDATE articles SET uri = COALESCE(?, uri), url = COALESCE(?, url), outlet = COALESCE(?, outlet), title = COALESCE(?, title),
           published = COALESCE(?, published), language = COALESCE(?, language), extraction = COALESCE(?, extraction) WHERE id = ?`,
        [...meta, extraction, cur.id],
      );
      if (a.title != null && a.title !== cur.title) {
        await this.unindexArticle(c, cur.id);
        await this.indexArticle(c, cur.id, a.title, a.text);
      }
      return { id: cur.id, status: "unchanged" as const };
    }
    const row = await c.get<{ id: number }>(
      `INSERT INTO articles (doc_key, uri, url, outlet, title, published, language, sha256, version, text, extraction, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [key, ...meta, sha, cur ? cur.version + 1 : 1, a.text, extraction, new Date().toISOString()],
    );
    const id = Number(row!.id);
    if (cur) {
      await c.run("UPDATE articles SET superseded_by = ? WHERE id = ?", [id, cur.id]);
      await this.unindexArticle(c, cur.id);
    }
    await this.indexArticle(c, id, a.title ?? null, a.text);
    await bumpGeneration(c);
    return { id, status: cur ? ("new-version" as const) : ("new" as const) };
  }

  async article(id: number): Promise<StoredArticle | null> {
    const r = await this.db.read((c) => c.get<ArticleDbRow>(`SELECT ${ARTICLE_META}, text FROM articles WHERE id = ?`, [id]));
    return r ? toArticle(r) : null;
  }

  async listArticles(opts: ListArticlesOptions = {}): Promise<StoredArticle[]> {
    const cols = opts.withText === false ? ARTICLE_META : `${ARTICLE_META}, text`;
    const where = opts.includeSuperseded ? "" : "WHERE superseded_by IS NULL";
    const rows = await this.db.read((c) => c.all<ArticleDbRow>(`SELECT ${cols} FROM articles ${where} ORDER BY id`));
    return rows.map(toArticle);
  }

  async replaceMerged(m: MergedSnapshot): Promise<void> {
    const { tables, entityDocs, spans } = snapshotRows(m);
    await this.db.write(async (c) => {
      await c.lock("entente:merged");
      await this.clearEntityIndex(c);
      for (const t of MERGED_TABLES) await c.run(`DELETE FROM ${t}`);
      await c.run("DELETE FROM store_meta WHERE key IN ('event_span', 'agreement_span')");
      for (const [table, cols, rows] of tables) await c.insertMany(table, cols, rows);
      await c.insertMany(
        "search_entities",
        [["id", "int"], ["kind", "text"], ["entity_id", "int"], ["key", "text"], ["name", "text"], ["doc", "text"], ["norm", "text"]],
        entityDocs.map((d) => d.row),
      );
      await this.indexEntities(c, entityDocs.map((d) => d.doc));
      await c.insertMany("store_meta", [["key", "text"], ["value", "text"]], [["event_span", String(spans.event)], ["agreement_span", String(spans.agreement)]]);
      // the editors' corrections outlive every snapshot: re-attached by their anchors and applied again
      await applyAll(c, this.entityHooks);
      await bumpGeneration(c);
    });
    await this.afterReplace();
  }

  private async span(c: Conn, rec: Rec): Promise<number> {
    const r = await c.get<{ value: string }>("SELECT value FROM store_meta WHERE key = ?", [`${rec}_span`]);
    return r ? Number(r.value) : 0;
  }

  private async resolvePeople(c: Conn, name: string): Promise<number[]> {
    const rows = await c.all<{ id: number }>(
      "SELECT person_id AS id FROM person_variants WHERE norm = ? UNION SELECT id FROM people WHERE key = ? ORDER BY id",
      [nameKey(name), name],
    );
    return rows.map((r) => r.id);
  }

  /** whether some record of that kind is rejected: when none is, the lists need not probe the reviews */
  private async anyRejected(c: Conn, rec: Rec): Promise<boolean> {
    return !!(await c.get("SELECT 1 AS x FROM record_reviews WHERE rec_kind = ? AND status = 'rejected' LIMIT 1", [rec]));
  }

  private async reviewFilter(c: Conn, rec: Rec, review: ReviewFilter | undefined): Promise<ListFilters["review"]> {
    if (review === "all") return "all";
    if (review != null) return review;
    return (await this.anyRejected(c, rec)) ? "not-rejected" : "all";
  }

  private async list<R>(c: Conn, rec: Rec, f: ListFilters & { review?: ReviewFilter }, q: { limit?: number; offset?: number; order?: "asc" | "desc" }): Promise<Page<R>> {
    const { limit, offset, order } = paging(q);
    const plan = listPlan(rec, { ...f, review: await this.reviewFilter(c, rec, f.review) }, await this.span(c, rec), order);
    // a link table drives: the page is cut on its index alone, then joined to the records, so that the rows an
    // offset skips are never read from the record table (page 40 of a country cost 11 ms, now as page 1)
    const table = rec === "event" ? "events" : "agreements";
    const sql =
      plan.select === "e.*"
        ? `SELECT e.* FROM (SELECT d.* FROM ${plan.countFrom} WHERE ${plan.where} ORDER BY ${plan.order} LIMIT ? OFFSET ?) d JOIN ${table} e ON e.id = d.${rec}_id ORDER BY ${plan.order}`
        : // the record table drives: the page is cut on its (covering) date index, then the rows are read
          `SELECT e.* FROM (SELECT d.id, d.sort_date FROM ${plan.from} WHERE ${plan.where} ORDER BY ${plan.order} LIMIT ? OFFSET ?) d JOIN ${table} e ON e.id = d.id ORDER BY ${plan.order}`;
    const rows = await c.all<R>(sql, [...plan.params, limit, offset]);
    const total =
      rows.length < limit && (rows.length > 0 || offset === 0)
        ? offset + rows.length
        : await this.cached(c, `count:${plan.countFrom} WHERE ${plan.where} ${JSON.stringify(plan.params)}`, async () =>
            // a total only changes with the merged records: counted once per generation (see bumpGeneration)
            Number((await c.get<{ n: number }>(`SELECT count(*) AS n FROM ${plan.countFrom} WHERE ${plan.where}`, plan.params))!.n),
          );
    return { items: rows, total, limit, offset };
  }

  async events(q: EventQuery = {}): Promise<Page<EventRow>> {
    return this.db.read(async (c) => {
      let personIds: number[] | undefined;
      if (q.person != null) {
        personIds = await this.resolvePeople(c, q.person);
        if (!personIds.length) {
          const { limit, offset } = paging(q);
          return { items: [], total: 0, limit, offset };
        }
      }
      const page = await this.list<EventDbRow>(c, "event", { ...q, personIds }, q);
      return { ...page, items: await this.hydrateEvents(c, page.items) };
    });
  }

  async agreements(q: AgreementQuery = {}): Promise<Page<AgreementRow>> {
    return this.db.read(async (c) => {
      const page = await this.list<AgreementDbRow>(c, "agreement", q, q);
      return { ...page, items: await this.hydrateAgreements(c, page.items) };
    });
  }

  private async links(c: Conn, rec: Rec, ids: number[]) {
    const rid = `${rec}_id`;
    const countries = groupBy(await byIds<{ owner: number; country: string }>(c, ids, `SELECT ${rid} AS owner, country FROM ${rec}_countries WHERE ${rid} IN ({IDS}) ORDER BY ${rid}, seq`));
    const areas = groupBy(await byIds<{ owner: number; area: string }>(c, ids, `SELECT ${rid} AS owner, area FROM ${rec}_areas WHERE ${rid} IN ({IDS}) ORDER BY ${rid}, seq`));
    const sources = groupBy(
      await byIds<SourceDbRow>(c, ids, `SELECT s.${rid} AS owner, s.article_id, s.idx, s.evidence, ${SOURCE_COLS} FROM ${rec}_sources s JOIN articles a ON a.id = s.article_id WHERE s.${rid} IN ({IDS}) ORDER BY s.${rid}, s.seq`),
    );
    const fieldRows = await byIds<{ owner: number; field: string; seq: number; value: unknown; articles: unknown }>(
      c,
      ids,
      "SELECT entity_id AS owner, field, seq, value, articles FROM field_support WHERE entity_kind = ? AND entity_id IN ({IDS}) ORDER BY entity_id, field, seq",
      [rec],
    );
    const fields = new Map<number, Record<string, FieldSupport[]>>();
    for (const r of fieldRows) {
      let f = fields.get(r.owner);
      if (!f) fields.set(r.owner, (f = {}));
      const articles = unjson<(number | null)[]>(r.articles, []).filter((a): a is number => a != null);
      (f[r.field] ??= [])[r.seq] = { value: unjson(r.value, null), articles };
    }
    return {
      countries: (id: number) => (countries.get(id) ?? []).map((r) => r.country),
      areas: (id: number) => (areas.get(id) ?? []).map((r) => r.area),
      sources: (id: number) => (sources.get(id) ?? []).map(toSource),
      fields: (id: number) => {
        const f = fields.get(id) ?? {};
        for (const k of Object.keys(f)) f[k] = f[k]!.filter(Boolean);
        return f;
      },
    };
  }

  protected async hydrateEvents(c: Conn, rows: EventDbRow[]): Promise<EventRow[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const l = await this.links(c, "event", ids);
    const people = groupBy(
      await byIds<{ owner: number; key: string; name: string; country: string | null }>(c, ids, "SELECT x.event_id AS owner, p.key, p.name, p.country FROM event_participants x JOIN people p ON p.id = x.person_id WHERE x.event_id IN ({IDS}) ORDER BY x.event_id, x.seq"),
    );
    const orgs = groupBy(
      await byIds<{ owner: number; key: string; name: string; country: string | null; sector: string | null }>(c, ids, "SELECT x.event_id AS owner, o.key, o.name, o.country, o.sector FROM event_organizations x JOIN organizations o ON o.id = x.org_id WHERE x.event_id IN ({IDS}) ORDER BY x.event_id, x.seq"),
    );
    return rows.map((r) => ({
      id: r.key,
      kind: r.kind,
      date: r.date,
      end_date: r.end_date,
      place_name: r.place_name,
      place_country: r.place_country,
      countries: l.countries(r.id),
      areas: l.areas(r.id),
      participants: (people.get(r.id) ?? []).map((p): PersonRef => ({ id: p.key, name: p.name, country: p.country })),
      organizations: (orgs.get(r.id) ?? []).map((o): OrganizationRef => ({ id: o.key, name: o.name, country: o.country, sector: o.sector })),
      background: Number(r.background) === 1,
      sources: l.sources(r.id),
      fields: l.fields(r.id),
      conflicts: unjson(r.conflicts, []),
    }));
  }

  protected async hydrateAgreements(c: Conn, rows: AgreementDbRow[]): Promise<AgreementRow[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const l = await this.links(c, "agreement", ids);
    const parties = groupBy(
      await byIds<{ owner: number; key: string; name: string; country: string | null; sector: string | null }>(c, ids, "SELECT x.agreement_id AS owner, o.key, o.name, o.country, o.sector FROM agreement_parties x JOIN organizations o ON o.id = x.org_id WHERE x.agreement_id IN ({IDS}) ORDER BY x.agreement_id, x.seq"),
    );
    const status = groupBy(
      await byIds<{ owner: number; status: string; date: string | null; article_id: number | null }>(c, ids, "SELECT agreement_id AS owner, status, date, article_id FROM agreement_status WHERE agreement_id IN ({IDS}) ORDER BY agreement_id, seq"),
    );
    return rows.map((r) => ({
      id: r.key,
      kind: r.kind,
      title: r.title,
      status: r.status,
      date: r.date,
      period: r.period_from == null && r.period_to == null ? null : { from: r.period_from, to: r.period_to },
      countries: l.countries(r.id),
      areas: l.areas(r.id),
      parties: (parties.get(r.id) ?? []).map((o): OrganizationRef => ({ id: o.key, name: o.name, country: o.country, sector: o.sector })),
      background: Number(r.background) === 1,
      status_history: (status.get(r.id) ?? []).map((s) => ({ status: s.status, date: s.date, articleId: s.article_id })),
      sources: l.sources(r.id),
      fields: l.fields(r.id),
      conflicts: unjson(r.conflicts, []),
    }));
  }

  async person(name: string, opts: PersonOptions = {}): Promise<PersonRow[]> {
    const eventLimit = Math.max(0, Math.min(10_000, Math.floor(opts.eventLimit ?? 200)));
    return this.db.read(async (c) => {
      const ids = await this.resolvePeople(c, name);
      if (!ids.length) return [];
      const people = await byIds<{ id: number; key: string; name: string; country: string | null }>(c, ids, "SELECT id, key, name, country FROM people WHERE id IN ({IDS}) ORDER BY id");
      const variants = groupBy(await byIds<{ owner: number; variant: string }>(c, ids, "SELECT person_id AS owner, variant FROM person_variants WHERE person_id IN ({IDS}) ORDER BY person_id, seq"));
      const titles = groupBy(
        await byIds<{ owner: number; title: string; date: string | null; article_id: number | null }>(c, ids, "SELECT person_id AS owner, title, date, article_id FROM person_titles WHERE person_id IN ({IDS}) ORDER BY person_id, sort_date, seq"),
      );
      const own = groupBy(
        await byIds<SourceDbRow>(c, ids, `SELECT s.person_id AS owner, s.article_id, s.idx, s.evidence, ${SOURCE_COLS} FROM person_sources s JOIN articles a ON a.id = s.article_id WHERE s.person_id IN ({IDS}) ORDER BY s.person_id, s.seq`),
      );
      // every query below covers all the people of that name at once: a common name is many people, and a round
      // trip per person and query was most of the answer's time on PostgreSQL
      const counts = new Map(
        (await byIds<{ owner: number; n: number }>(c, ids, "SELECT person_id AS owner, count(*) AS n FROM event_participants WHERE person_id IN ({IDS}) GROUP BY person_id")).map((r) => [
          Number(r.owner),
          Number(r.n),
        ]),
      );
      const evRows = await byIds<EventDbRow & { owner: number }>(
        c,
        ids,
        `SELECT t.* FROM (SELECT x.person_id AS owner, ROW_NUMBER() OVER (PARTITION BY x.person_id ORDER BY x.sort_date DESC, x.event_id DESC) AS rn, e.*
           FROM event_participants x JOIN events e ON e.id = x.event_id WHERE x.person_id IN ({IDS})) t WHERE t.rn <= ${eventLimit} ORDER BY t.owner, t.rn`,
      );
      const unique = [...new Map(evRows.map((r) => [r.id, r])).values()];
      const hydrated = new Map((await this.hydrateEvents(c, unique)).map((e, i) => [unique[i]!.id, e]));
      const eventsOf = groupBy(evRows);
      const evArticles = groupBy(
        await byIds<{ owner: number; article_id: number }>(
          c,
          ids,
          "SELECT DISTINCT x.person_id AS owner, s.article_id FROM event_participants x JOIN event_sources s ON s.event_id = x.event_id WHERE x.person_id IN ({IDS})",
        ),
      );
      const more = new Map<number, Set<number>>();
      for (const p of people) {
        const seen = new Set((own.get(p.id) ?? []).map((s) => s.article_id));
        const m = new Set<number>();
        for (const t of titles.get(p.id) ?? []) if (t.article_id != null && !seen.has(t.article_id)) m.add(t.article_id);
        for (const r of evArticles.get(p.id) ?? []) if (!seen.has(r.article_id)) m.add(r.article_id);
        more.set(p.id, m);
      }
      const allMore = [...new Set([...more.values()].flatMap((m) => [...m]))];
      const extraRows = new Map(
        (await byIds<SourceDbRow>(c, allMore, `SELECT a.id AS owner, a.id AS article_id, NULL AS idx, NULL AS evidence, ${SOURCE_COLS} FROM articles a WHERE a.id IN ({IDS})`)).map((r) => [
          r.article_id,
          r,
        ]),
      );
      const out: PersonRow[] = [];
      for (const p of people) {
        const extra = [...more.get(p.id)!].map((a) => extraRows.get(a)).filter((r): r is SourceDbRow => !!r);
        extra.sort((x, y) => (x.published ?? "~").localeCompare(y.published ?? "~") || x.article_id - y.article_id);
        out.push({
          id: p.key,
          name: p.name,
          country: p.country,
          variants: (variants.get(p.id) ?? []).map((v) => v.variant),
          offices: (titles.get(p.id) ?? []).map((t) => ({ title: t.title, date: t.date, articleId: t.article_id })),
          events: (eventsOf.get(p.id) ?? []).map((r) => hydrated.get(r.id)!),
          event_count: counts.get(p.id) ?? 0,
          sources: [...(own.get(p.id) ?? []).map(toSource), ...extra.map(toSource)],
        });
      }
      return out;
    });
  }

  async search(text: string, limit = 20): Promise<SearchHit[]> {
    const n = Math.max(0, Math.min(200, Math.floor(limit)));
    const terms = [...new Set(words(text ?? ""))].slice(0, 32);
    if (!terms.length || !n) return [];
    return this.db.read(async (c) => {
      const ents = await this.searchEntities(c, terms, n);
      const arts = await this.searchArticles(c, terms, n);
      const e = ents.slice(0, Math.max(Math.ceil(n / 2), n - arts.length));
      const a = arts.slice(0, n - e.length);
      const hits: SearchHit[] = [];
      const entRows = new Map(
        (await byIds<{ id: number; kind: SearchKind; key: string; name: string; doc: string }>(c, e.map((x) => x.id), "SELECT id, kind, key, name, doc FROM search_entities WHERE id IN ({IDS})")).map((r) => [r.id, r]),
      );
      for (const x of e) {
        const r = entRows.get(x.id);
        if (!r) continue;
        const s = snippet(r.doc, terms);
        hits.push({ kind: r.kind, id: r.key, title: r.name, snippet: s.text, highlights: s.highlights, score: x.score });
      }
      const artRows = new Map(
        (await byIds<{ id: number; title: string | null; url: string | null; uri: string | null; outlet: string | null; published: string | null; text: string }>(c, a.map((x) => x.id), "SELECT id, title, url, uri, outlet, published, text FROM articles WHERE id IN ({IDS})")).map((r) => [r.id, r]),
      );
      for (const x of a) {
        const r = artRows.get(x.id);
        if (!r) continue;
        const s = snippet(r.text, terms);
        hits.push({
          kind: "article",
          id: String(r.id),
          title: r.title,
          snippet: s.text,
          highlights: s.highlights,
          score: x.score,
          article: { id: r.id, url: r.url, uri: r.uri, outlet: r.outlet, published: r.published },
        });
      }
      return hits;
    });
  }

  async generation(): Promise<string> {
    return this.db.read(async (c) => (await c.get<{ value: string }>("SELECT value FROM store_meta WHERE key = 'generation'"))?.value ?? "");
  }

  async stats(): Promise<StoreStats> {
    const r = await this.db.read((c) =>
      c.get<Record<keyof StoreStats, number>>(
        `SELECT (SELECT count(*) FROM articles WHERE superseded_by IS NULL) AS articles,
                (SELECT count(*) FROM articles) AS article_versions,
                (SELECT count(*) FROM events) AS events,
                (SELECT count(*) FROM agreements) AS agreements,
                (SELECT count(*) FROM people) AS people,
                (SELECT count(*) FROM organizations) AS organizations`,
      ),
    );
    return {
      articles: Number(r!.articles),
      events: Number(r!.events),
      agreements: Number(r!.agreements),
      people: Number(r!.people),
      organizations: Number(r!.organizations),
      article_versions: Number(r!.article_versions),
    };
  }

  // ------------------------------------------------------------------------------------------ web views

  /** aggregates computed once per generation of the merged records (see bumpGeneration) */
  private readonly memo = new Map<string, { gen: string; value: unknown }>();

  private async cached<T>(c: Conn, key: string, fn: () => Promise<T>): Promise<T> {
    const gen = (await c.get<{ value: string }>("SELECT value FROM store_meta WHERE key = 'generation'"))?.value ?? "";
    const hit = this.memo.get(key);
    if (hit && hit.gen === gen) return hit.value as T;
    const value = await fn();
    if (this.memo.size >= 2000) this.memo.clear();
    this.memo.set(key, { gen, value });
    return value;
  }

  private netIndex: { gen: string; index: Promise<NetworkIndex> } | null = null;

  /** the network's in-memory columns of the current generation, loaded on the first network asked of it */
  private async networkIndex(c: Conn): Promise<NetworkIndex> {
    const gen = (await c.get<{ value: string }>("SELECT value FROM store_meta WHERE key = 'generation'"))?.value ?? "";
    if (this.netIndex?.gen !== gen) {
      const index = NetworkIndex.load(c);
      this.netIndex = { gen, index };
      index.catch(() => {
        if (this.netIndex?.index === index) this.netIndex = null;
      });
    }
    return this.netIndex.index;
  }

  private async viewContext(c: Conn): Promise<views.ViewContext> {
    return {
      c,
      spans: { event: await this.span(c, "event"), agreement: await this.span(c, "agreement") },
      rejected: { event: await this.anyRejected(c, "event"), agreement: await this.anyRejected(c, "agreement") },
    };
  }

  private async reviewOf(c: Conn, rec: Rec, id: number): Promise<Review> {
    const r = await c.get<{ status: "confirmed" | "rejected"; by_user: string | null; at: string | null; note: string | null }>(
      "SELECT status, by_user, at, note FROM record_reviews WHERE rec_kind = ? AND record_id = ?",
      [rec, id],
    );
    return r ? { status: r.status, by: r.by_user, at: r.at, note: r.note } : { status: "unreviewed", by: null, at: null, note: null };
  }

  private async correctionsOf(c: Conn, key: string): Promise<Correction[]> {
    return (await c.all<CorrectionDbRow>("SELECT * FROM corrections WHERE attached_id = ? ORDER BY id", [key])).map(toCorrection);
  }

  async event(id: string): Promise<EventDetail | null> {
    return this.db.read(async (c) => {
      const rows = await c.all<EventDbRow>("SELECT * FROM events WHERE key = ?", [id]);
      if (!rows.length) return null;
      const [e] = await this.hydrateEvents(c, rows);
      return { ...e!, review: await this.reviewOf(c, "event", rows[0]!.id), corrections: await this.correctionsOf(c, id) };
    });
  }

  async agreement(id: string): Promise<AgreementDetail | null> {
    return this.db.read(async (c) => {
      const rows = await c.all<AgreementDbRow>("SELECT * FROM agreements WHERE key = ?", [id]);
      if (!rows.length) return null;
      const [g] = await this.hydrateAgreements(c, rows);
      return { ...g!, review: await this.reviewOf(c, "agreement", rows[0]!.id), corrections: await this.correctionsOf(c, id) };
    });
  }

  async personById(id: string, opts: PersonOptions = {}): Promise<PersonDetail | null> {
    const p = (await this.person(id, opts)).find((x) => x.id === id);
    if (!p) return null;
    return { ...p, corrections: await this.db.read((c) => this.correctionsOf(c, id)) };
  }

  async people(q: PeopleQuery = {}): Promise<Page<PersonSummary>> {
    return this.db.read((c) => peopleList(c, q, (key, fn) => this.cached(c, key, fn)));
  }

  async organizations(q: OrganizationQuery = {}): Promise<Page<OrganizationSummary>> {
    return this.db.read((c) => organizationList(c, q, (key, fn) => this.cached(c, key, fn)));
  }

  async organization(id: string): Promise<OrganizationDetail | null> {
    return this.db.read(async (c) => {
      const o = await c.get<{ id: number; key: string; name: string; country: string | null; sector: string | null }>("SELECT id, key, name, country, sector FROM organizations WHERE key = ?", [id]);
      if (!o) return null;
      const counts = await organizationCounts(c, [o.id]);
      const evRows = await c.all<EventDbRow>("SELECT e.* FROM event_organizations x JOIN events e ON e.id = x.event_id WHERE x.org_id = ? ORDER BY e.sort_date DESC, e.id DESC LIMIT 50", [o.id]);
      const agRows = await c.all<AgreementDbRow>("SELECT g.* FROM agreement_parties x JOIN agreements g ON g.id = x.agreement_id WHERE x.org_id = ? ORDER BY g.sort_date DESC, g.id DESC LIMIT 50", [o.id]);
      return {
        id: o.key, name: o.name, country: o.country, sector: o.sector,
        event_count: counts.events.get(o.id) ?? 0, agreement_count: counts.agreements.get(o.id) ?? 0,
        events: await this.hydrateEvents(c, evRows), agreements: await this.hydrateAgreements(c, agRows),
      };
    });
  }

  async countries(): Promise<CountryCount[]> {
    return this.db.read((c) => this.cached(c, "countries", async () => views.countries(await this.viewContext(c))));
  }

  async country(code: string): Promise<CountryDetail> {
    const cc = code.toUpperCase();
    return this.db.read((c) => this.cached(c, `country:${cc}`, async () => views.country(await this.viewContext(c), cc)));
  }

  async pair(a: string, b: string, q: PairQuery = {}): Promise<PairDossier> {
    const [A, B] = [a.toUpperCase(), b.toUpperCase()];
    const [x, y] = [A, B].sort() as [string, string];
    const limit = Math.max(0, Math.min(MAX_LIMIT, Math.floor(q.limit ?? 50)));
    const ev = await this.events({ country: x, with: y, from: q.from, to: q.to, area: q.area, order: "desc", limit });
    const ag = await this.agreements({ country: x, with: y, from: q.from, to: q.to, area: q.area, order: "desc", limit });
    const aggKey = `pair:${JSON.stringify([x, y, q.from ?? null, q.to ?? null, q.area ?? null])}`;
    const agg = x === y ? { areas_by_year: [], officials: [] } : await this.db.read((c) => this.cached(c, aggKey, async () => views.pairAggregates(await this.viewContext(c), x, y, q)));
    return { a: A, b: B, events: ev.items, event_total: ev.total, agreements: ag.items, agreement_total: ag.total, ...agg };
  }

  async network(q: NetworkQuery = {}): Promise<Network> {
    const key = `network:${JSON.stringify([q.area ?? null, q.from ?? null, q.to ?? null, q.kind ?? null])}`;
    return this.db.read((c) => this.cached(c, key, async () => (await this.networkIndex(c)).network(q)));
  }

  /** computes the aggregates most asked for ahead of time (a server calls it on start and after each write) */
  async warm(): Promise<void> {
    await this.countries();
    await this.areas();
    await this.network();
  }

  async areas(): Promise<AreaCount[]> {
    return this.db.read((c) => this.cached(c, "areas", async () => views.areas(await this.viewContext(c))));
  }

  // ------------------------------------------------------------------------------------------ corrections

  async corrections(q: CorrectionQuery = {}): Promise<Page<Correction>> {
    const { limit, offset } = paging(q);
    return this.db.read(async (c) => {
      const where = q.target != null ? "WHERE attached_id = ? OR target_id = ?" : "";
      const params = q.target != null ? [q.target, q.target] : [];
      const rows = await c.all<CorrectionDbRow>(`SELECT * FROM corrections ${where} ORDER BY id DESC LIMIT ? OFFSET ?`, [...params, limit, offset]);
      const total = Number((await c.get<{ n: number }>(`SELECT count(*) AS n FROM corrections ${where}`, params))!.n);
      return { items: rows.map(toCorrection), total, limit, offset };
    });
  }

  async addCorrection(input: NewCorrection): Promise<Correction> {
    const row = await this.db.write(async (c) => {
      await c.lock("entente:merged");
      const k = await makeCorrection(c, input, this.entityHooks);
      await bumpGeneration(c);
      return k;
    });
    return toCorrection(row);
  }

  // ------------------------------------------------------------------------------------------ accounts

  async addUser(u: { username: string; role: Role; password_hash: string }): Promise<User> {
    return this.db.write(async (c) => {
      const r = await c.get<{ id: number }>("INSERT INTO users (username, role, password_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id", [
        u.username, u.role, u.password_hash, new Date().toISOString(),
      ]);
      return { id: Number(r!.id), username: u.username, role: u.role };
    });
  }

  async userCredentials(username: string): Promise<(User & { password_hash: string }) | null> {
    const r = await this.db.read((c) => c.get<{ id: number; username: string; role: Role; password_hash: string }>("SELECT id, username, role, password_hash FROM users WHERE username = ?", [username]));
    return r ? { id: Number(r.id), username: r.username, role: r.role, password_hash: r.password_hash } : null;
  }

  async addToken(username: string, tokenHash: string, label: string | null = null, expiresAt: string | null = null): Promise<boolean> {
    return this.db.write(async (c) => {
      const u = await c.get<{ id: number }>("SELECT id FROM users WHERE username = ?", [username]);
      if (!u) return false;
      await c.run("INSERT INTO api_tokens (user_id, token_hash, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?)", [
        u.id, tokenHash, label, new Date().toISOString(), expiresAt,
      ]);
      return true;
    });
  }

  async tokenUser(tokenHash: string, now: string = new Date().toISOString()): Promise<User | null> {
    // ISO timestamps in UTC of one shape compare as text ({K}: bytewise on both dialects)
    const r = await this.db.read((c) =>
      c.get<{ id: number; username: string; role: Role }>(
        "SELECT u.id, u.username, u.role FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)",
        [tokenHash, now],
      ),
    );
    return r ? { id: Number(r.id), username: r.username, role: r.role } : null;
  }

  async revokeToken(tokenHash: string): Promise<boolean> {
    const n = await this.db.write((c) => c.run("UPDATE api_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL", [new Date().toISOString(), tokenHash]));
    return n > 0;
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

