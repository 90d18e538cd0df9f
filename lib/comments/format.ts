import MarkdownIt from "markdown-it";
import { MAX_COMMENT_LINKS } from "./limits";

/**
 * A reader's comment turned into the HTML the pages show, once, when it is written or
 * edited; the page only inserts what is stored. markdown-it (CommonMark) with everything
 * switched off but a small subset: paragraphs, line breaks, emphasis, strong, inline code,
 * quotes and links to web and mail addresses (written, in <angle brackets>, or bare).
 * Headings, lists, code blocks, images and raw HTML are shown as the text the reader typed,
 * escaped. The result is bounded:
 * - quotes nest at most MAX_QUOTE_DEPTH deep, emphasis inside emphasis MAX_EMPHASIS_DEPTH
 *   deep; deeper markers stay as text;
 * - markdown-it's inline and block rules run in time linear in the text in practice (its
 *   own pathological-input suite), about a millisecond for the longest comment allowed,
 *   where the remark parser took up to a second on nested list markers.
 */
export const MAX_QUOTE_DEPTH = 5;
export const MAX_EMPHASIS_DEPTH = 3;

/** The one definition of a link, for rendering and for the link limit alike. */
export function safeHref(url: string): string | null {
  const trimmed = url.trim();
  if (/^mailto:[^\s@\\]+@[^\s@\\]+$/i.test(trimmed)) return trimmed;
  // Only the full form: "http:host" and "https:\\host" are links to browsers but not here.
  if (!/^https?:\/\/[^\s/\\?#]/i.test(trimmed)) return null;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export const LINK_REL = "nofollow ugc noopener noreferrer";

const markdown = new MarkdownIt("zero", {
  breaks: true,
  linkify: true,
  // A safety net under the quote cap below: markdown-it stops nesting blocks here.
  maxNesting: 20,
});
markdown.enable([
  "blockquote",
  "paragraph",
  "newline",
  "escape",
  "backticks",
  "emphasis",
  "link",
  "autolink",
  "linkify",
]);
markdown.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
/**
 * Links past the limit stay text: the comment is refused for them anyway, and a comment of
 * a thousand links then costs no more to parse than one of ten.
 */
let linksLeft = 0;
markdown.validateLink = (url) => {
  if (linksLeft === 0 || safeHref(url) === null) return false;
  linksLeft--;
  return true;
};

/** Turns emphasis deeper than the cap back into its markers, and marks every link. */
markdown.core.ruler.push("comment_bounds", (state) => {
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    const demoted: boolean[] = [];
    let depth = 0;
    for (const token of block.children) {
      if (token.type === "em_open" || token.type === "strong_open") {
        const tooDeep = depth >= MAX_EMPHASIS_DEPTH;
        demoted.push(tooDeep);
        if (tooDeep)
          Object.assign(token, { type: "text", tag: "", nesting: 0, content: token.markup });
        else depth++;
      } else if (token.type === "em_close" || token.type === "strong_close") {
        if (demoted.pop())
          Object.assign(token, { type: "text", tag: "", nesting: 0, content: token.markup });
        else depth--;
      } else if (token.type === "link_open") {
        // The address and the rel, nothing else (no title).
        token.attrs = [
          ["href", token.attrGet("href") ?? ""],
          ["rel", LINK_REL],
        ];
      }
    }
  }
  return true;
});

/**
 * Quote markers past the cap are escaped, so that they show as the ">" the reader typed:
 * markdown-it would otherwise drop what is nested past its maxNesting.
 */
function capQuoteDepth(source: string): string {
  return source
    .split("\n")
    .map((line) => {
      let position = 0;
      let depth = 0;
      for (;;) {
        let marker = position;
        while (marker < line.length && marker - position < 3 && line[marker] === " ") marker++;
        if (line[marker] !== ">") return line;
        if (depth === MAX_QUOTE_DEPTH) return `${line.slice(0, marker)}\\${line.slice(marker)}`;
        depth++;
        position = marker + 1;
        if (line[position] === " ") position++;
      }
    })
    .join("\n");
}

export interface FormattedComment {
  html: string;
  /** Links the reader gets in the page: what the link limit counts. */
  links: number;
}

export function formatComment(text: string): FormattedComment {
  // One more than allowed, so that a comment over the limit is told so.
  linksLeft = MAX_COMMENT_LINKS + 1;
  const tokens = markdown.parse(capQuoteDepth(text), {});
  let links = 0;
  for (const block of tokens) {
    for (const token of block.children ?? []) if (token.type === "link_open") links++;
  }
  return { html: markdown.renderer.render(tokens, markdown.options, {}).trim(), links };
}
