// HTML page -> plain text with an offset map back to the raw HTML, plus the article's own paragraphs.
//
// One pass of htmlparser2's tokenizer over the raw string does three things at once:
//   1. writes the page's visible text (blocks separated by "\n\n", <br> as "\n", entities decoded, white
//      space collapsed) through an OffsetMapBuilder, so every text offset maps back into the raw HTML;
//   2. builds a linkedom DOM of the same page (scripts, styles, SVG, comments and hidden elements left out),
//      remembering for every DOM text node the range of `text` it produced;
//   3. collects metadata (title, publication date, language, canonical URL).
// Readability then runs over that DOM. Its article element still holds the very text nodes we created, so
// the article's paragraphs are found in `text` by node identity, not by searching for strings (when
// Readability starts over, the body is rebuilt from the raw HTML with known nodes again: lazyBodyCache; the
// few text nodes Readability makes itself are found by string search between identified neighbours).
// Before that, cleanups beyond Readability run on its article: captions, teaser lists ("Voir plus",
// "Related"), share bars, author boxes, date stamps, link-only teaser lines, the byline.
// When Readability finds nothing, the densest run of long, link-poor blocks stands in.
import { Parser } from "htmlparser2";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { OffsetMapBuilder, type OffsetMap } from "../core/offset-map.js";

export interface HtmlArticle {
  /** the page's visible text: blocks separated by "\n\n", <br> as "\n", entities decoded, white space collapsed */
  text: string;
  /** from `text` offsets back to offsets in the raw HTML string */
  map: OffsetMap;
  /** ranges of `text` holding the article's main text (paragraphs), in text order */
  body: { start: number; end: number }[];
  title: string | null;
  /** YYYY-MM-DD */
  published: string | null;
  language: string | null;
  url: string | null;
}

// ---------------------------------------------------------------------------------------------------------
// element classes

const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
  "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4",
  "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre",
  "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "video", "audio", "option",
  "select", "textarea",
]);
/** left out of both the text and the DOM */
const SKIP = new Set(["script", "style", "noscript", "template", "svg", "math"]);
/** kept in the DOM (Readability counts them) but their content is not visible text */
const NO_TEXT = new Set(["iframe", "object", "video", "audio", "canvas", "select", "textarea", "datalist", "frameset", "frame"]);
const HEAD_ONLY = new Set(["title", "meta", "link", "base", "style", "script", "noscript", "template"]);
const PRE = new Set(["pre", "textarea", "listing", "plaintext"]);
const VOID = new Set([
  "area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img", "input", "isindex", "keygen",
  "link", "meta", "param", "source", "track", "wbr",
]);

/** the attributes Readability reads (media elements keep all theirs: lazy-image and video-embed checks) */
const READ_ATTR = new Set([
  "class", "id", "style", "role", "itemprop", "itemscope", "itemtype", "href", "hidden", "aria-hidden", "aria-modal",
  "rel", "type", "name", "property", "content", "lang", "dir", "summary", "datatable", "colspan", "rowspan", "width",
  "height", "src", "srcset", "poster", "datetime", "charset", "http-equiv",
]);
const MEDIA = new Set(["img", "picture", "source", "iframe", "embed", "object", "video", "audio", "figure", "svg"]);
/** elements (DOM nodeName) whose white-space-only text children are left out of the DOM */
const CONTAINER = new Set([
  "BODY", "HEAD", "HTML", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "NAV", "ASIDE", "UL", "OL", "DL",
  "TABLE", "THEAD", "TBODY", "TFOOT", "TR", "FORM", "FIGURE", "SELECT", "FIELDSET", "MENU", "HGROUP", "DETAILS",
]);

const WS = /[\t\n\f\r \u00a0]+/g;
const ALL_WS = /^[\t\n\f\r \u00a0]*$/;

type Attrs = Record<string, string>;

