// Diacritic-insensitive text keys, shared by both backends: names are matched and documents indexed on the
// folded form (so "Tô Lâm" = "To Lam", "Đặng" = "Dang", "Łódź" = "Lodz"), snippets are cut from the raw text.

/** Letters that Unicode decomposition leaves alone. */
const SPECIAL: Record<string, string> = {
  "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ɗ": "d", "Ɗ": "d",
  "ł": "l", "Ł": "l", "ŀ": "l", "Ŀ": "l",
  "ø": "o", "Ø": "o",
  "ß": "ss", "ẞ": "ss",
  "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
  "þ": "th", "Þ": "th",
  "ı": "i", "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t", "ƒ": "f",
};

const MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]+/gu;

function foldChar(ch: string): string {
  const sp = SPECIAL[ch];
  if (sp !== undefined) return sp;
  const code = ch.charCodeAt(0);
  if (code < 0x80) return ch.toLowerCase();
  return ch.normalize("NFKD").replace(MARKS, "").toLowerCase().replace(MARKS, "");
}

/** Lower case, no diacritics. */
export function fold(s: string): string {
  let out = "";
  for (const ch of s) out += foldChar(ch);
  return out;
}

/** The folded words of a text. */
export function words(s: string): string[] {
  return fold(s).match(WORD) ?? [];
}

/** The key a name is matched on: folded words joined by one space ("Kim Jong-un" = "kim jong un"). */
export function nameKey(name: string): string {
  return words(name).join(" ");
}

/** The text handed to a full-text index: folded, words kept apart by spaces. */
export function indexText(s: string): string {
  return words(s).join(" ");
}

interface RawWord {
  norm: string;
  start: number;
  end: number;
}

/** The words of a raw text with their [start, end) in it (UTF-16 offsets). */
export function rawWords(raw: string): RawWord[] {
  let norm = "";
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < raw.length; ) {
    const cp = raw.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const f = foldChar(raw.slice(i, i + len));
    if (f === "" && ends.length) ends[ends.length - 1] = i + len; // a combining mark stays with its letter
    for (let k = 0; k < f.length; k++) {
      starts.push(i);
      ends.push(i + len);
    }
    norm += f;
    i += len;
  }
  const out: RawWord[] = [];
  for (const m of norm.matchAll(WORD)) {
    const a = m.index!;
    const b = a + m[0].length;
    out.push({ norm: m[0], start: starts[a]!, end: ends[b - 1]! });
  }
  return out;
}

export interface Snippet {
  text: string;
  highlights: [number, number][];
}

/** A window of about `width` words of `raw` holding as many of the (folded) terms as possible. */
export function snippet(raw: string, terms: string[], width = 24): Snippet {
  const ws = rawWords(raw);
  if (!ws.length) return { text: raw.slice(0, 200), highlights: [] };
  const wanted = new Set(terms);
  const hits = ws.map((w, i) => (wanted.has(w.norm) ? i : -1)).filter((i) => i >= 0);
  let first = 0;
  if (hits.length) {
    let best = -1;
    for (const h of hits) {
      const seen = new Set<string>();
      let count = 0;
      for (let j = h; j < Math.min(ws.length, h + width); j++) {
        if (wanted.has(ws[j]!.norm)) {
          count++;
          seen.add(ws[j]!.norm);
        }
      }
      const score = seen.size * 1000 + count;
      if (score > best) {
        best = score;
        first = h;
      }
    }
    first = Math.max(0, Math.min(first - 4, ws.length - width));
  }
  const last = Math.min(ws.length, first + width) - 1;
  const from = first === 0 ? 0 : ws[first]!.start;
  const to = last === ws.length - 1 ? raw.length : ws[last]!.end;
  const pre = first === 0 ? "" : "…";
  const post = last === ws.length - 1 ? "" : "…";
  const body = raw.slice(from, to).replace(/\s+/g, (s) => " ".repeat(s.length)); // same length: offsets hold
  const highlights: [number, number][] = [];
  for (let j = first; j <= last; j++) {
    const w = ws[j]!;
    if (wanted.has(w.norm)) highlights.push([pre.length + w.start - from, pre.length + w.end - from]);
  }
  return { text: pre + body + post, highlights };
}

/** The snippet with its highlights marked, e.g. "... met [Tô] [Lâm] in ...". */
export function markSnippet(s: ({ snippet: string } | { text: string }) & { highlights: [number, number][] }, open = "[", close = "]"): string {
  const text = "snippet" in s ? s.snippet : s.text;
  let out = "";
  let at = 0;
  for (const [a, b] of s.highlights) {
    out += text.slice(at, a) + open + text.slice(a, b) + close;
    at = b;
  }
  return out + text.slice(at);
}
