/** The comment limits, shared by the forms (client code) and the server's checks. */
export const MAX_COMMENT_LENGTH = 5000;
export const MAX_COMMENT_LINKS = 10;