function hidden(a: Attrs): boolean {
  if ("hidden" in a) return true;
  const st = a.style;
  if (st && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i.test(st)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// metadata

interface Meta {
  ogTitle: string | null;
  twTitle: string | null;
  docTitle: string | null;
  h1: string | null;
  siteName: string | null;
  dates: { rank: number; value: string }[];
  lang: string | null;
  ogLocale: string | null;
  contentLanguage: string | null;
  canonical: string | null;
  ogUrl: string | null;
  jsonld: string[];
}

const DATE_META: Record<string, number> = {
  "article:published_time": 0,
  "og:published_time": 1,
  "og:article:published_time": 1,
  "datepublished": 3,
  "date": 4,
  "pubdate": 4,
  "publishdate": 4,
  "publish-date": 4,
  "publish_date": 4,
  "published_time": 4,
  "article.published": 4,
  "article_date_original": 4,
  "original-publish-date": 4,
  "sailthru.date": 5,
  "parsely-pub-date": 5,
  "dc.date": 5,
  "dc.date.issued": 5,
  "dc.date.created": 5,
  "dcterms.date": 5,
  "dcterms.issued": 5,
  "dcterms.created": 5,
  "citation_publication_date": 5,
  "citation_date": 5,
  "cxenseparse:recs:publishtime": 6,
  "displaydate": 6,
  "date_published": 6,
  "timestamp": 7,
};
const JSONLD_RANK = 2;
const TIME_RANK = 8;

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  janv: 1, fev: 2, févr: 2, fevr: 2, mars: 3, avr: 4, mai: 5, juin: 6, juil: 7, aout: 8, août: 8, sept: 9,
  déc: 12, janvier: 1, février: 2, fevrier: 2, avril: 4, juillet: 7, septembre: 9, octobre: 10, novembre: 11,
  décembre: 12, decembre: 12,
};

const pad = (n: number) => String(n).padStart(2, "0");
function validYmd(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A date in any of the usual metadata shapes -> YYYY-MM-DD (the date as written, not shifted to UTC). */
export function isoDate(s: string): string | null {
  const v = s.trim();
  if (!v) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(v) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(v);
  if (m) return validYmd(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})(\d{2})(\d{2})(?:\D|$)/.exec(v);
  if (m) return validYmd(+m[1]!, +m[2]!, +m[3]!);
  if (/^\d{10}(?:\d{3})?$/.test(v)) {
    const ms = v.length === 13 ? +v : +v * 1000;
    const d = new Date(ms);
    return validYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  m = /(\d{1,2})(?:st|nd|rd|th|er)?\s+([a-zéû]{3,9})\.?,?\s+(\d{4})/i.exec(v);
  if (m) {
    const mo = MONTHS[m[2]!.toLowerCase()] ?? MONTHS[m[2]!.toLowerCase().slice(0, 3)];
    if (mo) return validYmd(+m[3]!, mo, +m[1]!);
  }
  m = /([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/i.exec(v);
  if (m) {
    const mo = MONTHS[m[1]!.toLowerCase().slice(0, 3)];
    if (mo) return validYmd(+m[3]!, mo, +m[2]!);
  }
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})/.exec(v);
  if (m) return validYmd(+m[3]!, +m[2]!, +m[1]!);
  return null;
}

function jsonLdDate(src: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(src.replace(/^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$/g, ""));
  } catch {
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(src);
    return m ? isoDate(m[1]!) : null;
  }
  let found: string | null = null;
  const seen = new Set<unknown>();
  const walk = (x: unknown, depth: number): void => {
    if (found || depth > 8 || x === null || typeof x !== "object" || seen.has(x)) return;
    seen.add(x);
    if (Array.isArray(x)) {
      for (const y of x) walk(y, depth + 1);
      return;
    }
    const o = x as Record<string, unknown>;
    const dp = o.datePublished ?? o.dateCreated;
    if (typeof dp === "string") {
      const d = isoDate(dp);
      if (d) {
        found = d;
        return;
      }
    }
    for (const k of Object.keys(o)) if (k !== "publisher" && k !== "author") walk(o[k], depth + 1);
  };
  walk(data, 0);
  return found;
}

const squashSpaces = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();
const looseKey = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

const TITLE_SEP = /\s+[-|–—:·•»/]\s+|\s*[|·•»]\s*/g;

/** Whether a title part names the site: its og:site_name, or its host name ("lemonde.fr", "lemonde"). */
function namesSite(part: string, sites: string[]): boolean {
  const k = looseKey(part);
  if (k.length < 2) return false;
  return sites.some((s) => k === s || (k.length > 2 && s.startsWith(k) && k.length * 2 >= s.length));
}

/**
 * The article's title without the site's name around it: "Title - Site", "Title | Section | Site",
 * "Site | Title". A suffix is dropped when it names the site (og:site_name or the host name), or when what
 * is left is exactly the page's first <h1>.
 */
export function cleanTitle(t: string, siteName: string | null, url: string | null = null, h1: string | null = null): string {
  let title = squashSpaces(t);
  const sites: string[] = [];
  if (siteName && looseKey(siteName)) sites.push(looseKey(siteName));
  const host = url ? /^(?:[a-z][\w+.-]*:)?\/\/(?:www\d?\.)?([^/:?#]+)/i.exec(url.trim())?.[1] : undefined;
  if (host) {
    sites.push(looseKey(host));
    const label = host.split(".")[0];
    if (label && label.length > 2) sites.push(looseKey(label));
  }
  for (let changed = true; changed; ) {
    changed = false;
    const seps = [...title.matchAll(TITLE_SEP)];
    const last = seps[seps.length - 1];
    if (last && last.index! > 0 && namesSite(title.slice(last.index! + last[0].length), sites)) {
      title = title.slice(0, last.index!).trim();
      changed = true;
      continue;
    }
    const first = seps[0];
    if (first && first.index! > 0 && namesSite(title.slice(0, first.index!), sites)) {
      title = title.slice(first.index! + first[0].length).trim();
      changed = true;
    }
  }
  if (h1) {
    const hk = looseKey(h1);
    const seps = [...title.matchAll(TITLE_SEP)];
    for (let i = seps.length - 1; i >= 0; i--) {
      const head = title.slice(0, seps[i]!.index!);
      if (hk && looseKey(head) === hk) return head.trim();
    }
  }
  return title;
}

// ---------------------------------------------------------------------------------------------------------
// the tokenizer pass

interface Block {
  start: number;
  end: number;
  /** characters inside <a> */
  linkChars: number;
  /** inside nav/header/footer/aside/form, or an element whose class/id says so */
  chrome: boolean;
}

interface Page {
  text: string;
  map: OffsetMap;
  blocks: Block[];
  doc: Document;
  nodeRange: Map<unknown, number>;
  recStart: number[];
  recEnd: number[];
  meta: Meta;
}

const CHROME_TAG = new Set(["nav", "header", "footer", "aside", "form", "menu"]);
const CHROME_ATTR = /(?:^|[\s_-])(?:nav|navbar|menu|footer|header|sidebar|share|social|related|breadcrumbs?|comments?|newsletter|promo|teaser|advert|ads?|cookie|banner|subscribe|widget|popular|trending|recommend\w*)(?:$|[\s_-])/i;

interface Open {
  name: string;
  dom: boolean;
  block: boolean;
  skip: boolean;
  noText: boolean;
  pre: boolean;
  link: boolean;
  chrome: boolean;
  /** the first <h1>, whose text may stand in for a title */
  h1: boolean;
}

/**
 * One pass over the raw HTML: the text and its map, the blocks, the DOM (with each text node's range of the
 * text) and the metadata. With `into`, the DOM is rebuilt into that document's (emptied) body instead, its
 * head left as it is: Readability asks for that when it starts over (see `lazyBodyCache`).
 */
function tokenize(raw: string, into?: Document): Page {
  const b = new OffsetMapBuilder(raw);
  const doc = into ?? (parseHTML("<!DOCTYPE html><html><head></head><body></body></html>").document as unknown as Document);
  const head = into ? doc.createElement("head") : doc.head;
  const body = doc.body;

  const meta: Meta = {
    ogTitle: null, twTitle: null, docTitle: null, h1: null, siteName: null, dates: [], lang: null, ogLocale: null,
    contentLanguage: null, canonical: null, ogUrl: null, jsonld: [],
  };

  // text writer state
  let pos = 0;
  let any = false;
  let pendingBreak = 0;
  let wsStart = -1;
  let wsEnd = -1;
  const flush = (at: number) => {
    if (pendingBreak > 0) {
      if (any) {
        b.replace(at, at, pendingBreak === 1 ? "\n" : "\n\n");
        pos += pendingBreak;
      }
    } else if (wsStart >= 0 && any) {
      if (wsEnd - wsStart === 1 && raw.charCodeAt(wsStart) === 32) b.copy(wsStart, wsEnd);
      else b.replace(wsStart, wsEnd, " ");
      pos += 1;
    }
    pendingBreak = 0;
    wsStart = -1;
  };
  const setWs = (s: number, e: number) => {
    if (pendingBreak > 0 || !any) return;
    if (wsStart < 0) {
      wsStart = s;
      wsEnd = e;
    }
  };
  const blockBreak = () => {
    if (any) pendingBreak = 2;
    wsStart = -1;
  };

  // blocks
  const blocks: Block[] = [];
  let blockStart = -1;
  let blockLinks = 0;
  let blockChrome = false;
  const closeBlock = () => {
    if (blockStart >= 0 && pos > blockStart) blocks.push({ start: blockStart, end: pos, linkChars: blockLinks, chrome: blockChrome });
    blockStart = -1;
    blockLinks = 0;
  };

  // element stack
  const stack: Open[] = [];
  const domStack: Node[] = [body];
  let skipDepth = 0;
  let noTextDepth = 0;
  let preDepth = 0;
  let linkDepth = 0;
  let chromeDepth = 0;
  let inHead = true;
  let inTitle = false;
  let titleBuf = "";
  let ldScript: string[] | null = null;
  let h1Start = -1;
  let h1Range: [number, number] | null = null;

  const nodeRange = new Map<unknown, number>();
  const recStart: number[] = [];
  const recEnd: number[] = [];


  const onMeta = (a: Attrs) => {
    const content = a.content;
    if (content == null) return;
    const key = (a.property ?? a.name ?? a.itemprop ?? "").toLowerCase().trim();
    const he = (a["http-equiv"] ?? "").toLowerCase();
    if (he === "content-language") meta.contentLanguage ??= content.trim() || null;
    if (!key) return;
    if (key === "og:title") meta.ogTitle ??= content;
    else if (key === "twitter:title") meta.twTitle ??= content;
    else if (key === "og:site_name" || key === "application-name") meta.siteName ??= content;
    else if (key === "og:url") meta.ogUrl ??= content.trim() || null;
    else if (key === "og:locale") meta.ogLocale ??= content.trim() || null;
    else if (key === "language" || key === "dc.language") meta.contentLanguage ??= content.trim() || null;
    const rank = DATE_META[key];
    if (rank !== undefined) meta.dates.push({ rank, value: content });
  };

  const parser: Parser = new Parser(
    {
      onopentag(name, a) {
        const parentSkip = skipDepth > 0;
        if (name === "html") {
          if (a.lang && !meta.lang) meta.lang = a.lang.trim() || null;
          else if (a["xml:lang"] && !meta.lang) meta.lang = a["xml:lang"].trim() || null;
        }
        if (name === "meta") onMeta(a);
        else if (name === "link" && /(?:^|\s)canonical(?:\s|$)/i.test(a.rel ?? "") && a.href) meta.canonical ??= a.href.trim();
        if (!parentSkip) {
          const dp = a.itemprop === "datePublished" ? a.content ?? a.datetime : undefined;
          if (dp) meta.dates.push({ rank: 3, value: dp });
          if (name === "time" && a.datetime) meta.dates.push({ rank: "pubdate" in a ? 3 : TIME_RANK, value: a.datetime });
        }

        const o: Open = { name, dom: false, block: false, skip: false, noText: false, pre: false, link: false, chrome: false, h1: false };
        if (name === "body") inHead = false;
        if (parentSkip) {
          if (VOID.has(name)) return;
          o.skip = true;
          skipDepth++;
        } else if (name === "html" || name === "head" || name === "body") {
          // the skeleton already exists
          if (name !== "head") {
            o.block = true;
            blockBreak();
          }
        } else if (name === "title" && !inTitle && meta.docTitle === null) {
          inTitle = true;
          titleBuf = "";
          o.skip = true;
          skipDepth++;
          const el = doc.createElement("title");
          head.appendChild(el);
          domStack.push(el);
          o.dom = true;
        } else if (name === "script" && /ld\+json/i.test(a.type ?? "")) {
          ldScript = [];
          o.skip = true;
          skipDepth++;
        } else if (SKIP.has(name) || hidden(a)) {
          if (VOID.has(name)) return;
          o.skip = true;
          skipDepth++;
        } else {
          if (inHead && !HEAD_ONLY.has(name)) inHead = false;
          const el = doc.createElement(name);
          const all = MEDIA.has(name);
          for (const k in a) {
            if (!all && !READ_ATTR.has(k)) continue;
            try {
              el.setAttribute(k, a[k]!);
            } catch {
              /* an attribute name the DOM refuses */
            }
          }
          const parent = inHead && (name === "meta" || name === "link" || name === "base") ? head : domStack[domStack.length - 1]!;
          parent.appendChild(el);
          if (!VOID.has(name)) {
            domStack.push(el);
            o.dom = true;
          }
          if (BLOCK.has(name)) {
            o.block = true;
            blockBreak();
            closeBlock();
          }
          if (name === "br") {
            if (any && pendingBreak < 2) pendingBreak++;
            wsStart = -1;
          }
          if (NO_TEXT.has(name)) {
            o.noText = true;
            noTextDepth++;
          }
          if (PRE.has(name)) {
            o.pre = true;
            preDepth++;
          }
          if (name === "a") {
            o.link = true;
            linkDepth++;
          }
          const cls = `${a.class ?? ""} ${a.id ?? ""}`;
          if (CHROME_TAG.has(name) || (cls.length > 1 && CHROME_ATTR.test(cls)) || /^(?:navigation|banner|contentinfo|complementary|menu)$/.test(a.role ?? "")) {
            o.chrome = true;
            chromeDepth++;
          }
          if (name === "h1" && h1Range === null && h1Start < 0) {
            h1Start = pos;
            o.h1 = true;
          }
        }
        if (!VOID.has(name)) stack.push(o);
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        const o = stack.pop();
        if (!o) return;
        if (o.skip) skipDepth--;
        if (o.name === "title" && inTitle) {
          inTitle = false;
          meta.docTitle = titleBuf;
          domStack[domStack.length - 1]!.appendChild(doc.createTextNode(titleBuf));
        }
        if (o.name === "script" && ldScript) {
          meta.jsonld.push(ldScript.join(""));
          const el = doc.createElement("script");
          el.setAttribute("type", "application/ld+json");
          el.appendChild(doc.createTextNode(ldScript.join("")));
          head.appendChild(el);
          ldScript = null;
        }
        if (o.dom) domStack.pop();
        if (o.noText) noTextDepth--;
        if (o.pre) preDepth--;
        if (o.link) linkDepth--;
        if (o.chrome) chromeDepth--;
        if (o.h1 && h1Start >= 0) {
          if (pos > h1Start) h1Range = [h1Start, pos];
          else h1Start = -1;
        }
        if (o.block) {
          blockBreak();
          closeBlock();
        }
      },
      ontext(data) {
        const s = parser.startIndex;
        const e = parser.endIndex + 1;
        if (skipDepth > 0) {
          if (inTitle) titleBuf += data;
          else if (ldScript) ldScript.push(data);
          return;
        }
        if (inHead) {
          if (ALL_WS.test(data)) return;
          inHead = false;
        }
        const parent = domStack[domStack.length - 1]!;
        // white space between blocks means nothing to Readability: not worth a DOM node
        if (CONTAINER.has(parent.nodeName) && ALL_WS.test(data)) {
          setWs(s, e);
          return;
        }
        const node = doc.createTextNode(data);
        parent.appendChild(node);
        if (noTextDepth > 0) return;
        let first = -1;
        const isCopy = e - s === data.length && raw.startsWith(data, s);
        const mark = () => {
          if (first < 0) {
            first = pos;
            if (blockStart < 0) {
              blockStart = pos;
              blockChrome = chromeDepth > 0;
            }
          }
        };
        if (!isCopy) {
          if (preDepth === 0 && ALL_WS.test(data)) setWs(s, e);
          else {
            flush(s);
            mark();
            b.replace(s, e, data);
            pos += data.length;
            any = true;
          }
        } else if (preDepth > 0) {
          flush(s);
          mark();
          b.copy(s, e);
          pos += data.length;
          any = true;
        } else {
          let i = 0;
          WS.lastIndex = 0;
          for (let m = WS.exec(data); ; m = WS.exec(data)) {
            const j = m ? m.index : data.length;
            if (j > i) {
              flush(s + i);
              mark();
              b.copy(s + i, s + j);
              pos += j - i;
              any = true;
            }
            if (!m) break;
            setWs(s + j, s + j + m[0].length);
            i = j + m[0].length;
          }
        }
        if (first >= 0) {
          if (linkDepth > 0) blockLinks += pos - first;
          nodeRange.set(node, recStart.length);
          recStart.push(first);
          recEnd.push(pos);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(raw);
  parser.end();
  closeBlock();
  const built = b.build();
  if (h1Range) meta.h1 = built.text.slice(h1Range[0], h1Range[1]);
  return { text: built.text, map: built.map, blocks, doc, nodeRange, recStart, recEnd, meta };
}

// ---------------------------------------------------------------------------------------------------------
// Readability's article -> ranges of `text`

type Range = { start: number; end: number };

const normSpaces = (s: string) => s.replace(WS, " ").trim();

function textNodesOf(root: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out.push(c);
      else if (c.nodeType === 1) walk(c);
    }
  };
  walk(root);
  return out;
}

/** The ranges of `text` that the article element's text nodes came from, in text order. */
function alignArticle(page: Page, article: Node): Range[] {
  const nodes = textNodesOf(article);
  const n = nodes.length;
  const s = new Array<number>(n).fill(-1);
  const e = new Array<number>(n).fill(-1);
  const want: string[] = new Array<string>(n).fill("");
  let unmapped = 0;
  for (let i = 0; i < n; i++) {
    const k = page.nodeRange.get(nodes[i]);
    if (k !== undefined) {
      s[i] = page.recStart[k]!;
      e[i] = page.recEnd[k]!;
    } else {
      want[i] = normSpaces(nodes[i]!.nodeValue ?? "");
      if (want[i]) unmapped++;
    }
  }
  if (unmapped) {
    // nodes Readability re-created: find their text between the nearest placed neighbours
    const { text } = page;
    const place = (long: boolean) => {
      let lo = 0;
      for (let i = 0; i < n; i++) {
        if (s[i]! >= 0) {
          lo = Math.max(lo, e[i]!);
          continue;
        }
        const w = want[i]!;
        if (!w || (w.length >= 20) !== long) continue;
        let hi = text.length;
        for (let j = i + 1; j < n; j++) if (s[j]! >= 0) { hi = s[j]!; break; }
        if (!long && hi === text.length) hi = Math.min(text.length, lo + 2000);
        const at = text.indexOf(w, lo);
        if (at >= 0 && at + w.length <= hi) {
          s[i] = at;
          e[i] = at + w.length;
          lo = e[i]!;
        }
      }
    };
    place(true);
    place(false);
  }
  const rs: Range[] = [];
  for (let i = 0; i < n; i++) if (s[i]! >= 0 && e[i]! > s[i]!) rs.push({ start: s[i]!, end: e[i]! });
  rs.sort((a, b) => a.start - b.start);
  // merge pieces of one paragraph (same block, nothing but spaces or a <br> between them)
  const out: Range[] = [];
  const { text } = page;
  for (const r of rs) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) {
      last.end = Math.max(last.end, r.end);
      continue;
    }
    if (last && ALL_WS.test(text.slice(last.end, r.start)) && !text.slice(last.end, r.start).includes("\n\n")) {
      last.end = r.end;
      continue;
    }
    out.push({ ...r });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// cleanups of Readability's article (it keeps the class attributes: keepClasses)

const CAPTION_CLASS = /(?:^|[\s_-])(?:caption|captions|figcaption|credit|credits|photo-?credit|image-?credit|wp-caption-text|gallery|slideshow)(?:$|[\s_-])/i;

/** class/id words of blocks that are not the article's text: breadcrumbs, share bars, author boxes, teasers, tags */
const JUNK_CLASS = new RegExp(
  "(?:^|[\\s_-])(?:" +
    ["breadcrumbs?", "breadcrumb_last", "share", "sharing", "social", "sharebar", "author-bio", "bio", "about-author",
      "author-info", "copyright", "rollover", "related", "recommended", "teaser", "promo", "newsletter", "tags",
      "tag-list", "post-tags", "keywords"].join("|") +
    ")(?:$|[\\s_-])",
  "i",
);

function classOf(el: Element): string {
  return `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`;
}

const MORE_WORDS =
  "voir (?:plus|aussi)|lire (?:aussi|la suite|plus|également)|(?:à|a) lire (?:aussi|également|ensuite)|sur le même sujet|" +
  "dans la même rubrique|nos (?:dernières )?(?:vidéos|articles)|articles? (?:liés|similaires|connexes|recommandés)|" +
  "related(?: (?:stories|articles|content|posts|coverage|links|topics|news|video))?|read (?:more|next|also)|see (?:more|also)|" +
  "more (?:from|on|stories|news|like this|to read)|you (?:may|might) (?:also )?(?:like|be interested in)|recommended(?: for you| stories)?|" +
  "trending(?: now)?|most (?:read|popular|viewed)|don'?t miss|also read|further reading|top stories|latest news|les plus lus";
const MORE_MARKER = new RegExp(`^(?:${MORE_WORDS})\\s*[:.»›>|-]*$`, "i");
const MORE_PREFIX = new RegExp(`^(?:${MORE_WORDS})\\s*[:»›>|-]`, "i");

const TEASER_TAGS = new Set(["p", "h2", "h3", "h4", "h5", "h6"]);
const STAMP_TAGS = new Set(["p", "div", "span", "time", "small", "em"]);
const DATE_STAMP = /^(?:updated|posted|published|last updated|publié|mis à jour|modifié)\b(?=.*\d)/i;

function tidyArticle(article: Element): void {
  // characters (white space not counted) and characters inside links, per element, in one bottom-up pass
  const stats = new Map<Element, [number, number]>();
  const count = (el: Element, inLink: boolean): [number, number] => {
    let all = 0;
    let linked = 0;
    const link = inLink || el.localName === "a";
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const v = c.nodeValue ?? "";
        let k = 0;
        for (let i = 0; i < v.length; i++) {
          const ch = v.charCodeAt(i);
          if (ch > 32 && ch !== 160) k++;
        }
        all += k;
        if (link) linked += k;
      } else if (c.nodeType === 1) {
        const [a, l] = count(c as Element, link);
        all += a;
        linked += l;
      }
    }
    const r: [number, number] = [all, linked];
    stats.set(el, r);
    return r;
  };
  count(article, false);
  const st = (el: Element) => stats.get(el) ?? [0, 0];
  const linkShare = (el: Element) => {
    const [a, l] = st(el);
    return a ? l / a : 0;
  };

  const total = st(article)[0];
  const kill: Element[] = [];
  const visit = (el: Element) => {
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      const tag = c.localName;
      const cls = classOf(c);
      const [all] = st(c);
      if (all > 300 && all > 0.4 * total) {
        // never a large share of the article at once: a wrapper whose class happens to say "share" or "caption"
        visit(c);
        continue;
      }
      if (tag === "figcaption" || tag === "figure" || (cls.length > 1 && CAPTION_CLASS.test(cls))) {
        kill.push(c);
        continue;
      }
      if ((tag === "ul" || tag === "ol") && all > 0 && linkShare(c) > 0.6) {
        let longest = 0;
        for (let li = c.firstElementChild; li; li = li.nextElementSibling) {
          const [a, l] = st(li);
          longest = Math.max(longest, a - l);
        }
        if (longest < 80) {
          kill.push(c);
          continue;
        }
      }
      if (all > 0 && all < 60 && MORE_MARKER.test(normSpaces(c.textContent ?? ""))) {
        kill.push(c);
        const next = c.nextElementSibling;
        if (next && (st(next)[0] === 0 || linkShare(next) > 0.5)) kill.push(next);
        continue;
      }
      if (all > 0 && all < 300 && (tag === "p" || tag === "div" || tag === "li") && linkShare(c) > 0.5 && MORE_PREFIX.test(normSpaces(c.textContent ?? ""))) {
        kill.push(c);
        continue;
      }
      if (all > 0 && all < 150 && linkShare(c) >= 0.9 && TEASER_TAGS.has(tag)) {
        kill.push(c);
        continue;
      }
      if (all > 0 && all < 100 && STAMP_TAGS.has(tag) && DATE_STAMP.test(normSpaces(c.textContent ?? ""))) {
        kill.push(c);
        continue;
      }
      if (cls.length > 1 && JUNK_CLASS.test(cls)) {
        kill.push(c);
        continue;
      }
      visit(c);
    }
  };
  visit(article);
  for (const k of kill) k.remove();
}

const BYLINE = /^(?:[Pp]ar|PAR|[Bb]y|BY)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|da|van|von|et|and|&))*\s*(?:$|[,|·•–—-]|\bet\b|\band\b)/u;

