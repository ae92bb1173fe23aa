import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  combineReference,
  findDates,
  findPublicationDate,
  formatIso,
  isoWeekday,
  parseIsoPartial,
  resolveDate,
  resolveRelative,
  shiftIso,
  type DateMention,
  type Lang,
} from "./dates.js";

/** the mentions as [text, value] pairs, and a check that every span points into the text */
function pairs(text: string, lang: Lang, opts: Parameters<typeof findDates>[2] = {}): [string, string | null][] {
  const found = findDates(text, lang, opts);
  for (const m of found) assert.equal(text.slice(m.start, m.end), m.text, "span offsets");
  return found.map((m) => [m.text, m.value]);
}
function one(text: string, lang: Lang, opts: Parameters<typeof findDates>[2] = {}): DateMention {
  const found = findDates(text, lang, opts);
  assert.equal(found.length, 1, `one mention in ${JSON.stringify(text)}: ${JSON.stringify(found.map((m) => m.text))}`);
  return found[0]!;
}

// ------------------------------------------------------------------------------------------------ data files

for (const lang of ["fr", "en"] as const) {
  test(`${lang}: every month name and abbreviation of the data file is its month`, () => {
    const file = JSON.parse(readFileSync(new URL(`../lang/${lang}/dates.json`, import.meta.url), "utf8")) as {
      months: { full: string[]; abbr: string[] }[];
      weekdays: string[][];
    };
    assert.equal(file.months.length, 12);
    assert.equal(file.weekdays.length, 7);
    file.months.forEach((mo, i) => {
      const mm = String(i + 1).padStart(2, "0");
      for (const name of [...mo.full, ...mo.abbr]) {
        const m = one(`5 ${name} 2019`, lang);
        assert.equal(m.value, `2019-${mm}-05`, name);
      }
    });
  });

  test(`${lang}: every weekday of the data file resolves to its day`, () => {
    const file = JSON.parse(readFileSync(new URL(`../lang/${lang}/dates.json`, import.meta.url), "utf8")) as { weekdays: string[][] };
    // 2023-01-15 is a Sunday: Monday..Sunday of that week are the 9th..15th
    file.weekdays.forEach((names, i) => {
      for (const name of names) {
        const m = one(`il y a ${name}.`, lang, { published: "2023-01-15" });
        assert.equal(m.value, `2023-01-${String(9 + i).padStart(2, "0")}`, name);
      }
    });
  });
}

// ------------------------------------------------------------------------------------------------ French forms

test("fr: day-month, ordinals, capitals, abbreviations, years", () => {
  assert.deepEqual(pairs("tenue à Moscou le 5 septembre.", "fr"), [["5 septembre", "--09-05"]]);
  assert.deepEqual(pairs("le 1er octobre 2019", "fr"), [["1er octobre 2019", "2019-10-01"]]);
  assert.deepEqual(pairs("Publié le 12 Mars 2015", "fr"), [["12 Mars 2015", "2015-03-12"]]);
  assert.deepEqual(pairs("le 3 janv. 2020 et le 6 sept. 2019, puis le 9 févr.", "fr"), [
    ["3 janv. 2020", "2020-01-03"],
    ["6 sept. 2019", "2019-09-06"],
    ["9 févr.", "--02-09"],
  ]);
  assert.deepEqual(pairs("le 15 août, le 2 aout, le 25 décembre", "fr"), [
    ["15 août", "--08-15"],
    ["2 aout", "--08-02"],
    ["25 décembre", "--12-25"],
  ]);
  const m = one("signé le 9 août 2004 par les gouvernements", "fr");
  assert.equal(m.kind, "absolute");
  assert.equal(one("le 5 septembre", "fr").kind, "partial");
});

test("fr: a weekday before a date belongs to it", () => {
  const a = one("Le mardi 21 février 2023, une délégation", "fr");
  assert.equal(a.text, "mardi 21 février 2023");
  assert.equal(a.value, "2023-02-21");
  const b = one("Hanoï (VNA) –Samedi après-midi, 4 janvier, le Premier ministre", "fr");
  assert.equal(b.text, "Samedi après-midi, 4 janvier");
  assert.equal(b.value, "--01-04");
  assert.equal(one("ont signé mercredi 15 juillet un protocole", "fr").text, "mercredi 15 juillet");
});

