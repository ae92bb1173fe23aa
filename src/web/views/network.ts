// The world view: countries linked by cooperation. The force layout runs synchronously to a fixed number of ticks
// and is drawn once, so the picture is the same on every load and nothing moves under the reader's pointer.
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from "d3-force";
import { h, s } from "../dom.js";
import { api } from "../api.js";
import { area, country, learnCountries, t } from "../i18n.js";
import { href } from "../router.js";
import { empty, filterForm, pairHref, pairLabel } from "../components.js";
import type { Network, NetworkEdge, NetworkNode } from "../types.js";
import type { View } from "./view.js";

interface N extends SimulationNodeDatum { code: string; label: string; r: number; events: number }
interface L extends SimulationLinkDatum<N> { edge: NetworkEdge }

const TICKS = 400;
const GAP = 36;

function components(nodes: N[], links: L[]): { nodes: N[]; links: L[] }[] {
  const parent = new Map(nodes.map((n) => [n.code, n.code]));
  const find = (c: string): string => {
    let r = c;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(c, r);
    return r;
  };
  const code = (x: string | number | N) => (typeof x === "object" ? x.code : String(x));
  for (const l of links) parent.set(find(code(l.source)), find(code(l.target)));
  const out = new Map<string, { nodes: N[]; links: L[] }>();
  for (const n of nodes) {
    const r = find(n.code);
    if (!out.has(r)) out.set(r, { nodes: [], links: [] });
    out.get(r)!.nodes.push(n);
  }
  for (const l of links) out.get(find(code(l.source)))!.links.push(l);
  const weight = (g: { nodes: N[] }) => g.nodes.reduce((a, n) => a + n.events, 0);
  return [...out.values()].sort((a, b) => b.nodes.length - a.nodes.length || weight(b) - weight(a));
}

/** the box a group takes, labels included (they may sit above or below their node) */
function bounds(nodes: N[]): { x0: number; y0: number; x1: number; y1: number } {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const n of nodes) {
    const half = Math.max(n.r, (n.label.length * CHAR_W) / 2);
    x0 = Math.min(x0, n.x! - half);
    x1 = Math.max(x1, n.x! + half);
    y0 = Math.min(y0, n.y! - n.r - 18);
    y1 = Math.max(y1, n.y! + n.r + 18);
  }
  return { x0, y0, x1, y1 };
}
const CHAR_W = 7.2;

export async function networkView(q: URLSearchParams): Promise<View> {
  const query = { area: q.get("area"), from: q.get("from"), to: q.get("to"), kind: q.get("kind") };
  const [net, form] = await Promise.all([api<Network>("/network", { query }), filterForm("/network", ["area", "kind", "from", "to"], q)]);
  learnCountries(net.nodes);
  const graph = net.nodes.length ? drawGraph(net) : empty(t("network.empty"));
  const edges = [...net.edges].sort((x, y) => y.events - x.events || y.agreements - x.agreements);
  const table = h(
    "table",
    { class: "data" },
    h("caption", null, t("network.tableCaption")),
    h("thead", null, h("tr", null, ["network.pair", "network.events", "network.agreements", "network.areas"].map((k, i) => h("th", { scope: "col", class: i === 1 || i === 2 ? "num" : null }, t(k))))),
    h(
      "tbody",
      null,
      edges.map((e) =>
        h(
          "tr",
          null,
          h("td", null, h("a", { href: pairHref(e.a, e.b) }, pairLabel(e.a, e.b))),
          h("td", { class: "num" }, e.events),
          h("td", { class: "num" }, e.agreements),
          h("td", null, topAreas(e.areas).map(([c, n]) => `${area(c)} (${n})`).join(", ") || "—"),
        ),
      ),
    ),
  );
  return {
    title: t("network.title"),
    node: h(
      "div",
      { class: "view network" },
      h("h1", null, t("network.title")),
      h("p", { class: "lede" }, t("network.lede")),
      form,
      h("div", { class: "graph-wrap" }, graph),
      edges.length ? table : null,
    ),
  };
}

const topAreas = (areas: Record<string, number>) => Object.entries(areas).sort((a, b) => b[1] - a[1]).slice(0, 4);

