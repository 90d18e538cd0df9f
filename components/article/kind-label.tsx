import type { ArticleKind } from "@/lib/content/types";
import { KIND_LABELS } from "@/lib/site";

export function KindLabel({ kind }: { kind: ArticleKind }) {
  const { label, explanation } = KIND_LABELS[kind];
  return (
    <p className="font-sans text-xs font-semibold tracking-widest text-accent uppercase">
      {label}
      <span className="sr-only">: {explanation}</span>
    </p>
  );
}
