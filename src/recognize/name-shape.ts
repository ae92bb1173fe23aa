// Guesses the naming culture of a person's name from its syllables and endings (data: kb/name-shapes.json).
// Used only to choose among the states an article involves when nothing else tells them apart.
import { readFileSync } from "node:fs";

interface ShapeFile {
  [iso3: string]: { tokens?: string[]; endings?: string[]; diacritics?: string } | string;
}

interface Shape {
  iso3: string;
  tokens: ReadonlySet<string>;
  endings: readonly string[];
  diacritics: string;
}

let shapes: Shape[] | null = null;
function load(): Shape[] {
  if (shapes) return shapes;
  const raw = JSON.parse(readFileSync(new URL("../kb/name-shapes.json", import.meta.url), "utf8")) as ShapeFile;
  shapes = Object.entries(raw)
    .filter(([k, v]) => k !== "about" && typeof v === "object")
    .map(([iso3, v]) => {
      const o = v as { tokens?: string[]; endings?: string[]; diacritics?: string };
      return { iso3, tokens: new Set(o.tokens ?? []), endings: o.endings ?? [], diacritics: o.diacritics ?? "" };
    });
  return shapes;
}

/** Scores per state for a name given as written and as normalized tokens. */
export function nameShapeScores(written: string, tokens: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of load()) {
    let score = 0;
    for (const t of tokens) {
      if (s.tokens.has(t)) score += 1;
      else if (t.length > 4 && s.endings.some((e) => t.endsWith(e))) score += 0.7;
    }
    if (s.diacritics) for (const ch of written.toLowerCase()) if (s.diacritics.includes(ch)) { score += 1.5; break; }
    if (score > 0) out.set(s.iso3, score / Math.max(1, tokens.length));
  }
  return out;
}

/** The most likely state among `candidates`, or null when the name gives no sign. */
export function guessCountryByShape(written: string, tokens: readonly string[], candidates: readonly string[]): string | null {
  const scores = nameShapeScores(written, tokens);
  let best: string | null = null;
  let bestScore = 0.34;
  for (const c of candidates) {
    const s = scores.get(c) ?? 0;
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}

/** Is this normalized token a name syllable of some naming culture ("lam", "to", "nguyen")? */
export function isNameSyllable(norm: string): boolean {
  return load().some((s) => s.tokens.has(norm));
}