test("fr: datelines and words glued by the markup", () => {
  const text = "Hanoi, 25 juillet(VNA) – Le ministre vietnamien a reçu le général. Lors de l’entretienle 25 juillet à Hanoi avec le général Patrushev.";
  const found = findDates(text, "fr");
  assert.deepEqual(
    found.map((m) => [m.text, m.value, m.start]),
    [
      ["25 juillet", "--07-25", text.indexOf("25 juillet")],
      ["25 juillet", "--07-25", text.lastIndexOf("25 juillet")],
    ],
  );
  assert.deepEqual(pairs("Moscou, 6 septembre (VNA) - Le ministère", "fr"), [["6 septembre", "--09-06"]]);
  assert.deepEqual(pairs("BEIJING, 5 juin (Xinhua) -- La Chine", "fr"), [["5 juin", "--06-05"]]);
  // "en juin dernieret la prochaine visite": the relative word glued to the next one
  const g = one("sa visite en Russie en juin dernieret la prochaine visite", "fr");
  assert.equal(g.text, "juin dernier");
  assert.equal(g.relative, "past");
  assert.deepEqual(pairs("du président le25 juillet à Hanoi", "fr"), [["25 juillet", "--07-25"]]);
});

// ------------------------------------------------------------------------------------------------ English forms

test("en: month-first, day-first, ordinals, abbreviations, numeric", () => {
  assert.deepEqual(pairs("At their meeting in Hanoi on March 15, Patrushev", "en"), [["March 15", "--03-15"]]);
  assert.deepEqual(pairs("on 15 March 2016", "en"), [["15 March 2016", "2016-03-15"]]);
  assert.deepEqual(pairs("on March 15, 2016, the", "en"), [["March 15, 2016", "2016-03-15"]]);
  assert.deepEqual(pairs("on March 15th and on the 1st of May and 2nd June", "en"), [
    ["March 15th", "--03-15"],
    ["1st of May", "--05-01"],
    ["2nd June", "--06-02"],
  ]);
  assert.deepEqual(pairs("on Sept. 6 and Aug. 15, 2019 and Jan 3", "en"), [
    ["Sept. 6", "--09-06"],
    ["Aug. 15, 2019", "2019-08-15"],
    ["Jan 3", "--01-03"],
  ]);
  assert.deepEqual(pairs("signed on 15/03/2016.", "en"), [["15/03/2016", "2016-03-15"]]);
  assert.deepEqual(pairs("signed on 03/15/2016.", "en"), [["03/15/2016", "2016-03-15"]]);
  assert.deepEqual(pairs("23/01/2019 - 10:43", "en"), [["23/01/2019", "2019-01-23"]]);
  assert.deepEqual(pairs("Updated 2015-03-12 at noon", "en"), [["2015-03-12", "2015-03-12"]]);
  assert.deepEqual(pairs("Mise à jour 28.08.2011", "fr"), [["28.08.2011", "2011-08-28"]]);
  assert.deepEqual(pairs("Bộ Công an19/04/2024", "en"), [["19/04/2024", "2024-04-19"]]);
  const w = one("seven hours together on Wednesday, May 1, participating", "en");
  assert.equal(w.text, "Wednesday, May 1");
  assert.equal(w.value, "--05-01");
});

test("en: datelines, capitals, and 'may' / 'march' as words", () => {
  assert.deepEqual(pairs("HANOI, March 15 (VNA) —", "en"), [["March 15", "--03-15"]]);
  assert.deepEqual(pairs("MOSCOW, MARCH 16 —", "en"), [["MARCH 16", "--03-16"]]);
  assert.deepEqual(pairs("Moscow [Russia], April 16 : Russian Foreign Minister", "en"), [["April 16", "--04-16"]]);
  assert.deepEqual(pairs("they may 2 times; the march 5 km long; the Women's March; Mars rover", "en"), []);
  assert.deepEqual(pairs("The summit to be held in Sochi in May will be a success", "en"), [["May", "--05"]]);
});

// ------------------------------------------------------------------------------------------------ resolution

test("a year the text does not give stays unknown without a publication date", () => {
  assert.equal(one("le 5 septembre", "fr").value, "--09-05");
  assert.equal(one("en juin", "fr").value, "--06");
  assert.equal(one("on Friday", "en").value, null);
  assert.equal(one("vendredi", "fr", { published: "2023-02" }).value, null, "a month does not give the day");
});

