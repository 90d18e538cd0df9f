/** What a reader can follow: the site's topics and authors, by slug and name. */
export interface FollowOptions {
  topics: { slug: string; name: string }[];
  authors: { slug: string; name: string }[];
}

/**
 * Boxes to tick for the topics and authors a reader follows; none ticked is everything. Plain
 * checkboxes named "follow", so that the choice works without JavaScript.
 */
export function FollowChoices({
  options,
  selected = [],
}: {
  options: FollowOptions;
  selected?: string[];
}) {
  const groups = [
    { legend: "Topics", kind: "topic", items: options.topics },
    { legend: "Authors", kind: "author", items: options.authors },
  ].filter((group) => group.items.length > 0);
  return (
    <fieldset className="mt-4 font-sans">
      <legend className="text-sm font-semibold">What to receive</legend>
      <p className="mt-1 text-sm text-muted">
        Every new piece, or only those on the topics and by the authors you tick. Tick nothing for
        everything.
      </p>
      {groups.map((group) => (
        <fieldset key={group.kind} className="mt-3">
          <legend className="text-sm text-muted">{group.legend}</legend>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {group.items.map((item) => {
              const value = `${group.kind}:${item.slug}`;
              return (
                <li key={value}>
                  <label className="inline-flex min-h-6 items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="follow"
                      value={value}
                      defaultChecked={selected.includes(value)}
                      className="size-4 accent-accent"
                    />
                    {item.name}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </fieldset>
  );
}
