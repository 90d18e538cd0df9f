export default function Page() {
  return (
    <main>
      <h1>A bare Next.js page</h1>
      <p>
        This paragraph is here to be painted. The page has no styles, no web font and no client
        component of its own: what it takes to show is what Next.js and React take.
      </p>
    </main>
  );
}