test("with a publication date, a day-month takes its year, rolled back when clearly after it", () => {
  assert.equal(one("le 21 février", "fr", { published: "2023-02" }).value, "2023-02-21");
  assert.equal(one("le 25 juillet", "fr", { published: "2017-07-26" }).value, "2017-07-25");
  assert.equal(one("le 28 décembre", "fr", { published: "2023-01-10" }).value, "2022-12-28");
  assert.equal(one("on December 28", "en", { published: "2023-01-10" }).value, "2022-12-28");
  assert.equal(one("le 28 décembre", "fr", { published: "2023-01" }).value, "2022-12-28");
  // near-future announcement: "doit effectuer une visite du 8 au 10 juin" published 2018-06-05
  const r = one("une visite d'Etat en Chine du 8 au 10 juin et", "fr", { published: "2018-06-05" });
  assert.deepEqual([r.value, r.endValue], ["2018-06-08", "2018-06-10"]);
  // a December article about early January: the next year
  assert.equal(one("le 5 janvier", "fr", { published: "2022-12-28" }).value, "2023-01-05");
  // only a year known: that year
  assert.equal(one("le 5 septembre", "fr", { published: "2019" }).value, "2019-09-05");
  // an explicit year wins
  assert.equal(one("mardi 21 février 2023", "fr", { published: "2024-05-01" }).value, "2023-02-21");
  // the tolerance is a parameter
  assert.equal(one("le 20 juin", "fr", { published: "2018-06-05", futureToleranceDays: 3 }).value, "2017-06-20");
});

test("a weekday next to a day-month picks the year it fits", () => {
  // 2022-12-28 is a Wednesday, 2023-12-28 a Thursday
  assert.equal(isoWeekday(2022, 12, 28), 3);
  assert.equal(one("mercredi 28 décembre", "fr", { published: "2023-01-10" }).value, "2022-12-28");
  // 2023-03-15 is a Wednesday: with a far tolerance the weekday still keeps 2023, not 2022 (a Tuesday)
  assert.equal(one("mercredi 15 mars", "fr", { published: "2023-01-10", futureToleranceDays: 0 }).value, "2023-03-15");
});

test("a weekday alone: the latest such day on or before the publication date", () => {
  // 2023-01-10 is a Tuesday
  assert.equal(one("vendredi", "fr", { published: "2023-01-10" }).value, "2023-01-06");
  assert.equal(one("a annoncé mardi une porte-parole", "fr", { published: "2023-01-10" }).value, "2023-01-10");
  assert.equal(one("samedi dernier", "fr", { published: "2023-01-10" }).value, "2023-01-07");
  assert.equal(one("mardi dernier", "fr", { published: "2023-01-10" }).value, "2023-01-03");
  assert.equal(one("dimanche prochain", "fr", { published: "2023-01-10" }).value, "2023-01-15");
  assert.equal(one("Pereira assured Saturday that", "en", { published: "2021-03-07" }).value, "2021-03-06");
  assert.equal(one("on Friday renewed the agreement", "en", { published: "2021-03-07" }).value, "2021-03-05");
  assert.equal(one("last Friday", "en", { published: "2021-03-05" }).value, "2021-02-26");
  assert.equal(one("next Monday", "en", { published: "2021-03-05" }).value, "2021-03-08");
  const v = one("vendredi matin à Tunis", "fr", { published: "2017-02-10" });
  assert.equal(v.text, "vendredi matin");
  assert.equal(v.value, "2017-02-10");
});

