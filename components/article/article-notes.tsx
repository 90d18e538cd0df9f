import type { Article, ArticleNote } from "@/lib/content";
import { formatDate } from "@/lib/site";

/** The anchors of the notes at the end of an article, which its header links to. */
export const NOTES_ANCHORS = { corrections: "corrections", updates: "updates" } as const;

function NoteList({ id, title, notes }: { id: string; title: string; notes: ArticleNote[] }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="font-sans text-base font-semibold">
        {title}
      </h2>
      <ul className="mt-3 space-y-3">
        {notes.map((note, index) => (
          <li key={index}>
            <time dateTime={note.date} className="font-sans text-sm font-semibold text-muted">
              {formatDate(note.date)}
            </time>
            <p className="mt-1">{note.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * What was corrected and what was added since publication, newest first, at the end of the
 * article where the header's "Corrected" and "Updated" lead.
 */
export function ArticleNotes({ article }: { article: Article }) {
  if (article.corrections.length === 0 && article.updates.length === 0) return null;
  const newestFirst = (notes: ArticleNote[]) => [...notes].reverse();
  return (
    <div className="mt-12 border-t border-rule pt-2 font-serif text-base leading-relaxed">
      {article.corrections.length > 0 && (
        <NoteList
          id={NOTES_ANCHORS.corrections}
          title="Corrections"
          notes={newestFirst(article.corrections)}
        />
      )}
      {article.updates.length > 0 && (
        <NoteList id={NOTES_ANCHORS.updates} title="Updates" notes={newestFirst(article.updates)} />
      )}
    </div>
  );
}

/** The latest correction or update, for the header: "Corrected 2 December 2026". */
export function latestNote(
  article: Article,
): { label: string; date: string; anchor: string } | null {
  const correction = article.corrections
    .map((note) => note.date)
    .sort()
    .at(-1);
  const update = article.updates
    .map((note) => note.date)
    .sort()
    .at(-1);
  if (correction && (!update || correction >= update)) {
    return { label: "Corrected", date: correction, anchor: NOTES_ANCHORS.corrections };
  }
  if (update) return { label: "Updated", date: update, anchor: NOTES_ANCHORS.updates };
  return null;
}
