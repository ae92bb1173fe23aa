// Language of an article when its metadata does not say: eld's n-gram detector restricted to the
// languages Entente has data for, over the first 1,500 characters (enough, and fast).
import { eld } from "eld/small";
import { LANGS, type Lang } from "../lang/index.js";

let ready = false;
export function detectLanguage(text: string): Lang {
  if (!ready) {
    eld.setLanguageSubset([...LANGS]);
    ready = true;
  }
  const r = eld.detect(text.slice(0, 1500));
  return (LANGS as readonly string[]).includes(r.language) ? (r.language as Lang) : "en";
}
