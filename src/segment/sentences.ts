// Sentence boundaries by rule: paragraph breaks always end a sentence; . ! ? … end one when followed by
// space and an uppercase letter, a digit or an opening quote, unless the word before is a known
// abbreviation of the language ("M.", "Lt.", "sept.") or a single initial ("V. Poutine").
export interface Sentence {
  start: number;
  end: number;
}

export function splitSentences(text: string, abbreviations: ReadonlySet<string>, from = 0, to = text.length): Sentence[] {
  const out: Sentence[] = [];
  let s = from;
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (c === "\n") {
      push(s, i);
      s = i + 1;
      continue;
    }
    if (c !== "." && c !== "!" && c !== "?" && c !== "…") continue;
    // closing quotes and brackets stay with the sentence they end
    let j = i + 1;
    // French sets a space before the closing guillemet: ". »"
    if (text[j] === " " || text[j] === "\u00a0" || text[j] === "\u202f") {
      if (text[j + 1] === "»") j += 2;
    }
    while (j < to && /[»”"')\]]/.test(text[j]!)) j++;
    if (j < to && !/[ \t\u00a0]/.test(text[j]!)) continue;
    let k = j;
    while (k < to && /[ \t\u00a0]/.test(text[k]!)) k++;
    if (k < to && text[k] !== "\n" && !/[\p{Lu}\p{N}«"“(\[–—-]/u.test(text[k]!)) continue;
    if (c === ".") {
      let w = i;
      while (w > from && /[\p{L}.]/u.test(text[w - 1]!)) w--;
      const word = text.slice(w, i + 1);
      if (/^\p{Lu}\.$/u.test(word)) continue; // an initial
      if (abbreviations.has(word.toLowerCase())) continue;
    }
    push(s, j);
    s = j;
    i = j - 1;
  }
  push(s, to);
  return out;
}