test("'juin dernier' / 'last June' and 'novembre prochain' / 'next November'", () => {
  const a = one("lors de sa visite en juin dernier", "fr");
  assert.deepEqual([a.value, a.kind, a.relative], ["--06", "relative", "past"]);
  assert.equal(one("en juin dernier", "fr", { published: "2017-07-26" }).value, "2017-06");
  assert.equal(one("en juin dernier", "fr", { published: "2017-06-20" }).value, "2016-06", "before the publication month");
  assert.equal(one("last June", "en", { published: "2017-03" }).value, "2016-06");
  const b = one("au sommet de l'APEC en novembre prochain", "fr", { published: "2017-07-26" });
  assert.deepEqual([b.text, b.value, b.relative], ["novembre prochain", "2017-11", "future"]);
  assert.equal(one("next November", "en", { published: "2017-12-01" }).value, "2018-11");
  assert.equal(one("next November", "en").value, "--11");
  assert.equal(one("le 6 mars dernier à Matignon", "fr", { published: "2015-03-12" }).value, "2015-03-06");
  assert.equal(one("vendredi 11 octobre dernier à Abidjan", "fr", { published: "2024-10" }).value, "2024-10-11");
  assert.equal(one("le 4 novembre courant", "fr", { published: "2020-11" }).value, "2020-11-04");
  assert.equal(one("in June last year", "en", { published: "2020-03-01" }).value, "2019-06");
  assert.equal(one("en mars de l'année dernière", "fr", { published: "2020-03-01" }).value, "2019-03");
});

test("a month alone needs a cue, and is resolved like a day-month", () => {
  assert.equal(one("en mars 2015 à Alger", "fr").value, "2015-03");
  assert.equal(one("en mars 2015 à Alger", "fr").kind, "absolute");
  assert.equal(one("in July", "en", { published: "2023-06-08" }).value, "2023-07");
  assert.equal(one("en décembre", "fr", { published: "2023-02" }).value, "2022-12");
  assert.deepEqual(pairs("L'ambassadeur Mai Phan Dung, chef de la Mission", "fr"), [], "a name, not May");
  assert.deepEqual(pairs("Le Premier ministre mars", "fr"), [], "no cue, no month");
});

test("parts of months and years: début / mi- / fin, early / mid / late", () => {
  const cases: [string, Lang, string, string, string][] = [
    ["début mars", "fr", "début mars", "2021-03", "early"],
    ["à la mi-juin", "fr", "à la mi-juin", "2021-06", "mid"],
    ["fin 2019", "fr", "fin 2019", "2019", "late"],
    ["vers mi-2020", "fr", "mi-2020", "2020", "mid"],
    ["in early March", "en", "early March", "2021-03", "early"],
    ["by mid-2020", "en", "mid-2020", "2020", "mid"],
    ["in late 2019", "en", "late 2019", "2019", "late"],
    ["by the end of 2019", "en", "the end of 2019", "2019", "late"],
  ];
  for (const [text, lang, span, value, part] of cases) {
    const m = one(text, lang, { published: "2021-05-10" });
    assert.deepEqual([m.text, m.value, m.part], [span, value, part], text);
  }
  const f = one("fin juin dernier", "fr", { published: "2021-05-10" });
  assert.deepEqual([f.value, f.part, f.relative], ["2020-06", "late", "past"]);
});

test("relative words: hier / aujourd'hui / demain, yesterday / today / tomorrow, years and months", () => {
  const pub = { published: "2015-03-10" };
  assert.equal(one("sa visite à Londres hier", "fr", pub).value, "2015-03-09");
  assert.equal(one("était aujourd’hui à Paris", "fr", pub).value, "2015-03-10");
  assert.equal(one("Aujourd'hui, la ministre", "fr", pub).value, "2015-03-10");
  assert.equal(one("demain", "fr", pub).value, "2015-03-11");
  assert.equal(one("yesterday", "en", pub).value, "2015-03-09");
  assert.equal(one("Today's meeting", "en", pub).value, "2015-03-10");
  assert.equal(one("tomorrow", "en", pub).value, "2015-03-11");
  assert.equal(one("hier", "fr").value, null);
  assert.equal(one("hier", "fr", { published: "2015-03" }).value, null);
  const y = one("Toujours l’année dernière, le commerce", "fr", { published: "2025-01" });
  assert.deepEqual([y.value, y.kind, y.relative], ["2024", "relative", "past"]);
  assert.equal(one("last year", "en", { published: "2025-01" }).value, "2024");
  assert.equal(one("cette année", "fr", { published: "2018-06-05" }).value, "2018");
  assert.equal(one("this year", "en", { published: "2022-08" }).value, "2022");
  assert.equal(one("l'année prochaine", "fr", { published: "2024-10" }).value, "2025");
  assert.equal(one("l'année prochaine", "fr").value, null);
  assert.equal(one("le mois dernier", "fr", { published: "2024-01-15" }).value, "2023-12");
  assert.equal(one("next month", "en", { published: "2024-12-15" }).value, "2025-01");
  assert.equal(one("la semaine dernière", "fr", { published: "2024-12-15" }).value, null);
  assert.deepEqual(pairs("ces dernières années, au cours des 10 prochaines années", "fr"), []);
  assert.deepEqual(pairs("la hiérarchie, le lendemain", "fr").map((p) => p[0]), ["le lendemain"]);
});

