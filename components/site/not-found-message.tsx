import Link from "next/link";

/** What a 404 says, wherever it is shown. */
export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-2xl px-5 py-20 text-center">
      <p className="font-sans text-sm font-semibold tracking-widest text-accent uppercase">404</p>
      <h1 className="mt-3 font-serif text-4xl font-bold">Page not found</h1>
      <p className="mt-4 font-serif text-lg text-muted">
        There is no page at this address. It may have moved, or the link may be mistyped.
      </p>
      <p className="mt-8 font-sans">
        <Link href="/" prefetch={false} className="text-accent underline">
          Read the latest analysis
        </Link>
      </p>
    </div>
  );
}
