/**
 * The database cannot be used for now: down, restarting, locked by another process, a file
 * that cannot be opened or is damaged, or a schema that could not be migrated. A request is
 * answered "try again shortly" and pages are served without what lives in the database.
 * The message is the reason, in words that leak no address, path or password; the cause
 * keeps the details for the log.
 */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}
