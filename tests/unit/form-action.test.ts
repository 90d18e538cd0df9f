import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";

const viewer = vi.hoisted(() => ({ current: null as Viewer | null }));
const request = vi.hoisted(() => ({ headers: new Headers({ "next-action": "abc" }) }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => viewer.current }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));

const { formAction } = await import("@/lib/forms/action");

const reader: Viewer = {
  id: "u1",
  name: "Reader",
  email: "reader@example.com",
  emailVerified: true,
  isModerator: false,
};
const moderator: Viewer = { ...reader, id: "m1", isModerator: true };

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

describe("formAction: the one way a form action is written", () => {
  afterEach(() => {
    viewer.current = null;
  });

  const body = vi.fn(async (input: { text: string }, who: Viewer | null) => ({
    ok: true as const,
    message: `${who?.id ?? "anyone"} said ${input.text}`,
  }));
  const schema = z.object({ text: z.string().min(1, "Write something.") });

  it("takes the reader from the session, never from the form", async () => {
    viewer.current = reader;
    const action = formAction({ access: "reader", schema }, body);
    const result = await action(null, form({ text: "hi", userId: "m1", id: "m1" }));
    expect(result).toEqual({ ok: true, message: "u1 said hi" });
  });

  it("refuses readers without a session, and non-moderators where moderators are needed", async () => {
    body.mockClear();
    const asReader = formAction({ access: "reader", schema }, body);
    expect(await asReader(null, form({ text: "hi" }))).toMatchObject({
      ok: false,
      message: /Sign in again/,
    });
    viewer.current = reader;
    const asModerator = formAction({ access: "moderator", schema }, body);
    expect(await asModerator(null, form({ text: "hi", isModerator: "true" }))).toMatchObject({
      ok: false,
      message: "Only moderators can do this.",
    });
    expect(body).not.toHaveBeenCalled();
    viewer.current = moderator;
    expect(await asModerator(null, form({ text: "hi" }))).toEqual({
      ok: true,
      message: "m1 said hi",
    });
  });

  it("sends a plain form post without a session to sign in, with the reason and the way back", async () => {
    request.headers = new Headers({ referer: "http://localhost:3000/analysis/x#comments" });
    const action = formAction({ access: "reader", schema }, body);
    await expect(action(null, form({ text: "hi" }))).rejects.toMatchObject({
      digest: expect.stringContaining(
        "/signin?error=SessionExpired&callbackUrl=%2Fanalysis%2Fx%23comments",
      ),
    });
    request.headers = new Headers({ "next-action": "abc" });
  });

  it("answers bad input with the field's message and what was typed, without running the body", async () => {
    body.mockClear();
    const action = formAction({ access: "anyone", schema }, body);
    expect(await action(null, form({ text: "" }))).toEqual({
      ok: false,
      message: "Write something.",
      errors: { text: "Write something." },
      values: { text: "" },
    });
    expect(body).not.toHaveBeenCalled();
  });

  it("answers an unexpected failure with a message rather than an error page", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const action = formAction({ access: "anyone", schema }, async () => {
      throw new Error("database on fire");
    });
    const result = await action(null, form({ text: "hi" }));
    expect(result).toMatchObject({
      ok: false,
      message: /nothing was saved/,
      values: { text: "hi" },
    });
    expect(JSON.stringify(result)).not.toContain("on fire");
  });
});
