import { getConfig } from "@/lib/config";

/** Moderators are the addresses in ADMIN_EMAILS, read on every check rather than stored. */
export function isModeratorEmail(email: string | null | undefined): boolean {
  return !!email && getConfig().auth.adminEmails.includes(email.toLowerCase());
}
