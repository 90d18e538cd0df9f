/**
 * The build a change is compared with, in the same run on the same machine: a git
 * worktree of the given commit, with its own dependencies and build. It lives outside the
 * project: inside it, Next.js would take the project's lockfile for the workspace root.
 */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "./servers.mjs";

export const BASELINE_DIR = path.join(tmpdir(), "ledger-bench-baseline");

export function prepareBaseline(ref, env) {
  const dir = BASELINE_DIR;
  removeBaseline();
  run("git", ["worktree", "add", "--detach", dir, ref]);
  // Not the server's env: NODE_ENV=production would leave out the build's devDependencies.
  run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir });
  // That commit's own build command, whatever it did after `next build`.
  run("npm", ["run", "build"], { cwd: dir, env });
  return dir;
}

export function removeBaseline() {
  if (existsSync(BASELINE_DIR)) run("git", ["worktree", "remove", "--force", BASELINE_DIR]);
  run("git", ["worktree", "prune"]);
}
