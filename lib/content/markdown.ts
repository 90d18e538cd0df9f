import type { Element, Root as HastRoot, RootContent as HastContent } from "hast";
import type { Root as MdastRoot } from "mdast";
import { toHtml } from "hast-util-to-html";
import { toString } from "mdast-util-to-string";
import rehypeSlug from "rehype-slug";
import remarkDirective from "remark-directive";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
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

function isFaqMarker(node: HastContent): node is Element {
  return node.type === "element" && node.properties?.dataBlock === FAQ_MARKER;
}

/**
 * Parses an article body: Markdown, plus the one directive `::faq` that places the FAQ.
 * Raw HTML and unknown directives are refused rather than silently dropped, so what the
 * author wrote is what the reader gets.
 */
export function parseBody(markdown: string, firstLine = 1): ParsedBody {
  const problems: string[] = [];
  const links: LinkUse[] = [];
  let hasFaqMarker = false;

  const mdast = unified().use(remarkParse).use(remarkDirective).parse(markdown) as MdastRoot;

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
        if (node.name === FAQ_MARKER) {
          if (hasFaqMarker) problems.push(`line ${line}: ::faq appears more than once`);
          hasFaqMarker = true;
          node.children = [];
          node.data = { hName: "div", hProperties: { dataBlock: FAQ_MARKER } };
        } else {
          problems.push(`line ${line}: unknown directive ::${node.name}`);
        }
        break;
      case "textDirective":
      case "containerDirective":
        problems.push(
          `line ${line}: unknown directive :${node.name} (write \\: for a literal colon)`,
        );
        break;
    }
  });

  const hast = unified().use(remarkRehype).use(rehypeSlug).runSync(mdast) as HastRoot;

  const headingIds: string[] = [];
  visit(hast, "element", (element) => {
    const { id, href } = element.properties;
    if (/^h[1-6]$/.test(element.tagName) && typeof id === "string") headingIds.push(id);
    // Links to other sites open without handing them this page (the site's own stay plain).
    if (element.tagName === "a" && typeof href === "string" && /^https?:/i.test(href)) {
      element.properties.rel = ["noopener", "noreferrer"];
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

  return { blocks, text: toString(mdast), links, headingIds, hasFaqMarker, problems };
}
