import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { decodeHTML } from "entities";
import { extractHtml, isoDate, cleanTitle, type HtmlArticle } from "./html.js";

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../test/fixtures/html/${name}`, import.meta.url)), "utf8");

const FR = fixture("fr-actualite.html");
const EN = fixture("en-news.html");
const fr = extractHtml(FR);
const en = extractHtml(EN);

const bodyText = (a: HtmlArticle) => a.body.map((r) => a.text.slice(r.start, r.end)).join("\n\n");
const squash = (s: string) => s.replace(/[\t\n\f\r \u00a0]+/g, " ").trim();
/** what a raw HTML slice reads as: comments, scripts and tags out, entities decoded, white space collapsed */
const visible = (html: string) =>
  squash(decodeHTML(html.replace(/<!--[\s\S]*?-->/g, "").replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "").replace(/<br\s*\/?>/gi, "\n").replace(/<[^>]*>/g, "")));

test("French page: metadata", () => {
  assert.equal(fr.title, "Le Maroc et le Sénégal renforcent leur coopération sécuritaire");
  assert.equal(fr.published, "2023-03-14");
  assert.equal(fr.language, "fr-FR");
  assert.equal(fr.url, "https://quotidien-afrique.example/politique/maroc-senegal-securite");
});

test("French page: the body is the article's paragraphs, without nav, caption, share bar, teasers or footer", () => {
  const b = bodyText(fr);
  assert.equal(fr.body.length, 4);
  assert.ok(b.startsWith("Rabat – Le ministre marocain de l’Intérieur a reçu mardi son homologue sénégalais"));
  assert.ok(b.includes("« Notre partenariat est ancien et solide"));
  assert.ok(b.endsWith("La prochaine session est prévue à Dakar au mois d’octobre."));
  for (const junk of ["Politique", "Économie", "Par Awa Ndiaye", "(Photo : MAP)", "Partager", "Voir plus", "Mauritanie", "CEDEAO", "Tous droits", "Mentions légales"]) {
    assert.ok(!b.includes(junk), `body should not contain ${junk}`);
  }
});

test("French page: the text is the visible text, entities decoded, hidden parts, scripts, styles and comments left out", () => {
  const t = fr.text;
  assert.ok(t.startsWith("Le Quotidien d’Afrique\n\nPolitique\n\nÉconomie"));
  assert.ok(t.includes("les douanes & la gendarmerie"));
  assert.ok(t.includes("d’extradition et d’entraide pénale"));
  assert.ok(t.includes("« Notre partenariat"), "&laquo;&nbsp; is a guillemet and a space");
  assert.ok(t.includes("du comité de suivi.\nLa prochaine session"), "<br> is a line break");
  for (const absent of ["font-family", "dataLayer", "not text", "publicité", "Texte caché", "Paragraphe masqué", "<", "&eacute;", "&#8217;"]) {
    assert.ok(!t.includes(absent), `text should not contain ${absent}`);
  }
  assert.ok(!/[ \t]{2,}|\n{3,}| \n|\n /.test(t), "white space is collapsed");
  assert.ok(t.endsWith("Mentions légales"));
});

test("English page: JSON-LD date (as written, not shifted to UTC), og:title, language from content-language", () => {
  assert.equal(en.title, "Japan, Philippines agree on joint coast guard drills");
  assert.equal(en.published, "2024-02-07");
  assert.equal(en.language, "en");
  assert.equal(en.url, "https://pacific-ledger.example/world/japan-philippines-coast-guard");
  const b = bodyText(en);
  assert.equal(en.body.length, 4);
  assert.ok(b.startsWith("MANILA — Japan and the Philippines agreed on Wednesday"));
  assert.ok(b.includes("“Our coast guards already work side by side,”"));
  assert.ok(b.includes("Tokyo’s role") && b.includes("trade & investment"));
  for (const junk of ["Home |", "Subscribe", "Maria Santos", "Related", "Vietnam sign maritime", "Copyright", "Privacy"]) {
    assert.ok(!b.includes(junk), `body should not contain ${junk}`);
  }
});

for (const [name, raw, page] of [["French", FR, fr], ["English", EN, en]] as const) {
  test(`${name} page: every body range maps back to raw HTML that reads as the same text`, () => {
    assert.ok(page.body.length > 0);
    for (const r of page.body) {
      const s = page.map.toRawStart(r.start);
      const e = page.map.toRawEnd(r.end);
      assert.ok(s < e && e <= raw.length);
      assert.equal(visible(raw.slice(s, e)), squash(page.text.slice(r.start, r.end)));
    }
  });

  test(`${name} page: every word of the text maps onto that word in the raw HTML`, () => {
    let words = 0;
    for (const m of page.text.matchAll(/[\p{L}\p{N}]+/gu)) {
      const s = page.map.toRawStart(m.index);
      const e = page.map.toRawEnd(m.index + m[0].length);
      // a word written with entities maps onto its entity-encoded form, which decodes to the word
      assert.equal(decodeHTML(raw.slice(s, e)), m[0]);
      words++;
    }
    assert.ok(words > 200);
  });
}

test("a plain word maps to exactly that word in raw, an entity to the whole entity", () => {
  const i = fr.text.indexOf("homologue");
  assert.equal(FR.slice(fr.map.toRawStart(i), fr.map.toRawEnd(i + "homologue".length)), "homologue");
  const k = fr.text.indexOf("Kénitra");
  assert.equal(FR.slice(fr.map.toRawStart(k), fr.map.toRawEnd(k + "Kénitra".length)), "K&eacute;nitra");
  const amp = fr.text.indexOf("douanes & la") + "douanes ".length;
  assert.equal(FR.slice(fr.map.toRawStart(amp), fr.map.toRawEnd(amp + 1)), "&amp;");
  const apo = en.text.indexOf("Tokyo’s");
  assert.equal(EN.slice(en.map.toRawStart(apo), en.map.toRawEnd(apo + "Tokyo’s".length)), "Tokyo&#8217;s");
  // a span across a block break maps onto the raw HTML between the two paragraphs
  const a = fr.text.indexOf("deux ans.");
  const z = fr.text.indexOf("Selon un") + "Selon un".length;
  const raw = FR.slice(fr.map.toRawStart(a), fr.map.toRawEnd(z));
  assert.ok(raw.startsWith("deux ans.</p>") && raw.endsWith("<p>Selon un"));
});

test("text-only details: <pre> keeps its white space, inline elements do not break words, <td>s are blocks", () => {
  const raw =
    "<html><body><p>Le <b>pr</b>ésident a dit&nbsp;:</p><pre>a  b\n  c</pre><table><tr><td>x</td><td>y</td></tr></table>" +
    "<p>fin<!-- c --> du <span>texte</span></p></body></html>";
  const a = extractHtml(raw);
  assert.equal(a.text, "Le président a dit :\n\na  b\n  c\n\nx\n\ny\n\nfin du texte");
  const w = a.text.indexOf("président");
  assert.equal(raw.slice(a.map.toRawStart(w), a.map.toRawEnd(w + 9)), "pr</b>ésident");
  for (const r of a.body) assert.ok(r.start >= 0 && r.end <= a.text.length && r.start < r.end);
});

test("a page with hardly any text still gives ranges inside the text", () => {
  for (const raw of ["", "<p>Bonjour.</p>", "<html><head><title>T</title></head><body></body></html>", "plain words, no tags"]) {
    const a = extractHtml(raw);
    assert.equal(a.map.length, a.text.length);
    for (const r of a.body) assert.ok(r.start >= 0 && r.end <= a.text.length && r.start < r.end);
  }
  assert.equal(extractHtml("<html><head><title>T</title></head><body></body></html>").title, "T");
});

test("isoDate reads the usual metadata shapes", () => {
  assert.equal(isoDate("2019-09-06T23:30:00-04:00"), "2019-09-06");
  assert.equal(isoDate("2019/9/6"), "2019-09-06");
  assert.equal(isoDate("20190906"), "2019-09-06");
  assert.equal(isoDate("Fri, 06 Sep 2019 10:00:00 GMT"), "2019-09-06");
  assert.equal(isoDate("September 6, 2019"), "2019-09-06");
  assert.equal(isoDate("6 septembre 2019"), "2019-09-06");
  assert.equal(isoDate("06.09.2019"), "2019-09-06");
  assert.equal(isoDate("1567765800"), "2019-09-06");
  assert.equal(isoDate("0001-01-01T00:00:00Z"), null);
  assert.equal(isoDate("soon"), null);
});

test("cleanTitle drops the site's name, and only that", () => {
  assert.equal(cleanTitle("Accord signé à Rabat - Le Monde", "Le Monde"), "Accord signé à Rabat");
  assert.equal(cleanTitle("Accord signé | Afrique | Le Monde", "Le Monde"), "Accord signé | Afrique");
  assert.equal(cleanTitle("Le Monde | Accord signé à Rabat", "Le Monde"), "Accord signé à Rabat");
  assert.equal(cleanTitle("Nadal wins - Sportsnet.ca", null, "https://www.sportsnet.ca/tennis/x"), "Nadal wins");
  assert.equal(cleanTitle("Accord signé - Politique - Journal", null, null, "Accord signé"), "Accord signé");
  assert.equal(cleanTitle("Trump - Xi: the call", "Le Monde"), "Trump - Xi: the call");
});