test("an anchor (the report's own day) overrides the publication month for relative words", () => {
  const opts = { published: "2015-03", anchor: "2015-03-10" };
  assert.equal(one("hier", "fr", opts).value, "2015-03-09");
  assert.equal(one("Samedi dernier", "fr", opts).value, "2015-03-07");
  // a dateline without year: days shift, year stays unknown
  assert.equal(one("hier", "fr", { anchor: "--09-06" }).value, "--09-05");
  assert.equal(one("le 5 septembre", "fr", { anchor: "--09-06" }).value, "--09-05");
  // the anchor's year comes from the publication date
  assert.equal(one("hier", "fr", { anchor: "--01-01", published: "2023-01" }).value, "2022-12-31");
});

test("'le même jour' / 'the same day' point at the previous date", () => {
  for (const [text, lang] of [
    ["Le même jour, le ministre", "fr"],
    ["ce jour-là", "fr"],
    ["The same day, the minister", "en"],
  ] as const) {
    const m = one(text, lang, { published: "2020-01-01" });
    assert.deepEqual([m.kind, m.relative, m.value, m.base, m.offsetDays], ["relative", "same-day", null, "previous", 0], text);
    assert.equal(resolveRelative(m, "--07-25"), "--07-25");
  }
  const next = one("le lendemain", "fr");
  assert.deepEqual([next.relative, next.offsetDays], ["future", 1]);
  assert.equal(resolveRelative(next, "2019-12-31"), "2020-01-01");
  assert.equal(resolveRelative(one("the day before", "en"), "--03-01"), "--02-28");
  assert.equal(resolveRelative(next, null), null);
});

// ------------------------------------------------------------------------------------------------ ranges

test("ranges, French", () => {
  const cases: [string, string, string | null, string | null, string | null][] = [
    ["a effectué du 22 au 26 octobre une visite", "du 22 au 26 octobre", "--10-22", "--10-26", null],
    ["du 30 octobre au 3 novembre", "du 30 octobre au 3 novembre", "--10-30", "--11-03", null],
    ["les 23 et 24 octobre 2025", "les 23 et 24 octobre 2025", "2025-10-23", "2025-10-24", null],
    ["entre le 2 et le 4 mai", "entre le 2 et le 4 mai", "--05-02", "--05-04", null],
    ["22-26 octobre", "22-26 octobre", "--10-22", "--10-26", null],
    ["22 – 26 octobre", "22 – 26 octobre", "--10-22", "--10-26", null],
    ["les 3 et 4 mars", "les 3 et 4 mars", "--03-03", "--03-04", null],
    ["du 1er au 3 mars 2019", "du 1er au 3 mars 2019", "2019-03-01", "2019-03-03", null],
    ["du 30 décembre 2019 au 2 janvier 2020", "du 30 décembre 2019 au 2 janvier 2020", "2019-12-30", "2020-01-02", null],
    ["du 30 décembre au 2 janvier 2020", "du 30 décembre au 2 janvier 2020", "2019-12-30", "2020-01-02", null],
    ["participer, de le 11 avril à le 12 avril, à la", "de le 11 avril à le 12 avril", "--04-11", "--04-12", null],
    ["du lundi 3 au mercredi 5 mars", "du lundi 3 au mercredi 5 mars", "--03-03", "--03-05", null],
    ["du 3 au 5 mars dernier", "du 3 au 5 mars dernier", "--03-03", "--03-05", "past"],
  ];
  for (const [text, span, value, endValue, rel] of cases) {
    const m = one(text, "fr");
    assert.deepEqual([m.text, m.kind, m.value, m.endValue, m.relative ?? null], [span, "range", value, endValue, rel], text);
  }
  // with a publication date, the range follows its first day; it may cross the year
  const r = one("du 30 décembre au 2 janvier", "fr", { published: "2020-01-05" });
  assert.deepEqual([r.value, r.endValue], ["2019-12-30", "2020-01-02"]);
  const t = one("du 10 au 13 juillet à Hanoï", "fr", { published: "2017-07" });
  assert.deepEqual([t.value, t.endValue], ["2017-07-10", "2017-07-13"]);
  // a backwards pair is not a range
  assert.ok(findDates("du 26 au 22 octobre", "fr").every((m) => m.kind !== "range"));
});

