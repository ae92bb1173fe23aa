// The OpenAPI 3.1 description of the API, served at GET /api/openapi.json: data, kept in step with the routes by
// test/api/openapi.test.ts (every route of the app is described here, and nothing else) and with docs/api.md.
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const str = { type: "string" };
const int = { type: "integer" };
const nullable = (t: string) => ({ type: [t, "null"] });
const arr = (items: object) => ({ type: "array", items });
const obj = (properties: Record<string, object>, required: string[] = Object.keys(properties)) => ({ type: "object", properties, required });

const q = (name: string, schema: object, description: string, required = false) => ({ name, in: "query", required, schema, description });
const p = (name: string, description: string) => ({ name, in: "path", required: true, schema: str, description });

const iso3 = { type: "string", pattern: "^[A-Za-z]{3}$" };
const date = { type: "string", pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" };
const PAGING = [
  q("limit", { type: "integer", minimum: 1, maximum: 1000, default: 50 }, "page size"),
  q("offset", { type: "integer", minimum: 0, default: 0 }, "rows skipped"),
];
const ORDER = q("order", { enum: ["asc", "desc"], default: "asc" }, "by date, then id; undated records come last in asc");
const DATES = [q("from", date, "records whose date range overlaps [from, to]"), q("to", date, "see from")];
const REVIEW = q("review", { enum: ["all", "unreviewed", "confirmed", "rejected"] }, "by review state; by default rejected records are left out");

const json = (schema: object, description = "OK") => ({ description, content: { "application/json": { schema } } });
const ERR = json(ref("Error"), "error");
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), ERR]));
const get = (summary: string, schema: object, parameters: object[] = [], errs: number[] = [400]) => ({
  get: { summary, parameters, responses: { "200": json(schema), ...errors(...errs) } },
});
const write = (method: "post" | "patch", summary: string, body: object | null, schema: object, errs: number[] = [400, 401, 403, 404], secure = true) => ({
  [method]: {
    summary,
    ...(secure ? { security: [{ bearer: [] }] } : {}),
    ...(body ? { requestBody: { required: true, content: { "application/json": { schema: body } } } } : {}),
    responses: { "200": json(schema), ...errors(...errs) },
  },
});
const page = (item: object) => obj({ items: arr(item), total: int, limit: int, offset: int });
const label = obj({ en: str, fr: str });
const countryCount = obj({ code: str, name: label, events: int, agreements: int });

const EVENT_EDIT = {
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  properties: {
    kind: { enum: ["meeting", "visit", "call", "conference", "signing", "other"] },
    date: { type: ["string", "null"] },
    end_date: { type: ["string", "null"] },
    place_name: { type: ["string", "null"] },
    place_country: { type: ["string", "null"] },
    countries: arr(iso3),
    areas: arr(str),
  },
};
const AGREEMENT_EDIT = {
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  properties: {
    kind: { enum: ["programme", "memorandum", "agreement", "declaration", "other"] },
    title: { type: ["string", "null"] },
    status: { enum: ["signed", "referenced", "planned"] },
    date: { type: ["string", "null"] },
    period: { type: ["object", "null"], properties: { from: nullable("integer"), to: nullable("integer") } },
    countries: arr(iso3),
    areas: arr(str),
  },
};
const REVIEW_BODY = { type: "object", additionalProperties: false, required: ["status"], properties: { status: { enum: ["confirmed", "rejected"] }, note: { type: ["string", "null"] } } };

