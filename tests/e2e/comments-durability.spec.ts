import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { postCommentForm, readCommentForm } from "../../scripts/lib/forms.mjs";
import { withDatabase } from "./support/database";
import { FLAGSHIP } from "./support/env";
import { expect, test } from "./support/readers";
import { removeDataDir, startServer } from "./support/server";
import { createReaders } from "./support/sessions";

/** These start, kill and rebuild servers of their own, one at a time. */
test.describe.configure({ mode: "serial" });

function storedComments(dataDir: string): { id: string; body: string }[] {
  return withDatabase(
    (db) => db.prepare("select id, body from comments").all() as { id: string; body: string }[],
    path.join(dataDir, "site.db"),
  );
}

test("200 comments from 20 concurrent readers: every acknowledged one is stored exactly once", async () => {
  test.setTimeout(120_000);
  const server = await startServer(3112);
  try {
    const cookies = createReaders(path.join(server.dataDir, "site.db"), 20);
    const forms = await Promise.all(
      cookies.map((cookie) => readCommentForm(server.url, FLAGSHIP, cookie)),
    );
    const sent = await Promise.all(
      cookies.map(async (cookie, reader) => {
        const answers = [];
        for (let index = 0; index < 10; index++) {
          const body = `load ${reader}-${index}`;
          answers.push({ body, ...(await postCommentForm(forms[reader]!, cookie, body)) });
        }
        return answers;
      }),
    );
    const acknowledged = sent.flat().filter((answer) => answer.status === 303 && answer.id);
    expect(acknowledged).toHaveLength(200);

    const stored = storedComments(server.dataDir);
    expect(stored).toHaveLength(200);
    const byId = new Map(stored.map((comment) => [comment.id, comment.body]));
    for (const answer of acknowledged) expect(byId.get(answer.id!)).toBe(answer.body);

    // A form sent twice (a double click, a retry after a timeout) stores one comment.
    const [cookie] = createReaders(path.join(server.dataDir, "site.db"), 1, "Retrier");
    const form = await readCommentForm(server.url, FLAGSHIP, cookie!);
    const key = "7f4c1a7e-0c6b-4f5e-9d7a-2b1e8c9a0d11";
    const first = await postCommentForm(form, cookie!, "sent twice", key);
    const second = await postCommentForm(form, cookie!, "sent twice", key);
    expect(second.id).toBe(first.id);
    expect(
      storedComments(server.dataDir).filter((comment) => comment.body === "sent twice"),
    ).toHaveLength(1);
  } finally {
    await server.stop();
    await removeDataDir(server);
  }
});

test("a comment acknowledged just before the server is killed is there after the restart", async () => {
  const server = await startServer(3113);
  try {
    const [cookie] = createReaders(path.join(server.dataDir, "site.db"), 1, "Survivor");
    const form = await readCommentForm(server.url, FLAGSHIP, cookie!);
    const answer = await postCommentForm(form, cookie!, "written before the crash");
    expect(answer.status).toBe(303);
    await server.stop("SIGKILL");

    const restarted = await startServer(3113, { dataDir: server.dataDir });
    try {
      expect(storedComments(server.dataDir).map((comment) => comment.id)).toContain(answer.id);
      const html = await (await fetch(`${restarted.url}${FLAGSHIP}`)).text();
      expect(html).toContain("written before the crash");
    } finally {
      await restarted.stop();
    }
  } finally {
    await removeDataDir(server);
  }
});

/** A copy of this working tree (node_modules hard-linked), to build without touching the tests' build. */
function copyProject(): string {
  const target = mkdtempSync(path.join(tmpdir(), "ledger-rebuild-"));
  const files = execFileSync(
    "git",
    ["ls-files", "--cached", "--others", "--exclude-standard", "-z"],
    {
      encoding: "utf8",
    },
  )
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    try {
      copyFileSync(file, path.join(target, file));
    } catch {
      // a file listed but deleted in the working tree
    }
  }
  execFileSync("cp", ["-al", "node_modules", path.join(target, "node_modules")]);
  return target;
}

test("after a rebuild and a restart, articles still show their comments", async () => {
  test.setTimeout(300_000);
  const server = await startServer(3114);
  const project = copyProject();
  try {
    const [cookie] = createReaders(path.join(server.dataDir, "site.db"), 1, "Patient");
    const form = await readCommentForm(server.url, FLAGSHIP, cookie!);
    expect((await postCommentForm(form, cookie!, "written before the deploy")).status).toBe(303);
    await server.stop();

    execFileSync("npm", ["run", "build"], {
      cwd: project,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", SITE_URL: "http://localhost:3114" },
      stdio: "ignore",
    });
    const rebuilt = await startServer(3114, { dataDir: server.dataDir, cwd: project });
    try {
      const first = await fetch(`${rebuilt.url}${FLAGSHIP}`);
      expect(await first.text()).toContain("written before the deploy");
      const second = await fetch(`${rebuilt.url}${FLAGSHIP}`);
      expect(second.headers.get("x-nextjs-cache")).toBe("HIT");
      expect(await second.text()).toContain("written before the deploy");
    } finally {
      await rebuilt.stop();
    }
  } finally {
    await removeDataDir(server);
    rmSync(project, { recursive: true, force: true });
  }
});
