import MiniSearch, { type SearchResult } from "minisearch";
import { stemmer } from "stemmer";
import type { Article, ArticleKind } from "@/lib/content/types";

/**
 * Search over the articles, with MiniSearch: titles and summaries rank above the body, a
 * query's words match their English stems ("sanctions" finds "sanction"), a longer word
 * matches with one typo ("sovereignity" finds "sovereignty"), and a piece that holds the
 * query as a phrase ranks above one where its words are scattered. The index is made from
 * the content once per process, in memory; nothing is stored.
 */
import { MAX_QUERY_LENGTH, SEARCH_PAGE_SIZE } from "./limits";

export { MAX_QUERY_LENGTH, SEARCH_PAGE_SIZE };

/** Words too common to say anything about a piece. */
const STOP_WORDS = new Set(
  "a an and are as at be by for from has have in is it its of on or that the this to was were will with".split(
    " ",
  ),
);

interface Doc {
  id: number;
  title: string;
  dek: string;
  text: string;
  topics: string;
  author: string;
}

/** British spellings a query and a piece may differ by, folded to one form on both sides. */
const SPELLINGS: Record<string, string> = {
  defence: "defense",
  defences: "defenses",
  offence: "offense",
  offences: "offenses",
  licence: "license",
  licences: "licenses",
  centre: "center",
  centres: "centers",
  manoeuvre: "maneuver",
  manoeuvres: "maneuvers",
  calibre: "caliber",
};

/**
 * One spelling for the words British and American English write differently: the list
 * above, "-ise"/"-yse" as "-ize"/"-yze" ("organise", "analysing") and "-our" as "-or"
 * ("armoured", "labour"). Both the pieces and the queries are folded, so a word that only
 * looks like one ("exercise") is folded alike on both sides and still matches itself.
 */
function fold(word: string): string {
  const listed = SPELLINGS[word];
  if (listed) return listed;
  if (word.length < 6) return word;
  return word
    .replace(/([iy])s(e|es|ed|ing|ation|ations)$/, "$1z$2")
    .replace(/our(s|ed|ing|ite|ites|able|er|ers)?$/, "or$1");
}

/**
 * Each word's terms, worked out once: an archive repeats a few tens of thousands of words
 * millions of times, and folding and stemming each occurrence was most of the index's time.
 * Bounded, so that queries of made-up words cannot grow it for ever.
 */
const TERMS = new Map<string, string[] | null>();
const TERMS_LIMIT = 200_000;

/** Each word indexed as written (for typos) and as its stem (for other forms of it). */
function terms(term: string): string[] | null {
  const lower = term.toLowerCase();
  const known = TERMS.get(lower);
  if (known !== undefined) return known;
  let result: string[] | null = null;
  if (lower.length >= 2 && !STOP_WORDS.has(lower)) {
    const word = fold(lower);
    const stem = stemmer(word);
    result = stem === word ? [word] : [word, stem];
  }
  if (TERMS.size >= TERMS_LIMIT) TERMS.clear();
  TERMS.set(lower, result);
  return result;
}

export interface SearchFilters {
  topic?: string;
  kind?: ArticleKind;
  /** Only pieces readers can open: scheduled pieces are indexed before their time. */
  visible?: (article: Article) => boolean;
}

export interface Snippet {
  text: string;
  marked: boolean;
}

export interface SearchHit {
  article: Article;
  snippet: Snippet[];
}

export interface SearchPage {
  hits: SearchHit[];
  total: number;
  page: number;
  pages: number;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ");
}

/**
 * Up to 240 characters of the piece around the first word that matched, cut at word
 * boundaries, with every matched word marked. Plain text: the page escapes it.
 */