export const OPENAPI = {
  openapi: "3.1.0",
  info: {
    title: "Entente API",
    version: "1",
    description: "Sourced records of international cooperation extracted from news articles. See docs/api.md. Reading needs no account; writes need a bearer token of an editor.",
  },
  components: {
    securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    schemas: {
      Error: obj({ error: obj({ code: { enum: ["bad_request", "not_found", "unauthorized", "forbidden", "conflict", "payload_too_large", "too_many_requests", "internal"] }, message: str }) }),
      Evidence: obj({ start: int, end: int, text: str }),
      Source: obj({ articleId: int, index: nullable("integer"), evidence: arr(ref("Evidence")), url: nullable("string"), uri: nullable("string"), title: nullable("string"), outlet: nullable("string"), published: nullable("string"), superseded: { type: "boolean" } }),
      PersonRef: obj({ id: str, name: str, country: nullable("string") }),
      OrganizationRef: obj({ id: str, name: str, country: nullable("string"), sector: nullable("string") }),
      Event: obj({
        id: str, kind: str, date: nullable("string"), end_date: nullable("string"), place_name: nullable("string"), place_country: nullable("string"),
        countries: arr(str), areas: arr(str), participants: arr(ref("PersonRef")), organizations: arr(ref("OrganizationRef")), background: { type: "boolean" },
        sources: arr(ref("Source")), fields: { type: "object" }, conflicts: arr({}),
      }),
      Agreement: obj({
        id: str, kind: str, title: nullable("string"), status: str, date: nullable("string"), period: { type: ["object", "null"] }, countries: arr(str), areas: arr(str),
        parties: arr(ref("OrganizationRef")), background: { type: "boolean" }, status_history: arr({ type: "object" }), sources: arr(ref("Source")), fields: { type: "object" }, conflicts: arr({}),
      }),
      Review: obj({ status: { enum: ["unreviewed", "confirmed", "rejected"] }, by: nullable("string"), at: nullable("string"), note: nullable("string") }),
      Correction: obj({
        id: int, target_kind: { enum: ["event", "agreement", "person"] }, target_id: str, action: { enum: ["review", "edit", "merge", "split"] },
        payload: { type: "object", description: "what changed, the replaced values under original" }, by: str, at: str, attached_to: nullable("string"), anchor: { type: "object" },
      }),
      EventDetail: { allOf: [ref("Event"), obj({ review: ref("Review"), corrections: arr(ref("Correction")) })] },
      AgreementDetail: { allOf: [ref("Agreement"), obj({ review: ref("Review"), corrections: arr(ref("Correction")) })] },
      Person: obj({
        id: str, name: str, country: nullable("string"), variants: arr(str), offices: arr({ type: "object" }), events: arr(ref("Event")), event_count: int,
        sources: arr(ref("Source")), corrections: arr(ref("Correction")),
      }),
      PersonSummary: obj({ id: str, name: str, country: nullable("string"), variants: arr(str), event_count: int }),
      OrganizationSummary: obj({ id: str, name: str, country: nullable("string"), sector: nullable("string"), event_count: int, agreement_count: int }),
      SearchHit: obj({ kind: { enum: ["article", "person", "organization", "agreement"] }, id: str, title: nullable("string"), snippet: str, highlights: arr(arr(int)), score: { type: "number" } }, ["kind", "id", "title", "snippet", "highlights", "score"]),
      Article: obj({
        id: int, key: str, uri: nullable("string"), url: nullable("string"), outlet: nullable("string"), title: nullable("string"), published: nullable("string"), language: nullable("string"),
        sha256: str, version: int, superseded_by: nullable("integer"), created_at: str, text: str, extraction: { type: ["object", "null"] },
      }),
    },
  },
  paths: {
    "/api/health": get("liveness and version", obj({ ok: { type: "boolean" }, version: str }), [], []),
    "/api/openapi.json": get("this description", { type: "object" }, [], []),
    "/api/stats": get("counts of the store", obj({ articles: int, events: int, agreements: int, people: int, organizations: int, article_versions: int })),
    "/api/events": get("events", page(ref("Event")), [
      q("country", iso3, "ISO3: the country takes part"), q("with", iso3, "ISO3: together with this one"), q("area", str, "area code of /api/areas"),
      q("kind", { enum: ["meeting", "visit", "call", "conference", "signing", "other"] }, "event kind"), ...DATES, q("person", str, "a name in any written form, or a person id"),
      q("background", { type: "boolean" }, "mentioned in passing"), REVIEW, ...PAGING, ORDER,
    ]),
    "/api/events/{id}": {
      ...get("an event, rejected or not", ref("EventDetail"), [p("id", "event id")], [400, 404]),
      ...write("patch", "correct fields of an event", EVENT_EDIT, ref("EventDetail")),
    },
    "/api/events/{id}/review": write("post", "confirm or reject an event", REVIEW_BODY, ref("EventDetail")),
    "/api/agreements": get("agreements", page(ref("Agreement")), [
      q("country", iso3, "ISO3"), q("with", iso3, "ISO3"), q("status", { enum: ["signed", "referenced", "planned"] }, "latest status"),
      q("kind", { enum: ["programme", "memorandum", "agreement", "declaration", "other"] }, "agreement kind"), q("area", str, "area code"), ...DATES,
      q("background", { type: "boolean" }, "mentioned in passing only"), REVIEW, ...PAGING, ORDER,
    ]),
    "/api/agreements/{id}": {
      ...get("an agreement, rejected or not", ref("AgreementDetail"), [p("id", "agreement id")], [400, 404]),
      ...write("patch", "correct fields of an agreement", AGREEMENT_EDIT, ref("AgreementDetail")),
    },
    "/api/agreements/{id}/review": write("post", "confirm or reject an agreement", REVIEW_BODY, ref("AgreementDetail")),
    "/api/people": get("people by name", page(ref("PersonSummary")), [q("q", str, "a piece of any written form, diacritic-insensitive"), q("country", iso3, "ISO3"), ...PAGING]),
    "/api/people/merge": write("post", "merge people into the first", obj({ ids: { type: "array", items: str, minItems: 2 } }), ref("Person")),
    "/api/people/{id}": get("a person: variants, offices, events, sources", ref("Person"), [p("id", "person id")], [400, 404]),
    "/api/people/{id}/split": write("post", "move written forms to a new person", obj({ variants: arr(str) }), obj({ people: arr(ref("Person")) })),
    "/api/organizations": get("organizations by name", page(ref("OrganizationSummary")), [q("q", str, "a piece of the name"), q("country", iso3, "ISO3"), q("sector", str, "sector code"), ...PAGING]),
    "/api/organizations/{id}": get(
      "an organization with its events and agreements (most recent 50 of each)",
      { allOf: [ref("OrganizationSummary"), obj({ events: arr(ref("Event")), agreements: arr(ref("Agreement")) })] },
      [p("id", "organization id")],
      [400, 404],
    ),
    "/api/countries": get("the countries that occur, by events desc", obj({ items: arr(countryCount) })),
    "/api/countries/{code}": get("a country and its partners", { allOf: [countryCount, obj({ partners: arr(countryCount) })] }, [p("code", "ISO3")]),
    "/api/pairs/{a}/{b}": get(
      "the dossier of two countries",
      obj({
        a: obj({ code: str, name: label }), b: obj({ code: str, name: label }), events: arr(ref("Event")), event_total: int, agreements: arr(ref("Agreement")), agreement_total: int,
        areas_by_year: arr(obj({ year: str, areas: { type: "object", additionalProperties: int } })), officials: arr(obj({ id: str, name: str, country: nullable("string"), events: int })),
      }),
      [p("a", "ISO3"), p("b", "ISO3"), ...DATES, q("area", str, "area code"), q("limit", { type: "integer", minimum: 1, maximum: 1000, default: 50 }, "records of each kind, most recent first")],
    ),
    "/api/network": get(
      "countries and their links",
      obj({ nodes: arr(countryCount), edges: arr(obj({ a: str, b: str, events: int, agreements: int, areas: { type: "object", additionalProperties: int } })) }),
      [q("area", str, "area code"), ...DATES, q("kind", { enum: ["meeting", "visit", "call", "conference", "signing", "other"] }, "event kind (agreements are counted whatever their kind)")],
    ),
    "/api/areas": get("areas of cooperation with their labels and counts", obj({ items: arr(obj({ code: str, label, events: int, agreements: int })) })),
    "/api/search": get("full text over names and articles", obj({ items: arr(ref("SearchHit")) }), [q("q", str, "words, all required", true), q("limit", { type: "integer", minimum: 1, maximum: 1000, default: 20 }, "at most 200 are returned")]),
    "/api/articles/{id}": get("a stored article with its raw text", ref("Article"), [{ name: "id", in: "path", required: true, schema: int }], [400, 404]),
    "/api/corrections": get("corrections, most recent first", page(ref("Correction")), [q("target", str, "a record id: made on it or attached to it now"), ...PAGING]),
    "/api/auth/login": {
      post: {
        summary: "log in: a new token, which expires (after 12 hours unless the server says otherwise)",
        description:
          "Failed log-ins are counted per username (5) and per client address (20) over 15 minutes, in each server process: past either limit, attempts are refused with 429 and Retry-After, whatever the password, until older failures leave the window. A success clears the failures of its username.",
        requestBody: { required: true, content: { "application/json": { schema: obj({ username: str, password: str }) } } },
        responses: {
          "200": json(obj({
            token: str,
            expires_at: { type: "string", format: "date-time", description: "ISO 8601, UTC: the token is refused from then on" },
            user: obj({ username: str, role: { enum: ["editor", "reader"] } }),
          })),
          ...errors(400, 401),
          "429": {
            description: "too many failed log-ins for this username or from this address",
            headers: { "Retry-After": { description: "seconds to wait before trying again", schema: { type: "integer", minimum: 1 } } },
            content: { "application/json": { schema: ref("Error") } },
          },
        },
      },
    },
    "/api/auth/logout": write("post", "revoke the token of the request", null, obj({ ok: { type: "boolean" } }), [401]),
    "/api/me": { get: { summary: "the user of the token", security: [{ bearer: [] }], responses: { "200": json(obj({ username: str, role: { enum: ["editor", "reader"] } })), ...errors(401) } } },
  },
} as const;
