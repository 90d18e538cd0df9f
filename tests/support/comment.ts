import type { CommentView } from "@/lib/comments/threads";

/**
 * A comment as the pages get one, for tests of what reads comments: every field at a plain
 * default, with the ones a test is about given.
 */
export function commentFixture(overrides: Partial<CommentView> & { id: string }): CommentView {
  return {
    parentId: null,
    authorId: `author-${overrides.id}`,
    authorName: `Author ${overrides.id.toUpperCase()}`,
    body: `text of ${overrides.id}`,
    bodyHtml: `<p>text of ${overrides.id}</p>`,
    status: "published",
    createdAt: "2026-11-29T10:00:00.000Z",
    editedAt: null,
    reports: 0,
    reportedByViewer: false,
    picked: false,
    byEditor: false,
    byAuthor: false,
    removal: null,
    ...overrides,
  };
}
