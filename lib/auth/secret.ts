import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getConfig } from "@/lib/config";

let generated: string | undefined;

function readOrCreate(file: string): string {
  try {
    return readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    // "wx": if another process created it first, theirs wins and is read back.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    console.warn(
      `[auth] AUTH_SECRET is not set: generated one and kept it in ${path.relative(process.cwd(), file)}. Several instances must share one: set AUTH_SECRET for each of them.`,
    );
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return readFileSync(file, "utf8").trim();
  }
}

/**
 * The key that signs Auth.js's cookies and hashes sign-in tokens: AUTH_SECRET, or else a
 * random one generated once and kept in the data folder, so that sessions survive restarts.
 */
export function getAuthSecret(): string {
  const { auth, dataDir } = getConfig();
  if (auth.secret) return auth.secret;
  generated ??= readOrCreate(path.resolve(dataDir, "auth-secret"));
  return generated;
}
