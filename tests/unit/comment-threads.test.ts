import { describe, expect, it } from "vitest";
import { buildThreads, type CommentView } from "@/lib/comments/threads";
import { commentFixture } from "../support/comment";

let clock = 0;
function comment(
  id: string,
  parentId: string | null,
  overrides: Partial<CommentView> = {},
): CommentView {
  clock += 1;
  return commentFixture({
    id,
    parentId,
    createdAt: `2026-11-29T10:00:${String(clock).padStart(2, "0")}.000Z`,
    ...overrides,
  });
}

describe("comment threads", () => {
  it("puts editors' picks first, in either order, and not a hidden one", () => {
    const comments = [
      comment("a", null),
      comment("b", null, { picked: true }),
      comment("c", null),
      comment("d", null, { picked: true, status: "hidden", body: "", bodyHtml: "" }),
      comment("e", null, { picked: true }),
    ];
    expect(buildThreads(comments, "oldest").map((thread) => thread.comment.id)).toEqual([
      "b",
      "e",
      "a",
      "c",
    ]);
    expect(buildThreads(comments, "newest").map((thread) => thread.comment.id)).toEqual([
      "e",
      "b",
      "c",
      "a",
    ]);
  });

  it("nests replies one level and says whom a deeper reply answers", () => {
    const comments = [comment("a", null), comment("b", "a"), comment("c", "b"), comment("d", null)];
    const threads = buildThreads(comments, "oldest");
    expect(threads.map((thread) => thread.comment.id)).toEqual(["a", "d"]);
    expect(threads[0]?.replies.map((reply) => [reply.id, reply.inReplyTo])).toEqual([
      ["b", null],
      ["c", "Author B"],
    ]);
  });

  it("orders threads newest first on request, and replies always oldest first", () => {
    const comments = [comment("a", null), comment("b", null), comment("c", "a"), comment("d", "a")];
    const threads = buildThreads(comments, "newest");
    expect(threads.map((thread) => thread.comment.id)).toEqual(["b", "a"]);
    expect(threads[1]?.replies.map((reply) => reply.id)).toEqual(["c", "d"]);
  });

  it("shows its author a hidden comment whose text came with it, and nobody else", () => {
    const own = comment("own", null, { status: "hidden" });
    const others = comment("others", null, { status: "hidden", body: "", bodyHtml: "" });
    expect(buildThreads([own, others], "oldest").map((thread) => thread.comment.id)).toEqual([
      "own",
    ]);
  });

  it("keeps a deleted or hidden comment only as a placeholder its replies hang on", () => {
    const comments = [
      comment("gone", null, { status: "deleted", body: "" }),
      comment("kept", "gone"),
      comment("lonely", null, { status: "deleted", body: "" }),
      comment("hidden", null, { status: "hidden", body: "", bodyHtml: "" }),
    ];
    const threads = buildThreads(comments, "oldest");
    expect(threads.map((thread) => thread.comment.id)).toEqual(["gone"]);
    expect(threads[0]?.replies.map((reply) => reply.id)).toEqual(["kept"]);
    // Moderators see the hidden comment, and a deleted one only where replies hang on it.
    const moderated = buildThreads(comments, "oldest", { showAll: true });
    expect(moderated.map((thread) => thread.comment.id)).toEqual(["gone", "hidden"]);
  });

  it("shows moderators no placeholder for a deleted reply that has no replies of its own", () => {
    const comments = [
      comment("a", null),
      comment("b", "a", { status: "deleted", body: "" }),
      comment("c", "a", { status: "deleted", body: "" }),
      comment("d", "c"),
    ];
    const [thread] = buildThreads(comments, "oldest", { showAll: true });
    expect(thread?.replies.map((reply) => reply.id)).toEqual(["c", "d"]);
  });

  it("names a deleted account as such", () => {
    const comments = [
      comment("a", null),
      comment("b", "a", { authorName: null }),
      comment("c", "b"),
    ];
    expect(buildThreads(comments, "oldest")[0]?.replies[1]?.inReplyTo).toBe("deleted account");
  });
});
