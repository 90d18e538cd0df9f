import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { bylineOf, loadAuthors, type Author } from "./authors";
import { resolveFigure } from "./figures";
import { readFrontmatter } from "./frontmatter";
import { parseBody, type LinkUse } from "./markdown";
import { cachedParse } from "./parse-cache";
import { countWords, readingMinutes } from "./reading-time";
import { dateIn, publicationInstant } from "./schedule";
import { frontmatterSchema } from "./schema";
import { slugify } from "./slug";
import type { Article } from "./types";

/** Sections every article page has, which the body may link to with `#id`. */
export const PAGE_ANCHORS = ["faq", "related", "comments", "newsletter"] as const;

export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Content is invalid:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ContentError";
  }
}

const ARTICLE_EXTENSION = ".md";

interface Parsed {
  file: string;
  article: Article;
  links: LinkUse[];
  anchors: Set<string>;
}

export interface LoadOptions {
  /** Where a `published` date or time without an offset is read: TIME_ZONE. */
  timeZone: string;
  /** Where parsed bodies are kept between processes (parse-cache.ts); none: parse each time. */
  cacheDirectory?: string;
}

async function parseArticle(
  directory: string,
  file: string,
  source: string,
  authors: ReadonlyMap<string, Author>,
  options: LoadOptions,
): Promise<{ parsed?: Parsed; problems: string[] }> {
  const front = readFrontmatter(file, source, frontmatterSchema);
  if (!front.ok) return { problems: front.problems };
  const { slug, data, header, body: markdown } = front;
  const bodyFirstLine = header.split("\n").length;
  const body = await cachedParse(
    options.cacheDirectory,
    { contentDirectory: directory, slug, body: markdown, firstLine: bodyFirstLine },
    () =>
      parseBody(markdown, bodyFirstLine, (request) => resolveFigure(directory, slug, request)),
  );
  const problems = body.problems.map((problem) => `${file}: ${problem}`);
  if (data.faq && !body.hasFaqMarker) {
    problems.push(`${file}: has a faq in its frontmatter but no ::faq line to place it`);
  }
  if (!data.faq && body.hasFaqMarker) {
    problems.push(`${file}: has a ::faq line but no faq in its frontmatter`);
  }

  const publishedAt = publicationInstant(data.published, options.timeZone);
  if (!publishedAt) problems.push(`${file}: field "published": is not a real date or time`);
  const named = (data.authors ?? []).flatMap((authorSlug) => {
    const author = authors.get(authorSlug);
    if (!author) {
      problems.push(
        `${file}: field "authors": no author "${authorSlug}" (content/authors/${authorSlug}.md)`,
      );
      return [];
    }
    return [
      {
        slug: author.slug,
        name: author.name,
        kind: author.kind,
        sameAs: author.links.map((link) => link.url),
      },
    ];
  });

  let image: Article["image"] = null;
  if (data.image) {
    const resolved = await resolveFigure(directory, slug, {
      src: data.image.src,
      alt: data.image.alt,
      credit: data.image.credit,
    });
    if (typeof resolved === "string") problems.push(`${file}: field "image": ${resolved}`);
    else image = { ...resolved.picture, credit: data.image.credit ?? null };
  }

  const faq = data.faq
    ? {
        title: data.faq.title,
        items: data.faq.items.map((item) => ({ ...item, anchor: `faq-${slugify(item.question)}` })),
      }
    : null;
  const faqText = faq?.items.map((item) => `${item.question} ${item.answer}`).join(" ") ?? "";
  const text = `${body.text} ${faqText}`.trim();
  const wordCount = countWords(text);

  const article: Article = {
    slug,
    title: data.title,
    dek: data.dek,
    kind: data.kind,
    author: data.author ?? bylineOf(named.map((author) => author.name)),
    authors: named,
    draft: data.draft,
    publishedAt: publishedAt ?? new Date(0).toISOString(),
    published: publishedAt ? dateIn(publishedAt, options.timeZone) : data.published,
    updated: [data.updated ?? data.published.slice(0, 10), ...[...data.corrections, ...data.updates].map((note) => note.date)]
      .sort()
      .at(-1)!,
    corrections: data.corrections,
    updates: data.updates,
    topics: data.topics.map((name) => ({ name, slug: slugify(name) })),
    related: data.related,
    faq,
    commentsClosed: data.comments === "closed",
    image,
    body: body.blocks,
    text,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
  };
  const anchors = new Set<string>([
    ...PAGE_ANCHORS,
    ...body.headingIds,
    ...(faq?.items.map((item) => item.anchor) ?? []),
  ]);
  return { parsed: { file, article, links: body.links, anchors }, problems };
}