test("ranges, English", () => {
  const cases: [string, string, string, string][] = [
    ["from 22 to 26 October", "from 22 to 26 October", "--10-22", "--10-26"],
    ["on October 22-26", "October 22-26", "--10-22", "--10-26"],
    ["a visit on June 7-8.", "June 7-8", "--06-07", "--06-08"],
    ["from April 14-16, 2024, the", "April 14-16, 2024", "2024-04-14", "2024-04-16"],
    ["from April 17 to 21, the", "April 17 to 21", "--04-17", "--04-21"],
    ["met from 21-22 January in Brussels", "from 21-22 January", "--01-21", "--01-22"],
    ["took place on 21 and 22 January 2019 in", "on 21 and 22 January 2019", "2019-01-21", "2019-01-22"],
    ["(Abidjan, 29-30 November 2017)", "29-30 November 2017", "2017-11-29", "2017-11-30"],
    ["between 2 and 4 May", "between 2 and 4 May", "--05-02", "--05-04"],
    ["from October 30 to November 3", "October 30 to November 3", "--10-30", "--11-03"],
    ["March 30 - April 2, 2019", "March 30 - April 2, 2019", "2019-03-30", "2019-04-02"],
  ];
  for (const [text, span, value, endValue] of cases) {
    const m = one(text, "en");
    assert.ok(m.text === span || m.text.endsWith(span), `${text}: ${m.text}`);
    assert.deepEqual([m.kind, m.value, m.endValue], ["range", value, endValue], text);
  }
  // "and" needs a start word: otherwise two numbers, one date
  assert.deepEqual(pairs("rose 21 and 22 January", "en").map((p) => p[0]), ["22 January"]);
});

// ------------------------------------------------------------------------------------------------ periods and years

test("periods of years", () => {
  const cases: [string, Lang, string, number, number][] = [
    ["un programme de coordination des actions pour 2019-2021.", "fr", "2019-2021", 2019, 2021],
    ["ont signé un programme de coordination pour la période 2019-2021.", "fr", "pour la période 2019-2021", 2019, 2021],
    ["le plan 2016 - 2018", "fr", "2016 - 2018", 2016, 2018],
    ["le plan 2016–2018", "fr", "2016–2018", 2016, 2018],
    ["de 2019 à 2021", "fr", "de 2019 à 2021", 2019, 2021],
    ["entre 2019 et 2021", "fr", "entre 2019 et 2021", 2019, 2021],
    ["from 2019 to 2021", "en", "from 2019 to 2021", 2019, 2021],
    ["between 2019 and 2021", "en", "between 2019 and 2021", 2019, 2021],
    ["the 2019-20 season", "en", "2019-20", 2019, 2020],
  ];
  for (const [text, lang, span, from, to] of cases) {
    const m = one(text, lang);
    assert.deepEqual([m.text, m.kind, m.periodFrom, m.periodTo, m.value, m.endValue], [span, "period", from, to, String(from), String(to)], text);
  }
  // two years are not a period without a start word; a time is not a short year
  assert.deepEqual(pairs("entre 2030 et 2045", "fr").map((p) => p[0]), ["entre 2030 et 2045"]);
  assert.deepEqual(pairs("aux horizons 2030 et 2045", "fr"), [["2030", "2030"], ["2045", "2045"]]);
  assert.deepEqual(pairs("2019 to 2021", "en"), [["2019", "2019"], ["2021", "2021"]]);
  assert.deepEqual(pairs("modifié 2012 - 22:54", "fr"), [["2012", "2012"]]);
  assert.deepEqual(pairs("de 2021 à 2019", "fr").map((p) => p[0]), ["2021", "2019"]);
});

