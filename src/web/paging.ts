// Paging of the list views. offset and limit live in the URL hash, so that the back button, a reload or a shared
// link return to the same page; the server's Page says where that page sits in the whole list.
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { href } from "./router.js";
import type { Page } from "./types.js";

export interface PageParams {
  limit: number;
  offset: number;
}

const MAX_LIMIT = 1000;

/** the page the hash asks for; a malformed or out-of-range value falls back to the default instead of failing the view */
export function pageParams(q: URLSearchParams, defaultLimit: number): PageParams {
  const int = (k: string): number | null => {
    const v = q.get(k);
    return v !== null && /^\d{1,9}$/.test(v) ? Number(v) : null;
  };
  const limit = int("limit");
  return { limit: limit && limit <= MAX_LIMIT ? limit : defaultLimit, offset: int("offset") ?? 0 };
}

/** the query a filter form should keep when it sends new filters: the page size, never the offset (new filters, first page) */
export function keptPaging(q: URLSearchParams): Record<string, string> {
  const limit = q.get("limit");
  return limit ? { limit } : {};
}

export function needsPaging(page: Page<unknown>): boolean {
  return page.total > page.limit || page.offset > 0;
}

/**
 * "previous / 11–20 of 26 / next". The links keep every other parameter of the view's query (its filters and page
 * size) and change only the offset; the first page has none, so that its URL is the plain one.
 */
export function pager(path: string, q: URLSearchParams, page: Page<unknown>): HTMLElement {
  const at = (offset: number) => {
    const next: Record<string, string> = {};
    for (const [k, v] of q) if (k !== "offset") next[k] = v;
    if (offset > 0) next.offset = String(offset);
    return href(path, next);
  };
  const from = page.offset + 1;
  const to = page.offset + page.items.length;
  const range = page.items.length ? t("paging.range", { from, to, total: page.total }) : t("paging.beyond", { total: page.total });
  const prev = page.offset > 0 ? Math.max(0, Math.min(page.offset - page.limit, page.total - page.limit)) : null;
  const next = page.offset + page.limit < page.total ? page.offset + page.limit : null;
  const link = (offset: number | null, rel: "prev" | "next", label: string) =>
    offset === null
      ? h("span", { class: `pager-${rel} disabled`, "aria-disabled": "true" }, label)
      : h("a", { class: `pager-${rel} button secondary`, rel, href: at(offset) }, label);
  return h(
    "nav",
    { class: "pager", "aria-label": t("paging.label") },
    link(prev, "prev", t("paging.prev")),
    h("span", { class: "pager-range" }, range),
    link(next, "next", t("paging.next")),
  );
}
