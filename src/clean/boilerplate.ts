// Tells the article's own text from what the page wraps around it: the title and its repeats, photo
// captions, bracketed links to other stories, the lead repeated in the body, and the related-stories
// block ("Voir plus", "Related") that ends the article. Works line by line on the working text.
import type { LangData } from "../lang/index.js";
import type { Zone, ZoneKind } from "../core/annotations.js";
import { normalizeWord } from "../segment/tokens.js";

interface Line {
  start: number;
  end: number;
  key: string;
}

const squash = (s: string) =>
  s
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(normalizeWord)
    .join(" ");

function lines(text: string): Line[] {
  const out: Line[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\n") {
      let a = s;
      let b = i;
      while (a < b && /\s/.test(text[a]!)) a++;
      while (b > a && /\s/.test(text[b - 1]!)) b--;
      if (b > a) out.push({ start: a, end: b, key: squash(text.slice(a, b)) });
      s = i + 1;
    }
  }
  return out;
}

const STRAY_MARKER = /\s(?:ảnh|photo)\s*\d+\s*/iu;
const CAPTION_END = /(?:\(?\s*(?:photo|photos|ảnh|crédit photo|source|image)\s*[:;]\s*[^\n.]{0,60}\)?\.?\s*\|?\s*)$/iu;

export interface ZoneResult {
  zones: Zone[];
  title: { start: number; end: number } | null;
}

function inlineTeaser(line: string, data: LangData): boolean {
  const m = /^([^:|»>]{3,40})\s*[:|»>]\s*\S/u.exec(line);
  return !!m && data.endMarkers.has(squash(m[1]!));
}

export function findZones(text: string, data: LangData): ZoneResult {
  const ls = lines(text);
  const zones: Zone[] = [];
  let title: { start: number; end: number } | null = null;
  const titleKeys = new Set<string>();
  let bodyChars = 0;
  let ended = false;
  const seen: string[] = [];

  ls.forEach((l, idx) => {
    const t = text.slice(l.start, l.end);
    let kind: ZoneKind = "body";
    if (ended) kind = "related";
    else if (data.endMarkers.has(l.key) && bodyChars > 0 && (bodyChars > 200 || idx >= 2)) {
      kind = "related";
      ended = true;
    } else if (data.disclaimers.some((d) => t.toLowerCase().startsWith(d))) kind = "meta";
    else if (t.length < 120 && data.creditLine.test(t)) kind = "meta";
    // a caption is a short line; a long one with a marker is text that lost its line breaks
    else if (t.length < 500 && (STRAY_MARKER.test(t) || CAPTION_END.test(t))) kind = "caption";
    else if (idx === 0 && t.length < 250 && !/[.!?…»"]$/.test(t) && ls.length > 1) {
      kind = "title";
      title = { start: l.start, end: l.end };
      titleKeys.add(l.key);
    } else if (titleKeys.has(l.key)) kind = "title-repeat";
    else if (t.length < 500 && (STRAY_MARKER.test(t) || CAPTION_END.test(t) || (t.length < 40 && /^(photo|ảnh)\b/iu.test(t)))) kind = "caption";
    else if (/^\[[^\]]+\]$/.test(t)) kind = "teaser";
    // "Lire aussi : Le Ghana et la Côte d'Ivoire signent ...", "Read more: ...": a link to another story, inline
    else if (inlineTeaser(t, data)) kind = "teaser";
    else if (t.length < 400 && seen.some((k) => k.startsWith(l.key) && l.key.length > 40)) kind = "lead-repeat";
    else if (seen.some((k) => k === l.key)) kind = "lead-repeat";
    // a lead paragraph that a later paragraph repeats after its dateline
    if (kind === "body") bodyChars += l.end - l.start;
    seen.push(l.key);
    zones.push({ start: l.start, end: l.end, kind });
  });

  // a photo credit on its own line ("Photo: VNA/CVN |") makes the line before it a caption
  for (let i = 1; i < zones.length; i++) {
    const t = text.slice(zones[i]!.start, zones[i]!.end);
    if (t.length < 60 && /^\(?\s*(photo|photos|ảnh|crédit photo|image)\b/iu.test(t)) {
      zones[i]!.kind = "meta";
      const prev = zones[i - 1]!;
      if (prev.kind === "body" || prev.kind === "title") {
        if (prev.kind === "title") title = null;
        prev.kind = "caption";
      }
    }
  }
  // the summary lead printed before the dateline paragraph that restates it
  for (let i = 0; i < zones.length; i++) {
    const z = zones[i]!;
    if (z.kind !== "body") continue;
    const key = ls[i]!.key;
    if (key.length < 40) continue;
    for (let j = i + 1; j < zones.length; j++) {
      const o = zones[j]!;
      if (o.kind !== "body") continue;
      if (ls[j]!.key.includes(key)) {
        z.kind = "lead-repeat";
        break;
      }
    }
  }
  return { zones, title };
}

/** Is this zone part of the article's own text (facts may come from it)? */
export const isMainText = (k: ZoneKind) => k === "body";