/**
 * Checks every link so that a reader never meets a dead internal link or an unsafe URL.
 * Links to an article that exists but failed to parse are not reported again: its own
 * error says what to fix.
 */
function checkLinks(parsed: Parsed[], unparsed: ReadonlySet<string>): string[] {
  const bySlug = new Map(parsed.map((entry) => [entry.article.slug, entry]));
  const topics = new Set(parsed.flatMap((entry) => entry.article.topics.map((topic) => topic.slug)));
  const problems: string[] = [];

  // A piece must not lead readers to one they cannot open yet: a draft, or a piece still to
  // come that goes live after it does.
  const now = new Date().toISOString();
  const notYet = (from: Article, to: Article | undefined) =>
    !!to &&
    !from.draft &&
    (to.draft || (to.publishedAt > now && to.publishedAt > from.publishedAt));
  const notYetProblem = (to: Article) =>
    to.draft ? "is a draft" : `is not published until ${to.publishedAt}`;

  for (const { file, article, links, anchors } of parsed) {
    for (const slug of article.related) {
      if (!bySlug.has(slug) && !unparsed.has(slug)) {
        problems.push(`${file}: field "related": no article "${slug}"`);
      }
      const related = bySlug.get(slug)?.article;
      if (related && notYet(article, related)) {
        problems.push(`${file}: field "related": "${slug}" ${notYetProblem(related)}`);
      }
      if (slug === article.slug) problems.push(`${file}: field "related": lists itself`);
    }
    for (const { url, line } of links) {
      const where = `${file}: line ${line}: link "${url}"`;
      if (/^https:\/\/[^\s/]+/.test(url) || /^mailto:[^\s@]+@[^\s@]+$/.test(url)) continue;
      if (url.startsWith("#")) {
        if (!anchors.has(url.slice(1))) problems.push(`${where} points to no section of this page`);
        continue;
      }
      const internal = /^\/(analysis|topics)\/([^/#?]+)(?:#(.+))?$/.exec(url);
      if (!internal) {
        problems.push(`${where} is neither https://, mailto:, #section, /analysis/… nor /topics/…`);
        continue;
      }
      const [, section, slug = "", fragment] = internal;
      if (section === "topics") {
        if (!topics.has(slug) || fragment) problems.push(`${where} names no topic`);
        continue;
      }
      if (unparsed.has(slug)) continue;
      const target = bySlug.get(slug);
      if (!target) problems.push(`${where} names no article`);
      else if (notYet(article, target.article)) {
        problems.push(`${where} names an article that ${notYetProblem(target.article)}`);
      }
      else if (fragment && !target.anchors.has(fragment)) {
        problems.push(`${where} names no section of that article`);
      }
    }
  }
  return problems;
}

export interface Content {
  /** Every article, drafts and scheduled pieces too, newest first. */
  articles: Article[];
  authors: Map<string, Author>;
}

/**
 * Loads and validates every article and author in a folder; throws one error listing every
 * problem.
 */
export async function loadContent(
  directory: string,
  options: LoadOptions = { timeZone: "UTC" },
): Promise<Content> {
  const { authors, problems: authorProblems } = await loadAuthors(directory);
  const names = (await readdir(directory)).filter((name) => name.endsWith(ARTICLE_EXTENSION));
  const results = await Promise.all(
    names.map(async (name) => {
      const file = path.join(path.basename(directory), name);
      const source = await readFile(path.join(directory, name), "utf8");
      return parseArticle(directory, file, source, authors, options);
    }),
  );
  const parsed = results.flatMap((result) => (result.parsed ? [result.parsed] : []));
  const unparsed = new Set(
    names
      .filter((_, index) => !results[index]?.parsed)
      .map((name) => path.basename(name, ARTICLE_EXTENSION)),
  );
  const problems = [
    ...authorProblems,
    ...results.flatMap((result) => result.problems),
    ...checkLinks(parsed, unparsed),
  ];
  if (problems.length) throw new ContentError(problems);

  const articles = parsed
    .map((entry) => entry.article)
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.slug.localeCompare(b.slug));
  return { articles, authors };
}

/** Every article in a folder, newest first (drafts and scheduled pieces included). */
export async function loadArticles(directory: string, options?: LoadOptions): Promise<Article[]> {
  return (await loadContent(directory, options)).articles;
}