/** The signature line ("Par Awa Ndiaye, publié le ...", "By Maria Santos") at the top of the article. */
function dropByline(text: string, body: Range[]): Range[] {
  for (let i = 0; i < Math.min(3, body.length); i++) {
    const r = body[i]!;
    const t = text.slice(r.start, r.end);
    if (t.length < 160 && BYLINE.test(t)) return [...body.slice(0, i), ...body.slice(i + 1)];
  }
  return body;
}

/** When Readability finds nothing: the densest run of long, link-poor blocks. */
function densityBody(page: Page): Range[] {
  const bl = page.blocks;
  if (!bl.length) return [];
  const w = bl.map((x) => {
    const len = x.end - x.start;
    const ld = x.linkChars / Math.max(1, len);
    if (ld > 0.5 || x.chrome) return -len;
    if (len >= 80 && ld < 0.3) return len;
    return -Math.min(len, 25);
  });
  let best = 0, bestA = -1, bestB = -1, cur = 0, a = 0;
  for (let i = 0; i < w.length; i++) {
    if (cur <= 0) {
      cur = 0;
      a = i;
    }
    cur += w[i]!;
    if (cur > best) {
      best = cur;
      bestA = a;
      bestB = i;
    }
  }
  if (bestA < 0) return [];
  const out: Range[] = [];
  for (let i = bestA; i <= bestB; i++) {
    const x = bl[i]!;
    const len = x.end - x.start;
    if (x.linkChars / Math.max(1, len) <= 0.5 && !x.chrome) out.push({ start: x.start, end: x.end });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------

function pickTitle(m: Meta): string | null {
  for (const t of [m.ogTitle, m.docTitle, m.twTitle, m.h1]) {
    if (!t) continue;
    const c = cleanTitle(t, m.siteName, m.canonical ?? m.ogUrl, m.h1);
    if (c) return c;
  }
  return null;
}

function pickDate(m: Meta): string | null {
  const ds = [...m.dates];
  for (const j of m.jsonld) {
    const d = jsonLdDate(j);
    if (d) ds.push({ rank: JSONLD_RANK, value: d });
  }
  ds.sort((a, b) => a.rank - b.rank);
  for (const d of ds) {
    const iso = isoDate(d.value);
    if (iso) return iso;
  }
  return null;
}

function pickLanguage(m: Meta): string | null {
  const v = m.lang ?? m.ogLocale?.replace(/_/g, "-") ?? m.contentLanguage?.split(/[,;\s]/)[0] ?? null;
  return v ? v.trim() || null : null;
}

const CACHE_TOKEN = "\u0000entente:page\u0000";

/**
 * Readability keeps `body.innerHTML` before its first attempt and, when an attempt finds too little text,
 * puts it back (`body.innerHTML = cached`) to try again with looser rules. Serialising and re-parsing the
 * page costs time, and the re-parsed text nodes would no longer be ours. So the body hands out a token
 * instead, and on getting it back rebuilds its content from the raw HTML, text nodes known again.
 */
function lazyBodyCache(page: Page, raw: string): void {
  const body = page.doc.body;
  const proto = Object.getPrototypeOf(body) as object;
  let desc: PropertyDescriptor | undefined;
  for (let o: object | null = proto; o && !desc; o = Object.getPrototypeOf(o) as object | null) desc = Object.getOwnPropertyDescriptor(o, "innerHTML");
  Object.defineProperty(body, "innerHTML", {
    configurable: true,
    get: () => CACHE_TOKEN,
    set: (v: string) => {
      if (v !== CACHE_TOKEN) {
        desc?.set?.call(body, v);
        return;
      }
      while (body.firstChild) body.removeChild(body.firstChild);
      const again = tokenize(raw, page.doc);
      for (const [node, k] of again.nodeRange) page.nodeRange.set(node, k);
    },
  });
}

export function extractHtml(raw: string): HtmlArticle {
  const page = tokenize(raw);
  let body: Range[] = [];
  try {
    lazyBodyCache(page, raw);
    const r = new Readability<Node>(page.doc, { serializer: (el) => el, keepClasses: true }).parse();
    if (r?.content) {
      tidyArticle(r.content as Element);
      body = dropByline(page.text, alignArticle(page, r.content));
    }
  } catch {
    body = [];
  }
  if (!body.length) body = densityBody(page);
  const m = page.meta;
  return {
    text: page.text,
    map: page.map,
    body,
    title: pickTitle(m),
    published: pickDate(m),
    language: pickLanguage(m),
    url: m.canonical ?? m.ogUrl ?? null,
  };
}