test("years alone", () => {
  for (const [text, lang, span] of [
    ["en 2013", "fr", "2013"],
    ["le sommet de l'APEC 2017", "fr", "2017"],
    ["le sommet de l'APEC2017 en novembre", "fr", "2017"],
    ["à l'horizon 2030", "fr", "2030"],
    ["the 2014 agreement", "en", "2014"],
    ["(2018)", "en", "2018"],
  ] as const) {
    const m = findDates(text, lang)[0]!;
    assert.deepEqual([m.text, m.kind, m.value], [span, "year", span], text);
  }
});

test("numbers that are not dates", () => {
  const fr =
    "Des reporters au Centre de presse du 14e Congrès. Ouvert à 8 heures. Plus de 2000 personnes et 1.160 bourses, " +
    "5,7 milliards d'USD, 10 à 15% en plus, la résolution 2019, le n° 2019, le 1er vice-ministre, la 47ᵉ réunion, " +
    "tél. : +84 24 3825 2096, à 22:54, 2019 000 francs, COVID-19 mars";
  assert.deepEqual(pairs(fr, "fr"), []);
  const en = "the 1990s, 2000 people, 2019 delegates, No. 2019, at 10:43, 28 EU member states, $2019, 2019% growth";
  assert.deepEqual(pairs(en, "en"), []);
  // an explicit count after a date's year drops the year, not the date
  assert.deepEqual(pairs("le 5 mai 2000 personnes", "fr"), [["5 mai", "--05-05"]]);
});

test("a weekday word that is a name is not a date", () => {
  const text = "le ministre des Affaires étrangères, Monday Semaya Kumba, a plaidé";
  assert.deepEqual(pairs(text.replace("le ministre des Affaires étrangères", "the Minister of Foreign Affairs"), "en", { published: "2020-06-10" }), []);
  assert.deepEqual(pairs("On Monday President Xi met", "en", { published: "2020-06-10" }), [["Monday", "2020-06-08"]]);
  assert.deepEqual(pairs("He met Monday with envoys", "en", { published: "2020-06-10" }), [["Monday", "2020-06-08"]]);
});

// ------------------------------------------------------------------------------------------------ whole texts

test("an article: order, no overlaps, the expected values", () => {
  const text =
    "Hanoi, 25 juillet(VNA) - Le Vietnam souhaite renforcer la coopération, a déclaré le président lors d’une réception le 25 juillet " +
    "à Hanoi. Lors de sa visite en Russie en juin dernier, les dirigeants ont signé un programme pour la période 2016-2018. " +
    "Le même jour, le ministre a reçu la délégation, qui participera au sommet de l'APEC 2017 en novembre prochain. " +
    "Le ministre a effectué du 22 au 26 octobre une visite de travail à Cuba.";
  const found = findDates(text, "fr");
  assert.deepEqual(
    found.map((m) => [m.text, m.kind, m.value, m.endValue ?? null]),
    [
      ["25 juillet", "partial", "--07-25", null],
      ["25 juillet", "partial", "--07-25", null],
      ["juin dernier", "relative", "--06", null],
      ["pour la période 2016-2018", "period", "2016", "2018"],
      ["Le même jour", "relative", null, null],
      ["2017", "year", "2017", null],
      ["novembre prochain", "relative", "--11", null],
      ["du 22 au 26 octobre", "range", "--10-22", "--10-26"],
    ],
  );
  for (let i = 1; i < found.length; i++) assert.ok(found[i]!.start >= found[i - 1]!.end, "sorted, disjoint");
  const withPub = findDates(text, "fr", { published: "2017-07-26" });
  assert.deepEqual(
    withPub.map((m) => m.value),
    ["2017-07-25", "2017-07-25", "2017-06", "2016", null, "2017", "2017-11", "2016-10-22"],
  );
});

// ------------------------------------------------------------------------------------------------ publication stamps

