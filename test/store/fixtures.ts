// An invented little world for the store tests: four articles and a merged snapshot citing them.
import type { ArticleRow, MergedSnapshot, SnapshotSource } from "../../src/store/types.js";

export const ARTICLES: ArticleRow[] = [
  {
    url: "https://news.example/vn-fr-talks",
    outlet: "Example News",
    title: "Việt Nam and France deepen energy ties",
    published: "2024-03-12",
    language: "en",
    text: "HÀ NỘI, March 12 — Deputy Prime Minister Đặng Văn Khải met French minister Hélène Marchetti in Hà Nội on Tuesday to discuss trade and renewable energy. They signed a memorandum on renewable energy cooperation.",
  },
  {
    url: "https://news.example/khai-promoted",
    outlet: "Example News",
    title: "Khải becomes deputy prime minister",
    published: "2024-02-10",
    language: "en",
    text: "Đặng Văn Khải, until now Minister of Foreign Affairs, was appointed Deputy Prime Minister. Hélène Marchetti, Minister for Europe, congratulated him.",
  },
  {
    uri: "file:///corpus/jp-call.txt",
    outlet: "Tokyo Wire",
    title: "Phone call on trade",
    published: "2023-11-20",
    language: "en",
    text: "Kenji Ōmura held a phone call with Đặng Văn Khải about trade. A programme of training, Chương trình Hợp tác Đào tạo, was mentioned; talks in Łódź were recalled.",
  },
  {
    url: "https://news.example/paris-visit",
    outlet: "Le Monde Exemple",
    title: "Visite à Paris",
    published: "2024-05-02",
    language: "fr",
    text: "Tô Văn Lực s'est rendu à Paris en mai pour parler de défense. Une zebracrossing fut évoquée.",
  },
];

const src = (articleId: number, index = 0, text = "x"): SnapshotSource => ({ articleId, index, evidence: [{ start: 0, end: text.length, text }] });

/** `ids`: the store ids of ARTICLES, in order */
export function snapshot(ids: number[]): MergedSnapshot {
  const [a1, a2, a3, a4] = ids as [number, number, number, number];
  return {
    organizations: [
      { id: "o-mofa-vn", name: "Ministry of Foreign Affairs", country: "VNM", sector: "GOV" },
      { id: "o-afd", name: "Agence Française de Développement", country: "FRA", sector: "GOV" },
      { id: "o-jica", name: "Japan International Cooperation Agency", country: "JPN", sector: "GOV" },
    ],
    people: [
      {
        id: "p-khai",
        name: "Đặng Văn Khải",
        variants: ["Dang Van Khai", "Đặng Khải"],
        country: "VNM",
        titles: [
          { title: "Deputy Prime Minister", date: "2024-02-10", article: a2 },
          { title: "Minister of Foreign Affairs", date: "2023-05", article: a2 },
          { title: "Party member", date: null, article: null },
        ],
        sources: [src(a2, 0, "Đặng Văn Khải")],
      },
      { id: "p-helene", name: "Hélène Marchetti", variants: ["Helene Marchetti"], country: "FRA", titles: [{ title: "Minister for Europe", date: "2024-01-15", article: a2 }] },
      { id: "p-luc", name: "Tô Văn Lực", variants: [], country: "VNM", titles: [] },
      { id: "p-luc2", name: "Tô Văn Lục", variants: [], country: null, titles: [] },
      { id: "p-kenji", name: "Kenji Ōmura", variants: ["Omura Kenji"], country: "JPN", titles: [] },
    ],
    events: [
      {
        id: "e1", kind: "meeting", date: "2024-03-12", end_date: null, place_name: "Hà Nội", place_country: "VNM",
        countries: ["VNM", "FRA"], areas: ["trade", "energy"], participants: ["p-khai", "p-helene"], organizations: ["o-mofa-vn"],
        background: false, sources: [src(a1, 0, "HÀ NỘI"), src(a2, 1)],
        fields: { date: [{ value: "2024-03-12", articles: [a1, a2] }, { value: "2024-03-11", articles: [a3] }], place: [{ value: { name: "Hà Nội", country: "VNM" }, articles: [] }] },
        conflicts: [{ field: "date", values: ["2024-03-12", "2024-03-11"] }],
      },
      {
        id: "e2", kind: "visit", date: "2024-05", end_date: null, place_name: "Paris", place_country: "FRA",
        countries: ["VNM", "FRA", "VNM"], areas: ["defence"], participants: ["p-luc"], background: false, sources: [src(a4)], fields: {}, conflicts: [],
      },
      {
        id: "e3", kind: "call", date: "2023-11-20", end_date: null, place_name: null, place_country: null,
        countries: ["VNM", "JPN"], areas: ["trade"], participants: ["p-khai", "p-kenji"], background: false, sources: [src(a3)], fields: {}, conflicts: [],
      },
      {
        id: "e4", kind: "conference", date: "2024-06-03", end_date: "2024-06-05", place_name: "Tokyo", place_country: "JPN",
        countries: ["JPN", "FRA", "VNM", "USA"], areas: ["energy", "climate"], participants: ["p-kenji", "p-helene", "p-khai"], background: false, sources: [src(a3, 2)], fields: {}, conflicts: [],
      },
      {
        id: "e5", kind: "meeting", date: "2022", end_date: null, place_name: null, place_country: null,
        countries: ["FRA", "USA"], areas: ["trade"], participants: [], background: true, sources: [], fields: {}, conflicts: [],
      },
      {
        id: "e6", kind: "signing", date: null, end_date: null, place_name: null, place_country: null,
        countries: ["VNM", "FRA"], areas: ["trade"], participants: ["p-luc2"], background: false, sources: [src(a4, 1)], fields: {}, conflicts: [],
      },
    ],
    agreements: [
      {
        id: "g1", kind: "memorandum", title: "Memorandum on Renewable Energy Cooperation", status: "signed", date: "2024-03-12", period: { from: 2024, to: 2028 },
        countries: ["VNM", "FRA"], areas: ["energy"], parties: ["o-mofa-vn", "o-afd"], background: false,
        status_history: [{ status: "planned", date: "2023-12", article: a3 }, { status: "signed", date: "2024-03-12", article: a1 }],
        sources: [src(a1, 0, "memorandum")], fields: { status: [{ value: "signed", articles: [a1] }, { value: "planned", articles: [a3] }] }, conflicts: [],
      },
      {
        id: "g2", kind: "programme", title: "Chương trình Hợp tác Đào tạo", status: "referenced", date: "2023", period: null,
        countries: ["VNM", "JPN"], areas: ["education"], parties: ["o-jica"], background: true,
        status_history: [{ status: "referenced", date: "2023-11-20", article: a3 }], sources: [src(a3, 1)], fields: {}, conflicts: [],
      },
      {
        id: "g3", kind: "agreement", title: "Agreement on Maritime Security", status: "planned", date: null, period: { from: null, to: 2030 },
        countries: ["FRA", "USA", "VNM"], areas: ["defence"], parties: [], background: false, status_history: [], sources: [], fields: {}, conflicts: [],
      },
    ],
  };
}
