import type { Database } from "better-sqlite3";

export function queueSqliteSend(
  db: Database,
  options: {
    sendId: string;
    count: number;
    address: (index: number) => string;
    createdBy: string;
  },
): void;
