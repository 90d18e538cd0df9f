/** The mail a reader can turn on or off on the account page, and the column that keeps it. */
export const MAIL_SETTINGS = {
  replies: "notifyReplies",
  decisions: "notifyDecisions",
  alerts: "alertModeration",
} as const;

export type MailSetting = keyof typeof MAIL_SETTINGS;
