import type { ReactNode } from "react";

/** The narrow column the sign-in and account pages share. */
export function AuthPage({
  title,
  wide = false,
  children,
}: {
  title: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`mx-auto ${wide ? "max-w-3xl" : "max-w-md"} px-5 py-12 sm:py-16`}>
      <h1 className="font-serif text-3xl font-bold">{title}</h1>
      {children}
    </div>
  );
}

export function Lead({ children }: { children: ReactNode }) {
  return <p className="mt-4 font-serif text-lg text-muted">{children}</p>;
}