export function snippetOf(text: string, words: string[]): Snippet[] {
  const pattern = words.length
    ? new RegExp(
        `\\b(?:${words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})[\\p{L}\\p{N}]*`,
        "giu",
      )
    : null;
  const first = pattern ? text.search(pattern) : -1;
  let start = Math.max(0, first - 80);
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  let end = Math.min(text.length, start + 240);
  if (end < text.length)
    end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
  const window = `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
  if (!pattern) return [{ text: window, marked: false }];
  const parts: Snippet[] = [];
  let last = 0;
  for (const match of window.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: window.slice(last, match.index), marked: false });
    parts.push({ text: match[0], marked: true });
    last = match.index + match[0].length;
  }
  if (last < window.length) parts.push({ text: window.slice(last), marked: false });
  return parts;
}

export class ArticleSearch {
  private readonly index: MiniSearch<Doc>;
  /** Every term the index holds: a query's word found here is matched as it is. */
  private readonly vocabulary = new Set<string>();

  constructor(
    private readonly articles: readonly Article[],
    { index = true }: { index?: boolean } = {},
  ) {
    const vocabulary = this.vocabulary;
    this.index = new MiniSearch<Doc>({
      fields: ["title", "dek", "text", "topics", "author"],
      processTerm: (term) => {
        const indexed = terms(term);
        for (const each of indexed ?? []) vocabulary.add(each);
        return indexed;
      },
      searchOptions: { processTerm: terms },
    });
    if (index) this.index.addAll(this.documents());
  }

  /**
   * The same index, made a hundred pieces at a time with the event loop free in between: a
   * server making it at start keeps answering meanwhile (5,000 pieces take seconds).
   */
  static async create(articles: readonly Article[]): Promise<ArticleSearch> {
    const search = new ArticleSearch(articles, { index: false });
    await search.index.addAllAsync(search.documents(), { chunkSize: 100 });
    return search;
  }

  private documents(): Doc[] {
    return this.articles.map((article, id) => ({
      id,
      title: article.title,
      dek: article.dek,
      text: article.text,
      topics: article.topics.map((topic) => topic.name).join(" "),
      author: article.author,
    }));
  }

  search(query: string, filters: SearchFilters = {}, page = 1): SearchPage {
    const trimmed = query.trim().slice(0, MAX_QUERY_LENGTH);
    if (!trimmed) return { hits: [], total: 0, page: 1, pages: 1 };
    const phrase = normalise(trimmed);
    const words = trimmed.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    // A word the archive holds is matched as it is (and by its stem); only one it does not
    // hold is looked for as the start of longer words and with one typo. Expanding every
    // word was most of a query's time at 5,000 pieces, for matches that were nearly all noise.
    const known = (term: string) => this.vocabulary.has(term);
    const ranked = this.index.search(trimmed, {
      boost: { title: 4, dek: 2, topics: 2, author: 1.5 },
      prefix: (term) => term.length >= 4 && !known(term),
      fuzzy: (term) => (term.length >= 6 && !known(term) ? 1 : false),
      combineWith: "OR",
      filter: (result) => {
        const article = this.articles[result.id as number]!;
        if (filters.visible && !filters.visible(article)) return false;
        if (filters.kind && article.kind !== filters.kind) return false;
        if (filters.topic && !article.topics.some((topic) => topic.slug === filters.topic)) {
          return false;
        }
        return true;
      },
    });
    const results = phrase.includes(" ") ? this.phraseFirst(ranked, phrase) : ranked;
    const pages = Math.max(1, Math.ceil(results.length / SEARCH_PAGE_SIZE));
    const current = Math.min(Math.max(1, page), pages);
    const hits = results
      .slice((current - 1) * SEARCH_PAGE_SIZE, current * SEARCH_PAGE_SIZE)
      .map((result: SearchResult) => {
        const article = this.articles[result.id as number]!;
        return { article, snippet: snippetOf(article.text, [...words, ...result.terms]) };
      });
    return { hits, total: results.length, page: current, pages };
  }

  /**
   * The query as a phrase, in the title or summary, then in the text, above scattered words:
   * among the best PHRASE_CANDIDATES by score, which is where a piece holding the phrase is,
   * so that a common query does not read the whole archive's text.
   */
  private phraseFirst(ranked: SearchResult[], phrase: string): SearchResult[] {
    // The phrase's words with any white space between, in any case: read in place, no copy.
    const pattern = new RegExp(
      phrase
        .split(" ")
        .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join("\\s+"),
      "i",
    );
    const head = ranked.slice(0, PHRASE_CANDIDATES).map((result) => {
      const article = this.articles[result.id as number]!;
      const boost =
        pattern.test(article.title) || pattern.test(article.dek)
          ? 4
          : pattern.test(article.text)
            ? 2
            : 1;
      return { ...result, score: result.score * boost };
    });
    head.sort((a, b) => b.score - a.score);
    return [...head, ...ranked.slice(PHRASE_CANDIDATES)];
  }
}

/** How many of the best-scored results the phrase boost reads. */
const PHRASE_CANDIDATES = 200;