function drawGraph(net: Network): SVGSVGElement {
  const nodes: N[] = net.nodes.map((n: NetworkNode) => ({ code: n.code, label: country(n.code, n.name), r: 5 + 3.5 * Math.sqrt(n.events), events: n.events }));
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const links: L[] = net.edges.filter((e) => byCode.has(e.a) && byCode.has(e.b)).map((e) => ({ source: e.a, target: e.b, edge: e }));
  const maxW = Math.max(1, ...links.map((l) => l.edge.events));
  // collision radius covers the label under the node too, so that labels do not overlap once drawn
  const radius = (n: N) => Math.max(n.r + 6, (n.label.length * CHAR_W) / 2 + 6);
  // Each connected group is laid out on its own and the groups are then packed in rows: laid out together,
  // unrelated pairs drift across each other and a country can end up on a line it has no part in.
  const groups = components(nodes, links);
  const boxes = groups.map((g) => {
    const sim = forceSimulation<N>(g.nodes)
      .force("link", forceLink<N, L>(g.links).id((n) => n.code).distance((l) => 50 + radius(l.source as N) + radius(l.target as N)).strength(0.7))
      .force("charge", forceManyBody<N>().strength(-520).distanceMax(420))
      .force("collide", forceCollide<N>((n) => radius(n)).iterations(3))
      .force("x", forceX<N>(0).strength(0.05))
      .force("y", forceY<N>(0).strength(0.08))
      .stop();
    for (let i = 0; i < TICKS; i++) sim.tick();
    return { g, ...bounds(g.nodes) };
  });
  const surface = boxes.reduce((a, b) => a + (b.x1 - b.x0 + GAP) * (b.y1 - b.y0 + GAP), 0);
  const rowWidth = Math.max(...boxes.map((b) => b.x1 - b.x0), Math.sqrt(surface) * 1.8);
  let cx = 0, cy = 0, rowH = 0;
  for (const b of boxes) {
    const w = b.x1 - b.x0, hh = b.y1 - b.y0;
    if (cx > 0 && cx + w > rowWidth) {
      cx = 0;
      cy += rowH + GAP;
      rowH = 0;
    }
    for (const n of b.g.nodes) {
      n.x = n.x! - b.x0 + cx;
      n.y = n.y! - b.y0 + cy;
    }
    cx += w + GAP;
    rowH = Math.max(rowH, hh);
  }
  // a label goes on the side of its node away from its links, so that it does not sit on a line
  const below = new Map<N, boolean>();
  for (const n of nodes) {
    let dx = 0, dy = 0;
    for (const l of links) {
      const a = l.source as N, b = l.target as N;
      const o = a === n ? b : b === n ? a : null;
      if (o) {
        dx += Math.abs(o.x! - n.x!);
        dy += o.y! - n.y!;
      }
    }
    // near-horizontal links leave room below; only links going down push the label up
    below.set(n, !(dy > 0 && dy > dx * 0.5));
  }
  const pad = 20;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const n of nodes) {
    const half = Math.max(n.r, (n.label.length * CHAR_W) / 2);
    minX = Math.min(minX, n.x! - half);
    maxX = Math.max(maxX, n.x! + half);
    minY = Math.min(minY, n.y! - n.r - (below.get(n) ? 0 : 18));
    maxY = Math.max(maxY, n.y! + n.r + (below.get(n) ? 18 : 0));
  }
  const w = maxX - minX + 2 * pad, hgt = maxY - minY + 2 * pad;
  const svg = s("svg", {
    class: "graph", viewBox: `${minX - pad} ${minY - pad} ${w} ${hgt}`, role: "img", "aria-labelledby": "graph-title",
  });
  // through CSSOM: the page's CSP refuses style attributes
  svg.style.maxHeight = `${Math.max(320, Math.min(720, hgt * 1.1))}px`;
  svg.appendChild(s("title", { id: "graph-title" }, t("network.graphLabel", { nodes: nodes.length, edges: links.length })));
  const gEdges = s("g", { class: "edges" });
  for (const l of links) {
    const a = l.source as N, b = l.target as N;
    const label = `${pairLabel(a.code, b.code)}: ${t("network.edgeTitle", { events: l.edge.events, agreements: l.edge.agreements })}`;
    gEdges.appendChild(
      s(
        "a",
        { href: pairHref(a.code, b.code), "aria-label": label, class: "edge", "data-pair": `${a.code}-${b.code}` },
        s("title", null, label),
        s("line", { x1: a.x!, y1: a.y!, x2: b.x!, y2: b.y!, class: "hit" }),
        s("line", { x1: a.x!, y1: a.y!, x2: b.x!, y2: b.y!, class: "stroke", "stroke-width": (1.5 + 6 * Math.sqrt(l.edge.events / maxW)).toFixed(1) }),
      ),
    );
  }
  const gNodes = s("g", { class: "nodes" });
  for (const n of nodes) {
    const label = `${n.label}: ${t("network.nodeTitle", { events: n.events })}`;
    gNodes.appendChild(
      s(
        "a",
        { href: href(`/countries/${n.code}`), "aria-label": label, class: "node", "data-code": n.code },
        s("title", null, label),
        s("circle", { cx: n.x!, cy: n.y!, r: n.r.toFixed(1) }),
        s("text", { x: n.x!, y: below.get(n) ? n.y! + n.r + 13 : n.y! - n.r - 5, "text-anchor": "middle" }, n.label),
      ),
    );
  }
  svg.append(gEdges, gNodes);
  return svg;
}
