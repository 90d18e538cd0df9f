import { oneClickUnsubscribe } from "@/lib/http/one-click";
import { unsubscribe } from "@/lib/newsletter/subscribers";
import { isUnsubscribeToken } from "@/lib/newsletter/tokens";

/** The newsletter's one-click unsubscribe (List-Unsubscribe-Post). */
const routes = oneClickUnsubscribe({
  page: "/newsletter/unsubscribe",
  param: "s",
  verify: isUnsubscribeToken,
  apply: unsubscribe,
  done: "You are unsubscribed.",
});

export const GET = routes.GET;
export const POST = routes.POST;
