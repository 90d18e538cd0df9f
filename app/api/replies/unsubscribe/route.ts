import { verifyReplyMailToken } from "@/lib/comments/notify";
import { setMailSetting } from "@/lib/comments/mutations";
import { oneClickUnsubscribe } from "@/lib/http/one-click";

/** Reply mail's one-click unsubscribe (List-Unsubscribe-Post). */
const routes = oneClickUnsubscribe({
  page: "/replies/unsubscribe",
  param: "u",
  verify: verifyReplyMailToken,
  apply: (db, user) => setMailSetting(db, user, "replies", false),
  done: "You will not get mail about replies any more.",
});

export const GET = routes.GET;
export const POST = routes.POST;
