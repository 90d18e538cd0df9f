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
  tls?: { port: number; certificate: string; key: string };
  cwd?: string;
}): Promise<string>;

export interface Front {
  url: string;
  /** https:// on tlsPort, with HTTP/2; null when no tlsPort was asked or openssl is missing. */
  secureUrl: string | null;
  stop(): Promise<void>;
}
export function startFront(options: {
  port: number;
  instancePorts: number[];
  tlsPort?: number;
  cwd?: string;
  log?: (line: string) => void;
}): Promise<Front>;
export function startCluster(options: {
  port: number;
  size?: number;
  env?: Record<string, string | undefined>;
  cwd?: string;
  restart?: boolean;
  log?: (line: string) => void;
}): Promise<Cluster>;
