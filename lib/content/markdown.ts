import type { Element, Root as HastRoot, RootContent as HastContent } from "hast";
import type { Root as MdastRoot, PhrasingContent } from "mdast";
import type { LeafDirective } from "mdast-util-directive";
import { toHtml } from "hast-util-to-html";
import rehypeSlug from "rehype-slug";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import type { FigureRequest, ResolvedImage } from "./figures";
import type { BodyBlock } from "./types";

export interface LinkUse {
  url: string;
  line: number | undefined;
}

export interface ParsedBody {
  blocks: BodyBlock[];
  text: string;
  links: LinkUse[];
  headingIds: string[];
  hasFaqMarker: boolean;
  problems: string[];
}

const FAQ_MARKER = "faq";

/**
 * Turns `::figure[Caption]{src alt credit}` into <figure>: the image, as a link to its
 * full-size file (enlarging without JavaScript), and its caption with the credit.
 */
async function makeFigure(node: LeafDirective, resolve: FigureResolver): Promise<string | null> {
  const { src, alt, credit, ...unknown } = node.attributes ?? {};
  const extra = Object.keys(unknown);
  if (extra.length) return `::figure takes src, alt and credit, not ${extra.join(", ")}`;
  if (!src) return `::figure needs src="file name"`;
  if (node.children.length === 0) return `::figure needs a caption: ::figure[What it shows]{…}`;
  const resolved = await resolve({ src, alt: alt ?? undefined, credit: credit ?? undefined });
  if (typeof resolved === "string") return resolved;
  const caption: PhrasingContent[] = [...node.children];
  if (credit) {
    caption.push(
      { type: "text", value: " " },
      {
        type: "emphasis",
        data: { hName: "span", hProperties: { className: ["figure-credit"] } },
        children: [{ type: "text", value: credit }],
      },
    );
  }
  node.data = { hName: "figure", hProperties: { className: ["figure"] } };
  node.children = [
    {
      type: "link",
      url: resolved.full,
      data: {
        hProperties: { className: ["figure-link"] },
        hChildren: [
          resolved.image,
          {
            type: "element",
            tagName: "span",
            properties: { className: ["sr-only"] },
            children: [{ type: "text", value: " (open the full-size image)" }],
          },
        ],
      },
      children: [],
    },
    {
      type: "emphasis",
      data: { hName: "figcaption" },
      children: caption,
    },
  ];
  return null;
}

/**
 * The body's words as plain text, for search and the word count: each block, table cell and
 * list item on its own, so that the last word of one and the first of the next stay apart.
 */
function plainText(mdast: MdastRoot): string {
  const parts: string[] = [];
  visit(mdast, (node) => {
    if (node.type === "text" || node.type === "inlineCode") parts.push(node.value);
    else if (node.type === "break") parts.push(" ");
    else if (!("value" in node) && node.type !== "emphasis" && node.type !== "strong" && node.type !== "link" && node.type !== "delete") {
      parts.push(" ");
    }
  });
  return parts.join("").replace(/\s+/g, " ").trim();
}

function toStringOf(element: Element): string {
  return element.children.map((child) => (child.type === "text" ? child.value : "")).join("");
}
const TABLE = "table";
const FIGURE = "figure";

/** Checks a figure's image and makes its <img>, or says what is wrong. */
export type FigureResolver = (request: FigureRequest) => Promise<ResolvedImage | string>;

/** What remark-rehype makes of footnotes: a "Notes" section, links that say what they do. */
const FOOTNOTES = {
  clobberPrefix: "",
  footnoteLabel: "Notes",
  footnoteLabelTagName: "h2",
  footnoteLabelProperties: { className: ["notes-heading"] },
  footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
    `Back to where note ${referenceIndex + 1} is cited${rereferenceIndex > 1 ? ` (${rereferenceIndex})` : ""}`,
};

function isFaqMarker(node: HastContent): node is Element {
  return node.type === "element" && node.properties?.dataBlock === FAQ_MARKER;
}

/**
 * Parses an article body: Markdown with GitHub's tables and footnotes, plus two directives:
 * `::faq`, which places the FAQ, and `:::table[Caption]`, which gives the table inside it a
 * caption (a table without one is refused). Raw HTML and unknown directives are refused
 * rather than silently dropped, so what the author wrote is what the reader gets.
 */
