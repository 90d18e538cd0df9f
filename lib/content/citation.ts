import type { Article } from "./types";

/**
 * How to cite an article: Chicago (notes and bibliography, a web article) and APA 7 as text,
 * BibTeX and RIS for reference managers. Pure functions of the article, the site's name and
 * the article's address, so that each can be checked by a unit test.
 */
export interface CitationSource {
  article: Pick<Article, "title" | "author" | "published" | "dek" | "topics" | "slug">;
  siteName: string;
  url: string;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function dateParts(isoDate: string) {
  const [year = "", month = "1", day = "1"] = isoDate.split("-");
  return { year, month: Number(month), day: Number(day) };
}

/** A person's name as "Family, Given", or null when the author is the publication itself. */
function personName(author: string, siteName: string): { family: string; given: string } | null {
  if (author === siteName) return null;
  const parts = author.trim().split(/\s+/);
  const family = parts.pop() ?? author;
  return { family, given: parts.join(" ") };
}

/** Double quotation marks inside a quoted title become single ones, as both styles ask. */
function requote(title: string): string {
  return title.replace(/[“”"]/g, (mark) => (mark === "”" ? "’" : mark === "“" ? "‘" : "'"));
}

/** Chicago: Family, Given. "Title." Site, Month Day, Year. URL. */
export function chicago({ article, siteName, url }: CitationSource): string {
  const { year, month, day } = dateParts(article.published);
  const person = personName(article.author, siteName);
  const author = person ? `${person.family}, ${person.given.replace(/\.$/, "")}. ` : "";
  const title = requote(article.title);
  const end = /[.?!]$/.test(title) ? "" : ".";
  return `${author}“${title}${end}” ${siteName}, ${MONTHS[month - 1]} ${day}, ${year}. ${url}.`;
}

/** APA 7: Family, G. (Year, Month Day). Title. Site. URL (the site once, when it is the author). */
export function apa({ article, siteName, url }: CitationSource): {
  before: string;
  title: string;
  after: string;
} {
  const { year, month, day } = dateParts(article.published);
  const person = personName(article.author, siteName);
  const initials = person?.given
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((name) => `${name[0]}.`)
    .join(" ");
  const author = person ? `${person.family}, ${initials}` : siteName;
  const title = article.title.replace(/[.]$/, "");
  return {
    before: `${author}${author.endsWith(".") ? "" : "."} (${year}, ${MONTHS[month - 1]} ${day}). `,
    title,
    after: `${/[?!]$/.test(title) ? "" : "."} ${person ? `${siteName}. ` : ""}${url}`,
  };
}

export function apaText(source: CitationSource): string {
  const { before, title, after } = apa(source);
  return `${before}${title}${after}`;
}

/** TeX's special characters, escaped, so that a title cannot break the entry or run TeX. */
function bibEscape(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/g, (character) => {
    switch (character) {
      case "\\":
        return "\\textbackslash{}";
      case "^":
        return "\\textasciicircum{}";
      case "~":
        return "\\textasciitilde{}";
      default:
        return `\\${character}`;
    }
  });
}

export function bibtex({ article, siteName, url }: CitationSource): string {
  const { year, month } = dateParts(article.published);
  const person = personName(article.author, siteName);
  const author = person
    ? `${bibEscape(person.family)}, ${bibEscape(person.given)}`
    : `{${bibEscape(siteName)}}`;
  const key = `${article.slug}-${year}`;
  const fields = [
    ["author", `{${author}}`],
    // Double braces keep the title's capitals as written.
    ["title", `{{${bibEscape(article.title)}}}`],
    ["journal", `{${bibEscape(siteName)}}`],
    ["year", `{${year}}`],
    ["month", `{${month}}`],
    ["date", `{${article.published}}`],
    ["url", `{${url}}`],
    ["abstract", `{${bibEscape(article.dek)}}`],
    ["keywords", `{${bibEscape(article.topics.map((topic) => topic.name).join(", "))}}`],
  ];
  return `@article{${key},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(",\n")}\n}\n`;
}

/** One RIS line: no line breaks can get into a value and start a field of their own. */
function risLine(tag: string, value: string): string {
  return `${tag}  - ${value.replace(/[\r\n\u2028\u2029]+/g, " ").trim()}`;
}

export function ris({ article, siteName, url }: CitationSource): string {
  const person = personName(article.author, siteName);
  const lines = [
    risLine("TY", "JOUR"),
    risLine("TI", article.title),
    // A publication is its own author: RIS takes a corporate name as it is.
    risLine("AU", person ? `${person.family}, ${person.given}` : siteName),
    risLine("T2", siteName),
    risLine("JO", siteName),
    risLine("PY", dateParts(article.published).year),
    risLine("DA", article.published.replaceAll("-", "/")),
    risLine("UR", url),
    risLine("AB", article.dek),
    ...article.topics.map((topic) => risLine("KW", topic.name)),
    risLine("LA", "en"),
    risLine("ER", ""),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
