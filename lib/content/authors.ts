import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AUTHOR_MEDIA, resolveFigure } from "./figures";
import { readFrontmatter } from "./frontmatter";
import type { Picture } from "./types";

/**
 * Authors: one file each, `content/authors/<slug>.md`, frontmatter for who they are and a
 * body for the short bio (plain paragraphs). An article names its authors by slug; the build
 * refuses a slug with no file. `kind: organization` is for the publication itself (or a
 * desk), which structured data then names as an Organization rather than a Person.
 */
export const AUTHORS_FOLDER = "authors";

const text = z.string().trim().min(1, "must not be empty");
const httpsUrl = z.url({ protocol: /^https$/, message: "must be an https:// address" });

export const authorSchema = z
  .object({
    name: text.max(120),
    kind: z.enum(["person", "organization"]).default("person"),
    role: text.max(120),
    expertise: z.array(text.max(60)).min(1, "needs at least one area").max(12),
    /**
     * The address the author signs in with, never shown: their comments under their own
     * pieces are labelled "Author".
     */
    account: z
      .email({ message: "must be an email address" })
      .transform((address) => address.toLowerCase())
      .optional(),
    /**
     * A photo (or, for an organization, its mark): a PNG, JPEG, WebP, AVIF or SVG file beside
     * this one in content/authors/, shown on the author's page and the list of authors.
     */
    photo: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*\.[a-z0-9]+$/i, "must be a file name in content/authors/")
      .optional(),
    links: z
      .object({
        site: httpsUrl.optional(),
        orcid: z
          .string()
          .regex(/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/, "must be an ORCID iD, 0000-0000-0000-0000")
          .optional(),
        social: z.array(httpsUrl).max(6).default([]),
      })
      .strict()
      .default({ social: [] }),
  })
  .strict();

export interface AuthorLink {
  label: string;
  url: string;
}

export interface Author {
  slug: string;
  name: string;
  kind: "person" | "organization";
  role: string;
  expertise: string[];
  /** The bio, in paragraphs of plain text. */
  bio: string[];
  /** Site, ORCID and social profiles, each with a label a reader understands. */
  links: AuthorLink[];
  /** The address they sign in with (lowercase), never shown; null when none is given. */
  account: string | null;
  /** Their photo in the sizes the build makes of it; null when there is none. */
  photo: Picture | null;
}

const MAX_BIO_CHARACTERS = 1500;

function hostLabel(url: string): string {
  return new URL(url).hostname.replace(/^www\./, "");
}

/**
 * Reads and checks one author file: the author, or what is wrong with it. Its photo, if it
 * names one, is checked and sized with the content folder (loadAuthors); here it is null.
 */
export function parseAuthor(
  file: string,
  source: string,
): (Author & { photoFile: string | null }) | string[] {
  const front = readFrontmatter(file, source, authorSchema);
  if (!front.ok) return front.problems;
  const bio = front.body
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  if (bio.length === 0) return [`${file}: needs a short bio below the frontmatter`];
  if (bio.join(" ").length > MAX_BIO_CHARACTERS) {
    return [`${file}: the bio is longer than ${MAX_BIO_CHARACTERS} characters`];
  }
  const { links, account, photo, ...data } = front.data;
  return {
    slug: front.slug,
    ...data,
    account: account ?? null,
    photo: null,
    photoFile: photo ?? null,
    bio,
    links: [
      ...(links.site ? [{ label: hostLabel(links.site), url: links.site }] : []),
      ...(links.orcid ? [{ label: "ORCID", url: `https://orcid.org/${links.orcid}` }] : []),
      ...links.social.map((url) => ({ label: hostLabel(url), url })),
    ],
  };
}

/** Every author in `<content>/authors/`, by slug; none when the folder does not exist. */
export async function loadAuthors(
  contentDirectory: string,
): Promise<{ authors: Map<string, Author>; problems: string[] }> {
  const directory = path.join(contentDirectory, AUTHORS_FOLDER);
  let names: string[];
  try {
    names = (await readdir(directory)).filter((name) => name.endsWith(".md")).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { authors: new Map(), problems: [] };
    throw error;
  }
  const authors = new Map<string, Author>();
  const problems: string[] = [];
  for (const name of names) {
    const file = path.join(path.basename(contentDirectory), AUTHORS_FOLDER, name);
    const result = parseAuthor(file, await readFile(path.join(directory, name), "utf8"));
    if (Array.isArray(result)) {
      problems.push(...result);
      continue;
    }
    const { photoFile, ...author } = result;
    if (photoFile) {
      // Beside the author's name on their page: described by it, so no text of its own.
      const resolved = await resolveFigure(contentDirectory, AUTHOR_MEDIA, {
        src: photoFile,
        alt: "",
        credit: undefined,
      });
      if (typeof resolved === "string") problems.push(`${file}: field "photo": ${resolved}`);
      else author.photo = resolved.picture;
    }
    authors.set(author.slug, author);
  }
  return { authors, problems };
}

/** A byline from names: "A", "A and B", "A, B and C". */
export function bylineOf(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
