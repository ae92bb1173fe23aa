// Search results by kind; the matched words are marked by building text nodes around the server's offsets.
import { h } from "../dom.js";
import { api } from "../api.js";
import { fmtDate, t, term } from "../i18n.js";
import { href } from "../router.js";
import { empty, highlighted, sourceHeader } from "../components.js";
import type { SearchHit, StoredArticle } from "../types.js";
import type { View } from "./view.js";

const KINDS: SearchHit["kind"][] = ["person", "organization", "agreement", "article"];

function target(hit: SearchHit): string {
  if (hit.kind === "person") return href(`/people/${hit.id}`);
  if (hit.kind === "organization") return href(`/organizations/${hit.id}`);
  if (hit.kind === "agreement") return href(`/agreements/${hit.id}`);
  return href(`/articles/${hit.article?.id ?? hit.id}`);
}

export function snippet(hit: SearchHit): HTMLElement {
  const spans = hit.highlights
    .filter(([a, b]) => a >= 0 && b <= hit.snippet.length && a < b)
    .map(([start, end]) => ({ start, end, text: hit.snippet.slice(start, end) }));
  const node = highlighted(hit.snippet, spans).node;
  node.className = "snippet";
  return node;
}

export async function searchView(q: URLSearchParams): Promise<View> {
  const text = (q.get("q") ?? "").trim();
  if (!text) return { title: t("search.title"), node: h("div", { class: "view" }, h("h1", null, t("search.title")), empty(t("search.prompt"))) };
  const r = await api<{ items: SearchHit[] }>("/search", { query: { q: text, limit: 100 } });
  return {
    title: `${t("search.title")}: ${text}`,
    node: h(
      "div",
      { class: "view search" },
      h("h1", null, t("search.resultsFor"), " ", h("q", null, text)),
      h("p", { class: "count", role: "status" }, t("search.count", { n: r.items.length })),
      r.items.length
        ? KINDS.filter((k) => r.items.some((x) => x.kind === k)).map((k) =>
            h(
              "section",
              { "aria-labelledby": `h-${k}` },
              h("h2", { id: `h-${k}` }, term("hit", k)),
              h(
                "ol",
                { class: "hits" },
                r.items.filter((x) => x.kind === k).map((x) =>
                  h(
                    "li",
                    null,
                    h("a", { href: target(x), class: "hit-title" }, x.title ?? x.id),
                    x.article ? h("span", { class: "muted" }, ` · ${[x.article.outlet, x.article.published ? fmtDate(x.article.published) : null].filter(Boolean).join(" · ")}`) : null,
                    snippet(x),
                  ),
                ),
              ),
            ),
          )
        : empty(t("search.none")),
    ),
  };
}

export async function articleView(id: string): Promise<View> {
  const a = await api<StoredArticle>(`/articles/${encodeURIComponent(id)}`);
  const title = a.title ?? a.key;
  const head = sourceHeader({ articleId: a.id, index: null, evidence: [], url: a.url, uri: a.uri, title: a.title, outlet: a.outlet, published: a.published, superseded: a.superseded_by !== null }, 0);
  head.querySelector(".source-n")?.remove();
  return {
    title,
    node: h("div", { class: "view article" }, h("p", { class: "crumb" }, t("article.crumb")), head, h("div", { class: "article-text" }, a.text ?? "")),
  };
}
