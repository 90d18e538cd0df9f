import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { resolveFigure } from "./figures";
import { parseBody, type LinkUse } from "./markdown";
import { countWords, readingMinutes } from "./reading-time";
import { frontmatterSchema } from "./schema";
import { SLUG_PATTERN, slugify } from "./slug";
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
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

function describeIssues(file: string, issues: z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const field = issue.path.length ? `field "${issue.path.join(".")}"` : "frontmatter";
    return `${file}: ${field}: ${issue.message}`;
  });
}

interface Draft {
  file: string;
  article: Article;
  links: LinkUse[];
  anchors: Set<string>;
}

async function parseArticle(
  directory: string,
  file: string,
  source: string,
): Promise<{ draft?: Draft; problems: string[] }> {
  const slug = path.basename(file, ARTICLE_EXTENSION);
  if (!SLUG_PATTERN.test(slug)) {
    return {
      problems: [`${file}: the file name must be a slug (lowercase letters, digits, hyphens)`],
    };
  }
  const match = FRONTMATTER.exec(source);
  if (!match) return { problems: [`${file}: missing frontmatter between --- lines`] };

  let raw: unknown;
  try {
    raw = parseYaml(match[1] ?? "");
  } catch (error) {
    return { problems: [`${file}: frontmatter is not valid YAML: ${(error as Error).message}`] };
  }
  const parsed = frontmatterSchema.safeParse(raw ?? {});
  if (!parsed.success) return { problems: describeIssues(file, parsed.error.issues) };
  const data = parsed.data;

  const bodyFirstLine = match[0].split("\n").length;
  const body = await parseBody(source.slice(match[0].length), bodyFirstLine, (request) =>
    resolveFigure(directory, slug, request),
  );
  const problems = body.problems.map((problem) => `${file}: ${problem}`);
  if (data.faq && !body.hasFaqMarker) {
    problems.push(`${file}: has a faq in its frontmatter but no ::faq line to place it`);
  }
  if (!data.faq && body.hasFaqMarker) {
    problems.push(`${file}: has a ::faq line but no faq in its frontmatter`);
  }

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
    author: data.author,
    published: data.published,
    updated: [data.updated ?? data.published, ...[...data.corrections, ...data.updates].map((note) => note.date)]
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
  return { draft: { file, article, links: body.links, anchors }, problems };
}

/**
 * Checks every link so that a reader never meets a dead internal link or an unsafe URL.
 * Links to an article that exists but failed to parse are not reported again: its own
 * error says what to fix.
 */
function checkLinks(drafts: Draft[], unparsed: ReadonlySet<string>): string[] {
  const bySlug = new Map(drafts.map((draft) => [draft.article.slug, draft]));
  const topics = new Set(drafts.flatMap((draft) => draft.article.topics.map((topic) => topic.slug)));
  const problems: string[] = [];

  for (const { file, article, links, anchors } of drafts) {
    for (const slug of article.related) {
      if (!bySlug.has(slug) && !unparsed.has(slug)) {
        problems.push(`${file}: field "related": no article "${slug}"`);
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
      else if (fragment && !target.anchors.has(fragment)) {
        problems.push(`${where} names no section of that article`);
      }
    }
  }
  return problems;
}

/** Loads and validates every article in a folder; throws one error listing every problem. */
export async function loadArticles(directory: string): Promise<Article[]> {
  const names = (await readdir(directory)).filter((name) => name.endsWith(ARTICLE_EXTENSION));
  const results = await Promise.all(
    names.map(async (name) => {
      const file = path.join(path.basename(directory), name);
      return parseArticle(directory, file, await readFile(path.join(directory, name), "utf8"));
    }),
  );
  const drafts = results.flatMap((result) => (result.draft ? [result.draft] : []));
  const unparsed = new Set(
    names
      .filter((_, index) => !results[index]?.draft)
      .map((name) => path.basename(name, ARTICLE_EXTENSION)),
  );
  const problems = [
    ...results.flatMap((result) => result.problems),
    ...checkLinks(drafts, unparsed),
  ];
  if (problems.length) throw new ContentError(problems);

  return drafts
    .map((draft) => draft.article)
    .sort((a, b) => b.published.localeCompare(a.published) || a.slug.localeCompare(b.slug));
}
