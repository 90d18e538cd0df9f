import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { bylineOf } from "@/lib/content/authors";
import { ContentError, loadContent } from "@/lib/content/load";
import { authorStructuredData } from "@/lib/seo/structured-data";
import { articleSource, contentDir } from "../support/content-dir";

function authorSource(
  frontmatter: Record<string, unknown>,
  bio = "Writes on arms control.",
): string {
  const defaults = { name: "Dana Example", role: "Senior analyst", expertise: ["Arms control"] };
  const yaml = Object.entries({ ...defaults, ...frontmatter })
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join("\n");
  return `---\n${yaml}\n---\n\n${bio}\n`;
}

async function problemsOf(files: Record<string, string>): Promise<string[]> {
  try {
    await loadContent(await contentDir(files));
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  throw new Error("expected the content to be refused");
}

describe("authors", () => {
  it("names an article's authors by slug, with their names as the byline", async () => {
    const { articles, authors } = await loadContent(
      await contentDir({
        "authors/dana-example.md": authorSource({
          links: { site: "https://dana.example", orcid: "0000-0002-1825-0097" },
        }),
        "authors/lee-sample.md": authorSource(
          { name: "Lee Sample" },
          "First.\n\nSecond paragraph.",
        ),
        "a.md": articleSource({ author: undefined, authors: ["dana-example", "lee-sample"] }),
        "b.md": articleSource({ author: "A Guest Writer" }),
      }),
    );
    const [a, b] = [...articles].sort((x, y) => x.slug.localeCompare(y.slug));
    expect(a?.author).toBe("Dana Example and Lee Sample");
    expect(a?.authors.map((author) => author.slug)).toEqual(["dana-example", "lee-sample"]);
    expect(a?.authors[0]?.sameAs).toEqual([
      "https://dana.example",
      "https://orcid.org/0000-0002-1825-0097",
    ]);
    // A byline of its own stays as written, with no page.
    expect(b?.author).toBe("A Guest Writer");
    expect(b?.authors).toEqual([]);
    expect(authors.get("lee-sample")?.bio).toEqual(["First.", "Second paragraph."]);
  });

  it("refuses an unknown author, and both or neither of author and authors", async () => {
    const problems = await problemsOf({
      "authors/dana-example.md": authorSource({}),
      "a.md": articleSource({ author: undefined, authors: ["nobody-here"] }),
      "b.md": articleSource({ authors: ["dana-example"] }),
      "c.md": articleSource({ author: undefined }),
    });
    expect(problems).toEqual([
      'content/a.md: field "authors": no author "nobody-here" (content/authors/nobody-here.md)',
      'content/b.md: field "authors": needs either author (a byline) or authors (slugs), not both',
      'content/c.md: field "authors": needs either author (a byline) or authors (slugs), not both',
    ]);
  });

  it("validates an author's file like an article's, naming the file and field", async () => {
    const problems = await problemsOf({
      "authors/a.md": authorSource({ expertise: [] }),
      "authors/b.md": authorSource({ links: { orcid: "1234" } }),
      "authors/c.md": authorSource({ links: { site: "http://plain.example" } }),
      "authors/d.md": authorSource({ nickname: "D" }),
      "authors/e.md": authorSource({}, ""),
      "authors/f.md": authorSource({ account: "not an address" }),
      "authors/Not_A_Slug.md": authorSource({}),
    });
    expect(problems).toEqual([
      expect.stringMatching(/^content\/authors\/Not_A_Slug\.md: the file name must be a slug/),
      'content/authors/a.md: field "expertise": needs at least one area',
      expect.stringMatching(/^content\/authors\/b\.md: field "links\.orcid": must be an ORCID iD/),
      'content/authors/c.md: field "links.site": must be an https:// address',
      expect.stringMatching(/^content\/authors\/d\.md: frontmatter: Unrecognized key: "nickname"/),
      "content/authors/e.md: needs a short bio below the frontmatter",
      'content/authors/f.md: field "account": must be an email address',
    ]);
  });

  it("sizes an author's photo for a small circle, and refuses a photo that is missing or no image", async () => {
    const portrait = await sharp({
      create: { width: 600, height: 600, channels: 3, background: "#777" },
    })
      .jpeg()
      .toBuffer();
    const { authors } = await loadContent(
      await contentDir({
        "authors/dana-example.md": authorSource({ photo: "dana-example.jpg" }),
        "authors/dana-example.jpg": portrait,
        "authors/lee-sample.md": authorSource({ name: "Lee Sample" }),
      }),
    );
    const photo = authors.get("dana-example")?.photo;
    expect(photo).toMatchObject({ src: "/media/_authors/dana-example.jpg", width: 600, alt: "" });
    expect(photo?.sources.map((source) => source.srcSet)).toEqual([
      "/media/_authors/dana-example.jpg/96.avif 96w, /media/_authors/dana-example.jpg/192.avif 192w, /media/_authors/dana-example.jpg/384.avif 384w",
      "/media/_authors/dana-example.jpg/96.webp 96w, /media/_authors/dana-example.jpg/192.webp 192w, /media/_authors/dana-example.jpg/384.webp 384w",
    ]);
    expect(authors.get("lee-sample")?.photo).toBeNull();

    const problems = await problemsOf({
      "authors/a.md": authorSource({ photo: "missing.jpg" }),
      "authors/b.md": authorSource({ photo: "b.png" }),
      "authors/b.png": "not a picture",
      "authors/c.md": authorSource({ photo: "../../etc/passwd.png" }),
      "authors/d.md": authorSource({ photo: "d.txt" }),
      "authors/d.txt": "text",
    });
    expect(problems).toEqual([
      'content/authors/a.md: field "photo": image "missing.jpg": no file content/authors/missing.jpg',
      'content/authors/b.md: field "photo": image "b.png" is not a readable image',
      'content/authors/c.md: field "photo": must be a file name in content/authors/',
      'content/authors/d.md: field "photo": image "d.txt" must be a PNG, JPEG, WebP, AVIF or SVG file',
    ]);
  });

  it("writes bylines as people say them", () => {
    expect(bylineOf(["A"])).toBe("A");
    expect(bylineOf(["A", "B"])).toBe("A and B");
    expect(bylineOf(["A", "B", "C"])).toBe("A, B and C");
  });

  it("names a person as a Person with their page and profiles, the desk as an Organization", () => {
    expect(
      authorStructuredData({
        slug: "dana-example",
        name: "Dana Example",
        kind: "person",
        sameAs: ["https://orcid.org/0000-0002-1825-0097"],
      }),
    ).toEqual({
      "@type": "Person",
      name: "Dana Example",
      url: "http://localhost:3000/authors/dana-example",
      sameAs: ["https://orcid.org/0000-0002-1825-0097"],
    });
    expect(
      authorStructuredData({ slug: "desk", name: "The Desk", kind: "organization", sameAs: [] }),
    ).toEqual({
      "@type": "Organization",
      name: "The Desk",
      url: "http://localhost:3000/authors/desk",
    });
  });
});
