"use client";

/**
 * A reader's page that could not be rendered (most often: the database is not answering for
 * a moment). It says so in words, and offers to try again, rather than a blank error.
 */
export function PageError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-md px-5 py-12 sm:py-16">
      <h1 className="font-serif text-3xl font-bold">This page cannot be shown just now</h1>
      <p className="mt-4">
        Something on our side is not answering. Nothing you did caused it, and nothing was changed.
        Please try again in a few moments.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded bg-accent px-4 py-2 font-sans text-sm font-semibold text-paper hover:opacity-90"
      >
        Try again
      </button>
    </div>
  );
}
