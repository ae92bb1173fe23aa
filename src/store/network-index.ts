// The network view from memory. Counting a new area and period with GROUP BY joins over the link tables costs
// ~20 ms at 100,000 events, and a server answers one query at a time: under concurrent load that queues every
// other call behind it. Here the link tables are read once per generation of the merged records into flat
// columns (day numbers, small integer codes, offsets into shared arrays, one posting list per area), and a
// network under any filter is a scan of those arrays: ~1 ms for every event, less for one area.
import type { Conn } from "./db.js";
import { bound } from "./dates.js";
import type { Rec } from "./queries.js";
import type { Network, NetworkQuery } from "./types.js";
import { combine } from "./views.js";

const DAY = 86_400_000;
const dayNumber = (d: string | null): number => (d == null ? NaN : Date.parse(`${d}T00:00:00Z`) / DAY);

/** Codes (countries, areas, kinds) as small integers, and back. */
class Codes {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  id(name: string): number {
    let i = this.ids.get(name);
    if (i === undefined) {
      this.ids.set(name, (i = this.names.length));
      this.names.push(name);
    }
    return i;
  }
  find(name: string): number | undefined {
    return this.ids.get(name);
  }
}

/** Lists per record (countries, pairs, areas) as one array of values and each record's start offset. */
interface Lists {
  start: Int32Array;
  values: Int32Array;
}

/** One kind of record: its dates, kind, rejected flag and link lists, by position (not by id). */
interface Columns {
  lo: Float64Array;
  hi: Float64Array;
  kind: Int32Array;
  rejected: Uint8Array;
  countries: Lists;
  /** pair codes: a * nCountries + b, with a < b by code name as stored */
  pairs: Lists;
  areas: Lists;
  /** positions of the records of each area code */
  byArea: Int32Array[];
}

interface Filter {
  lo: number | null;
  hi: number | null;
  kind: number | null;
  area: number | null;
}

export class NetworkIndex {
  private constructor(
    private readonly countries: Codes,
    private readonly areas: Codes,
    private readonly kinds: Codes,
    private readonly pairNames: Map<number, [string, string]>,
    private readonly cols: Record<Rec, Columns>,
  ) {}

  static async load(c: Conn): Promise<NetworkIndex> {
    const countries = new Codes(), areas = new Codes(), kinds = new Codes();
    const pairNames = new Map<number, [string, string]>();
    const pairs: [number, number][] = [];
    const pairCode = new Map<string, number>();
    const pairOf = (a: string, b: string) => {
      const key = `${a}|${b}`;
      let p = pairCode.get(key);
      if (p === undefined) {
        pairCode.set(key, (p = pairs.length));
        pairs.push([countries.id(a), countries.id(b)]);
        pairNames.set(p, [a, b]);
      }
      return p;
    };
    const load = async (rec: Rec): Promise<Columns> => {
      const table = rec === "event" ? "events" : "agreements";
      const rid = `${rec}_id`;
      const rows = await c.all<{ id: number; sort_date: string; date_hi: string | null; kind: string }>(`SELECT id, sort_date, date_hi, kind FROM ${table} ORDER BY id`);
      const pos = new Map<number, number>();
      const lo = new Float64Array(rows.length), hi = new Float64Array(rows.length), kind = new Int32Array(rows.length);
      rows.forEach((r, i) => {
        pos.set(Number(r.id), i);
        lo[i] = dayNumber(r.sort_date);
        hi[i] = dayNumber(r.date_hi);
        kind[i] = kinds.id(r.kind);
      });
      const rejected = new Uint8Array(rows.length);
      for (const r of await c.all<{ id: number }>("SELECT record_id AS id FROM record_reviews WHERE rec_kind = ? AND status = 'rejected'", [rec])) {
        const i = pos.get(Number(r.id));
        if (i !== undefined) rejected[i] = 1;
      }
      // rows in owner order (the link tables' primary key), so each record's list is a run: no array per record
      const lists = async <T>(sql: string, code: (r: T) => number): Promise<Lists> => {
        const links = await c.all<T & { owner: number }>(sql);
        const start = new Int32Array(rows.length + 1);
        const values = new Int32Array(links.length);
        let n = 0;
        let at = 0;
        for (const r of links) {
          const i = pos.get(Number(r.owner));
          if (i === undefined) continue;
          while (at < i) start[++at] = n;
          values[n++] = code(r);
        }
        while (at < rows.length) start[++at] = n;
        return { start, values: values.subarray(0, n) };
      };
      const cs = await lists<{ country: string }>(`SELECT ${rid} AS owner, country FROM ${rec}_countries ORDER BY ${rid}`, (r) => countries.id(r.country));
      const ps = await lists<{ a: string; b: string }>(`SELECT ${rid} AS owner, country_a AS a, country_b AS b FROM ${rec}_pairs ORDER BY ${rid}`, (r) => pairOf(r.a, r.b));
      const as = await lists<{ area: string }>(`SELECT ${rid} AS owner, area FROM ${rec}_areas ORDER BY ${rid}`, (r) => areas.id(r.area));
      const posting: number[][] = [];
      for (let i = 0; i < rows.length; i++)
        for (let k = as.start[i]!; k < as.start[i + 1]!; k++) (posting[as.values[k]!] ??= []).push(i);
      return { lo, hi, kind, rejected, countries: cs, pairs: ps, areas: as, byArea: posting.map((p) => Int32Array.from(p ?? [])) };
    };
    const event = await load("event");
    const agreement = await load("agreement");
    return new NetworkIndex(countries, areas, kinds, pairNames, { event, agreement });
  }

