// The API client: one fetch wrapper, the session token (sessionStorage: it ends with the tab, and is never sent
// to anything but our own origin), and small caches for the lists every view labels with.
import type { AreaItem, CountryItem, User } from "./types.js";

const TOKEN_KEY = "entente.token";
const USER_KEY = "entente.user";

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export function token(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function currentUser(): User | null {
  const raw = sessionStorage.getItem(USER_KEY);
  if (!raw || !token()) return null;
  try {
    return JSON.parse(raw) as User;
  } catch {
    return null;
  }
}

export function isEditor(): boolean {
  return currentUser()?.role === "editor";
}

export function setSession(t: string | null, u: User | null): void {
  if (t && u) {
    sessionStorage.setItem(TOKEN_KEY, t);
    sessionStorage.setItem(USER_KEY, JSON.stringify(u));
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function qs(q: Query | undefined): string {
  if (!q) return "";
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}

export async function api<T>(path: string, opts: { query?: Query; method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  const t = token();
  if (t) headers.authorization = `Bearer ${t}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`/api${path}${qs(opts.query)}`, {
    method: opts.method ?? "GET",
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    signal: opts.signal,
  });
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    // a token the server no longer knows (expired, revoked) must not keep showing edit controls
    if (res.status === 401 && t) setSession(null, null);
    throw new ApiError(res.status, err?.code ?? String(res.status), err?.message ?? `${res.status} ${res.statusText}`);
  }
  return data as T;
}

let countries: Promise<Map<string, CountryItem>> | null = null;
let areas: Promise<Map<string, AreaItem>> | null = null;

export function countryIndex(): Promise<Map<string, CountryItem>> {
  countries ??= api<{ items: CountryItem[] }>("/countries")
    .then((r) => new Map(r.items.map((c) => [c.code, c])))
    .catch((e) => {
      countries = null;
      throw e;
    });
  return countries;
}

export function areaIndex(): Promise<Map<string, AreaItem>> {
  areas ??= api<{ items: AreaItem[] }>("/areas")
    .then((r) => new Map(r.items.map((a) => [a.code, a])))
    .catch((e) => {
      areas = null;
      throw e;
    });
  return areas;
}

/** after a correction the counts and the countries that occur may change */
export function dropCaches(): void {
  countries = null;
  areas = null;
}