test("findPublicationDate: only dates right after a publish / update cue", () => {
  assert.equal(findPublicationDate("Actualités\n|\nPublié le 12 Mars 2015\n\nLutte contre", "fr"), "2015-03-12");
  assert.equal(findPublicationDate("French.xinhuanet.com | Publié le 2018-06-05 à 19:05", "fr"), "2018-06-05");
  assert.equal(findPublicationDate("Mise à jour 28.08.2011", "fr"), "2011-08-28");
  assert.equal(findPublicationDate("Jeudi 12 Juillet 2012 modifié le Jeudi 12 Juillet 2012 - 22:54", "fr"), "2012-07-12");
  assert.equal(findPublicationDate("Published: 12 March 2015", "en"), "2015-03-12");
  assert.equal(findPublicationDate("Updated 2015-03-12", "en"), "2015-03-12");
  assert.equal(findPublicationDate("Posted on March 12, 2015 by staff", "en"), "2015-03-12");
  // the publication date wins over an update printed first
  assert.equal(findPublicationDate("Mis à jour le 13 mars 2015 — Publié le 12 mars 2015", "fr"), "2015-03-12");
  assert.equal(findPublicationDate("Updated: 13 March 2015. Published: 12 March 2015", "en"), "2015-03-12");
  // no cue, a cue far from the date, or a date without year: nothing
  assert.equal(findPublicationDate("Communiqué de presse du 10 mars 2015", "fr"), null);
  assert.equal(findPublicationDate("Hanoi, 25 juillet (VNA)", "fr"), null);
  assert.equal(findPublicationDate("The report was published in the journal on 12 March 2015", "en"), null);
  assert.equal(findPublicationDate("Publié le 12 mars", "fr"), null);
});

// ------------------------------------------------------------------------------------------------ helpers

test("resolveDate and the ISO helpers", () => {
  assert.equal(resolveDate({ month: 9, day: 5 }, null), "--09-05");
  assert.equal(resolveDate({ month: 12, day: 28 }, "2023-01-10"), "2022-12-28");
  assert.equal(resolveDate({ month: 6, cue: "last" }, "2017-07"), "2017-06");
  assert.equal(resolveDate({ month: 11, cue: "next" }, "2017-11-20"), "2018-11");
  assert.equal(resolveDate({ weekday: 5 }, "2023-01-10"), "2023-01-06");
  assert.equal(resolveDate({ weekday: 5 }, "2023-01"), null);
  assert.equal(resolveDate({ year: 2019, month: 2, day: 29 }, null), null, "not a leap year");
  assert.equal(resolveDate({ month: 2, day: 29 }, null), "--02-29");
  assert.equal(resolveDate({ month: 6, yearOffset: -1 }, "2020-03"), "2019-06");
  assert.deepEqual(parseIsoPartial("2023-02-21T10:00:00Z"), { y: 2023, m: 2, d: 21 });
  assert.deepEqual(parseIsoPartial("--09"), { m: 9 });
  assert.equal(parseIsoPartial("2023-13"), null);
  assert.equal(formatIso(undefined, 9, 5), "--09-05");
  assert.equal(shiftIso("2020-03-01", -1), "2020-02-29");
  assert.equal(shiftIso("--03-01", -1), "--02-28");
  assert.equal(shiftIso("2020-03", 0), "2020-03");
  assert.equal(shiftIso("2020-03", 1), null);
  assert.deepEqual(combineReference("2015-03", "2015-03-10"), { y: 2015, m: 3, d: 10 });
  assert.deepEqual(combineReference("2015-03-10", "2015"), { y: 2015, m: 3, d: 10 });
  assert.deepEqual(combineReference("2023-01-10", "--12-28"), { y: 2022, m: 12, d: 28 });
  assert.equal(combineReference(null, null), null);
});

test("speed: well above the pipeline's need (a loose bound against pathological regexes)", () => {
  const para =
    "Hanoi, 25 juillet(VNA) – Le ministre vietnamien de la Sécurité publique a reçu le 25 juillet à Hanoi le secrétaire du Conseil. " +
    "Lors de sa visite en juin dernier, du 22 au 26 octobre, les deux parties ont signé un programme pour la période 2019-2021. " +
    "Plus de 2000 personnes ont participé vendredi matin au 14e Congrès, ouvert à 8 heures.      \n\n";
  const text = para.repeat(Math.ceil(1_000_000 / para.length));
  findDates(text.slice(0, 20_000), "fr");
  const t0 = performance.now();
  const found = findDates(text, "fr", { published: "2017-07-26" });
  const seconds = (performance.now() - t0) / 1000;
  assert.ok(found.length > 1000);
  assert.ok(seconds < 1, `1 MB took ${seconds.toFixed(2)} s`);
});
