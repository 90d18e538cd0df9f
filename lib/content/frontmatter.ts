import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { SLUG_PATTERN } from "./slug";

/**
 * The start every content file shares (an article, an author): its name is a slug, and its
 * frontmatter, between `---` lines, is YAML that the schema takes. Problems name the file and
 * the field.
 */
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export type Frontmatter<T> =
  | { ok: true; slug: string; data: T; header: string; body: string }
  | { ok: false; problems: string[] };

export function readFrontmatter<S extends z.ZodType>(
  file: string,
  source: string,
  schema: S,
): Frontmatter<z.output<S>> {
  const slug = path.basename(file, ".md");
  if (!SLUG_PATTERN.test(slug)) {
    return {
      ok: false,
      problems: [`${file}: the file name must be a slug (lowercase letters, digits, hyphens)`],
    };
  }
  const match = FRONTMATTER.exec(source);
  if (!match) return { ok: false, problems: [`${file}: missing frontmatter between --- lines`] };
  let raw: unknown;
  try {
    raw = parseYaml(match[1] ?? "");
  } catch (error) {
    return {
      ok: false,
      problems: [`${file}: frontmatter is not valid YAML: ${(error as Error).message}`],
    };
  }
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const field = issue.path.length ? `field "${issue.path.join(".")}"` : "frontmatter";
        return `${file}: ${field}: ${issue.message}`;
      }),
    };
  }
  return {
    ok: true,
    slug,
    data: parsed.data,
    header: match[0],
    body: source.slice(match[0].length),
  };
}
