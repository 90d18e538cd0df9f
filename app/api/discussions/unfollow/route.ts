import { stopFollowingByKey, verifyDiscussionMailToken } from "@/lib/comments/discussion-follows";
import { oneClickUnsubscribe } from "@/lib/http/one-click";

/** A discussion digest's one-click unsubscribe (List-Unsubscribe-Post). */
const routes = oneClickUnsubscribe({
  page: "/discussions/unfollow",
  param: "f",
  verify: verifyDiscussionMailToken,
  apply: stopFollowingByKey,
  done: "You no longer follow this discussion.",
});

export const GET = routes.GET;
export const POST = routes.POST;