  /** The network under filters, as the SQL views computed it: dates overlap [from, to], a rejected record is out. */
  network(q: NetworkQuery): Network {
    const lo = q.from != null ? dayNumber(bound(q.from, "from")) : null;
    const hi = q.to != null ? dayNumber(bound(q.to, "to")) : null;
    const area = q.area != null ? (this.areas.find(q.area) ?? -1) : null;
    const kind = q.kind != null ? (this.kinds.find(q.kind) ?? -1) : null;
    const nodeEvents = new Map<string, number>(), nodeAgreements = new Map<string, number>();
    const edges = new Map<number, Network["edges"][number]>();
    const edge = (p: number) => {
      let e = edges.get(p);
      if (!e) {
        const [a, b] = this.pairNames.get(p)!;
        edges.set(p, (e = { a, b, events: 0, agreements: 0, areas: {} }));
      }
      return e;
    };
    this.scan("event", { lo, hi, kind, area }, (i, cols) => {
      this.count(cols.countries, i, nodeEvents);
      for (let k = cols.pairs.start[i]!; k < cols.pairs.start[i + 1]!; k++) {
        const e = edge(cols.pairs.values[k]!);
        e.events++;
        for (let j = cols.areas.start[i]!; j < cols.areas.start[i + 1]!; j++) {
          const code = cols.areas.values[j]!;
          if (area != null && code !== area) continue;
          const name = this.areas.names[code]!;
          e.areas[name] = (e.areas[name] ?? 0) + 1;
        }
      }
    });
    this.scan("agreement", { lo, hi, kind: null, area }, (i, cols) => {
      this.count(cols.countries, i, nodeAgreements);
      for (let k = cols.pairs.start[i]!; k < cols.pairs.start[i + 1]!; k++) edge(cols.pairs.values[k]!).agreements++;
    });
    for (const e of edges.values()) e.areas = Object.fromEntries(Object.entries(e.areas).sort(([x], [y]) => (x < y ? -1 : 1)));
    const list = [...edges.values()].sort((x, y) => y.events - x.events || y.agreements - x.agreements || (x.a + x.b < y.a + y.b ? -1 : 1));
    return { nodes: combine(nodeEvents, nodeAgreements), edges: list };
  }

  private count(l: Lists, i: number, into: Map<string, number>): void {
    for (let k = l.start[i]!; k < l.start[i + 1]!; k++) {
      const name = this.countries.names[l.values[k]!]!;
      into.set(name, (into.get(name) ?? 0) + 1);
    }
  }

  /** calls `each` for every record position that passes the filter; an area's posting list drives when given */
  private scan(rec: Rec, f: Filter, each: (i: number, cols: Columns) => void): void {
    const cols = this.cols[rec];
    const pass = (i: number) =>
      !cols.rejected[i] && (f.kind == null || cols.kind[i] === f.kind) && (f.lo == null || cols.hi[i]! >= f.lo) && (f.hi == null || cols.lo[i]! <= f.hi);
    if (f.area != null) {
      for (const i of cols.byArea[f.area] ?? []) if (pass(i)) each(i, cols);
      return;
    }
    for (let i = 0; i < cols.lo.length; i++) if (pass(i)) each(i, cols);
  }
}