export async function parseBody(
  markdown: string,
  firstLine = 1,
  resolveFigure: FigureResolver = async () => "figures need the article's media folder",
): Promise<ParsedBody> {
  const problems: string[] = [];
  const links: LinkUse[] = [];
  let hasFaqMarker = false;
  let tables = 0;
  const figures: { node: LeafDirective; line: number | undefined }[] = [];

  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);
  const mdast = processor.runSync(processor.parse(markdown)) as MdastRoot;

  visit(mdast, (node) => {
    const line = node.position && node.position.start.line + firstLine - 1;
    switch (node.type) {
      case "html":
        problems.push(`line ${line}: raw HTML is not allowed; write Markdown`);
        break;
      case "image":
        problems.push(`line ${line}: images are not supported in articles yet`);
        break;
      case "link":
      case "definition":
        links.push({ url: node.url, line });
        break;
      case "leafDirective":
        if (node.name === FIGURE) {
          figures.push({ node, line });
        } else if (node.name === FAQ_MARKER) {
          if (hasFaqMarker) problems.push(`line ${line}: ::faq appears more than once`);
          hasFaqMarker = true;
          node.children = [];
          node.data = { hName: "div", hProperties: { dataBlock: FAQ_MARKER } };
        } else {
          problems.push(`line ${line}: unknown directive ::${node.name}`);
        }
        break;
      case "table":
        if (!node.data?.hProperties?.captioned) {
          problems.push(
            `line ${line}: a table needs a caption: put it inside :::table[What the table shows] … :::`,
          );
        }
        break;
      case "containerDirective":
        if (node.name === TABLE) {
          const [label, ...content] = node.children;
          const caption = label?.type === "paragraph" && label.data?.directiveLabel ? label : null;
          const table = content.length === 1 && content[0]?.type === "table" ? content[0] : null;
          if (!caption || !table) {
            problems.push(
              `line ${line}: :::table needs a caption in brackets and exactly one table inside`,
            );
            break;
          }
          tables += 1;
          const id = `table-${tables}`;
          caption.data = { ...caption.data, hName: "caption", hProperties: { id: `${id}-caption` } };
          table.data = { ...table.data, hProperties: { captioned: id } };
          // A table scrolls within its own region on a narrow screen, never the page.
          node.data = {
            hName: "div",
            hProperties: {
              className: ["table-scroll"],
              role: "region",
              tabIndex: 0,
              ariaLabelledBy: [`${id}-caption`],
            },
          };
          break;
        }
        problems.push(
          `line ${line}: unknown directive :::${node.name} (write \\: for a literal colon)`,
        );
        break;
      case "textDirective":
        problems.push(
          `line ${line}: unknown directive :${node.name} (write \\: for a literal colon)`,
        );
        break;
    }
  });

  for (const { node, line } of figures) {
    const problem = await makeFigure(node, resolveFigure);
    if (problem) problems.push(`line ${line}: ${problem}`);
  }

  const hast = unified().use(remarkRehype, FOOTNOTES).use(rehypeSlug).runSync(mdast) as HastRoot;

  const headingIds: string[] = [];
  visit(hast, "element", (element) => {
    const { id, href } = element.properties;
    if (/^h[1-6]$/.test(element.tagName) && typeof id === "string") headingIds.push(id);
    // Links to other sites open without handing them this page (the site's own stay plain).
    if (element.tagName === "a" && typeof href === "string" && /^https?:/i.test(href)) {
      element.properties.rel = ["noopener", "noreferrer"];
    }
    // The caption goes into its table (it was written before it), header cells name columns.
    if (element.tagName === "table" && typeof element.properties.captioned === "string") {
      delete element.properties.captioned;
      element.properties.className = ["data-table"];
    }
    if (element.tagName === "th") element.properties.scope = "col";
    // The notes are a region named by their heading, which a reader can jump to.
    if (element.tagName === "section" && element.properties.dataFootnotes !== undefined) {
      element.properties.ariaLabelledBy = ["footnote-label"];
    }
    // A column's alignment as a class (align= is obsolete HTML, style= the CSP would refuse).
    if ((element.tagName === "th" || element.tagName === "td") && element.properties.align) {
      element.properties.className = [`align-${String(element.properties.align)}`];
      delete element.properties.align;
    }
    if (element.properties.dataFootnoteRef !== undefined && typeof href === "string") {
      element.properties.ariaLabel = `Note ${toStringOf(element)}`;
      delete element.properties.ariaDescribedBy;
    }
  });
  visit(hast, "element", (element) => {
    if (!element.properties.className?.toString().includes("table-scroll")) return;
    const caption = element.children.find(
      (child): child is Element => child.type === "element" && child.tagName === "caption",
    );
    const table = element.children.find(
      (child): child is Element => child.type === "element" && child.tagName === "table",
    );
    if (caption && table) {
      element.children = element.children.filter((child) => child !== caption);
      table.children.unshift(caption);
    }
  });

  const blocks: BodyBlock[] = [];
  let current: HastContent[] = [];
  const flush = () => {
    if (current.some((node) => node.type !== "text" || node.value.trim() !== "")) {
      blocks.push({ type: "html", html: toHtml({ type: "root", children: current }) });
    }
    current = [];
  };
  for (const node of hast.children) {
    if (isFaqMarker(node)) {
      flush();
      blocks.push({ type: "faq" });
    } else {
      current.push(node);
    }
  }
  flush();

  return { blocks, text: plainText(mdast), links, headingIds, hasFaqMarker, problems };
}
