/**
 * The tables the app reads and writes, one interface per table. Migrations in
 * ./migrations create them; features add their tables here and a migration there.
 */

export type Database = Record<never, never>;
