import type { Nodes, PhrasingContent, Root, RootContent } from "mdast";
import type { ReactNode } from "react";
import remarkParse from "remark-parse";
import { unified } from "unified";

/**
 * Renders a reader's comment: a real Markdown parser (CommonMark), and then only a small
 * subset becomes markup: paragraphs, emphasis, strong, inline code, quotes, line breaks and
 * links to http(s) and mailto addresses. Everything else, raw HTML included, is shown as the
 * text the reader typed. Nothing a reader writes is ever inserted as HTML: the result is
 * React elements, whose text React escapes.
 */
const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

export function safeHref(url: string): string | null {
  const trimmed = url.trim();
  try {
    const parsed = new URL(trimmed);
    return ALLOWED_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

function sourceOf(node: Nodes, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? "" : source.slice(start, end);
}

function inline(nodes: PhrasingContent[], source: string, key: string): ReactNode[] {
  return nodes.map((node, index) => {
    const id = `${key}.${index}`;
    switch (node.type) {
      case "text":
        return node.value;
      case "emphasis":
        return <em key={id}>{inline(node.children, source, id)}</em>;
      case "strong":
        return <strong key={id}>{inline(node.children, source, id)}</strong>;
      case "inlineCode":
        return <code key={id}>{node.value}</code>;
      case "break":
        return <br key={id} />;
      case "link": {
        const href = safeHref(node.url);
        if (!href) return sourceOf(node, source);
        return (
          <a key={id} href={href} rel="nofollow ugc noopener noreferrer">
            {inline(node.children, source, id)}
          </a>
        );
      }
      default:
        // Images, raw HTML, references and anything else: the reader's own text.
        return sourceOf(node, source);
    }
  });
}

function block(node: RootContent, source: string, key: string): ReactNode {
  switch (node.type) {
    case "paragraph":
      return <p key={key}>{inline(node.children, source, key)}</p>;
    case "blockquote":
      return (
        <blockquote key={key}>
          {node.children.map((child, index) => block(child, source, `${key}.${index}`))}
        </blockquote>
      );
    default: {
      // Headings, lists, code blocks, HTML blocks, rules: kept as written, line breaks included.
      const lines = sourceOf(node, source).split("\n");
      return (
        <p key={key} className="whitespace-pre-wrap">
          {lines.join("\n")}
        </p>
      );
    }
  }
}

export function renderCommentBody(source: string): ReactNode {
  const tree = unified().use(remarkParse).parse(source) as Root;
  return tree.children.map((node, index) => block(node, source, String(index)));
}
