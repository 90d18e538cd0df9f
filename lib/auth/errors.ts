/**
 * What went wrong, in words, for the error codes Auth.js puts in ?error= when it sends a
 * reader back to the sign-in pages.
 */
export function describeSignInError(
  code: string | undefined,
): { title: string; message: string } | null {
  switch (code) {
    case undefined:
    case "":
      return null;
    case "Verification":
      return {
        title: "This sign-in link cannot be used",
        message:
          "It has expired or has already been used: each link works once, within an hour. Ask for a new one below.",
      };
    case "AccessDenied":
      return {
        title: "Sign-in refused",
        message:
          "This account is not allowed to sign in. If you think this is a mistake, contact the editors.",
      };
    case "OAuthAccountNotLinked":
      return {
        title: "This address already has an account",
        message:
          "An account with the same email address exists, created with another sign-in method. Sign in the way you did before, for example with an email link.",
      };
    case "OAuthSignin":
    case "OAuthCallback":
    case "OAuthCallbackError":
    case "CallbackRouteError":
    case "OAuthProfileParseError":
      return {
        title: "The provider did not sign you in",
        message:
          "The sign-in provider refused or did not complete the sign-in (perhaps it was cancelled). Try again, or sign in with an email link instead.",
      };
    case "EmailSignin":
      return {
        title: "The sign-in link could not be sent",
        message: "Our mail server did not accept the message. Please try again in a few minutes.",
      };
    case "SessionExpired":
      return {
        title: "Your session has ended",
        message: "Sign in again to continue: what you sent was not saved.",
      };
    case "SessionRequired":
      return { title: "Sign in to continue", message: "That page is for signed-in readers." };
    default:
      return {
        title: "Sign-in is not working right now",
        message:
          "Something went wrong on our side. Please try again later, or sign in with an email link.",
      };
  }
}
