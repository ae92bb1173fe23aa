// Hash routing ("#/pairs/MAR/SEN?from=2020"): the app is one static file set that any server can serve, and a
// view's filters live in its URL.

export interface Route {
  path: string;
  parts: string[];
  query: URLSearchParams;
}

export function href(path: string, query?: Record<string, string | number | null | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== "") p.set(k, String(v));
  const s = p.toString();
  return `#${path}${s ? `?${s}` : ""}`;
}

export function navigate(path: string, query?: Record<string, string | number | null | undefined>): void {
  const next = href(path, query);
  if (location.hash === next) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = next;
}

export function current(): Route {
  const raw = location.hash.replace(/^#/, "") || "/";
  const [path = "/", q = ""] = raw.split("?", 2);
  const parts = path.split("/").filter(Boolean).map((x) => {
    try {
      return decodeURIComponent(x);
    } catch {
      return x;
    }
  });
  return { path, parts, query: new URLSearchParams(q) };
}

/** draws the current view again (after a write, or a change of language) */
export function refresh(): void {
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}
