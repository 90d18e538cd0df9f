import type { ChildProcess } from "node:child_process";

export interface Cluster {
  /** nginx, in front of the instances. */
  url: string;
  /** Each instance directly, in order. */
  instanceUrls: string[];
  instance(index: number): ChildProcess | undefined;
  waitForInstance(index: number): Promise<void>;
  kill(index: number, signal?: NodeJS.Signals): Promise<unknown> | undefined;
  stop(): Promise<void>;
}

export function findNginx(): string | null;
export function nginxConfig(options: {
  port: number;
  instancePorts: number[];
  folder: string;
  staticDir: string;
  cwd?: string;
}): Promise<string>;
export function startCluster(options: {
  port: number;
  size?: number;
  env?: Record<string, string | undefined>;
  cwd?: string;
  restart?: boolean;
  log?: (line: string) => void;
}): Promise<Cluster>;
