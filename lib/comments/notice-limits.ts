/** The most characters each part of a notice of illegal content takes. */
export const NOTICE_LIMITS = { law: 300, explanation: 5_000, name: 200 } as const;
