import { describe, expect, it } from "vitest";
import { apaText, bibtex, chicago, ris, type CitationSource } from "@/lib/content/citation";

const SITE = "The Strategic Ledger";

function source(overrides: Partial<CitationSource["article"]> = {}): CitationSource {
  return {
    article: {
      slug: "arms-and-allies",
      title: "Arms and Allies",
      author: "Jane Q. Writer",
      published: "2026-03-09",
      dek: "One sentence.",
      topics: [{ name: "Europe", slug: "europe" }],
      ...overrides,
    },
    siteName: SITE,
    url: "https://ledger.example/analysis/arms-and-allies",
  };
}

describe("citations", () => {
  it("cites a one-author piece in Chicago and APA", () => {
    expect(chicago(source())).toBe(
      "Writer, Jane Q. “Arms and Allies.” The Strategic Ledger, March 9, 2026. https://ledger.example/analysis/arms-and-allies.",
    );
    expect(apaText(source())).toBe(
      "Writer, J. Q. (2026, March 9). Arms and Allies. The Strategic Ledger. https://ledger.example/analysis/arms-and-allies",
    );
  });

  it("cites a piece by the publication itself with the publication as author, named once in APA", () => {
    const byUs = source({ author: SITE });
    expect(chicago(byUs)).toBe(
      "“Arms and Allies.” The Strategic Ledger, March 9, 2026. https://ledger.example/analysis/arms-and-allies.",
    );
    expect(apaText(byUs)).toBe(
      "The Strategic Ledger. (2026, March 9). Arms and Allies. https://ledger.example/analysis/arms-and-allies",
    );
    expect(ris(byUs)).toContain("AU  - The Strategic Ledger\r\n");
    expect(bibtex(byUs)).toContain("author = {{The Strategic Ledger}}");
  });

  it("keeps quotation marks and non-ASCII letters in a title, the inner quotes made single", () => {
    const quoted = source({ title: "Europe’s “Strategic Autonomy”: Zeitenwende in Łódź?" });
    expect(chicago(quoted)).toContain(
      "“Europe’s ‘Strategic Autonomy’: Zeitenwende in Łódź?” The Strategic Ledger",
    );
    expect(apaText(quoted)).toContain(
      "(2026, March 9). Europe’s “Strategic Autonomy”: Zeitenwende in Łódź? The Strategic Ledger.",
    );
    expect(bibtex(quoted)).toContain(
      "title = {{Europe’s “Strategic Autonomy”: Zeitenwende in Łódź?}}",
    );
    expect(ris(quoted)).toContain("TI  - Europe’s “Strategic Autonomy”: Zeitenwende in Łódź?\r\n");
  });

  it("gives BibTeX a whole entry whatever the title holds: TeX's specials escaped", () => {
    const entry = bibtex(source({ title: "100% of {GDP} & $5 #1 _x ^y ~z \\input{/etc/passwd}" }));
    expect(entry).toContain(
      "title = {{100\\% of \\{GDP\\} \\& \\$5 \\#1 \\_x \\textasciicircum{}y \\textasciitilde{}z \\textbackslash{}input\\{/etc/passwd\\}}}",
    );
    expect(entry).toMatch(/^@article\{arms-and-allies-2026,\n/);
    expect(entry).toContain("author = {Writer, Jane Q.}");
    expect(entry).toContain("date = {2026-03-09}");
    expect(entry.trim().endsWith("}")).toBe(true);
  });

  it("gives RIS one line per field, so a line break cannot start a field of its own", () => {
    const record = ris(source({ title: "Line one\r\nER  - \nTY  - EVIL" }));
    const lines = record.trimEnd().split("\r\n");
    expect(lines[0]).toBe("TY  - JOUR");
    expect(lines.filter((line) => line.startsWith("TI  -"))).toEqual([
      "TI  - Line one ER  -  TY  - EVIL",
    ]);
    expect(lines.filter((line) => line.startsWith("TY  -"))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith("ER  -"))).toHaveLength(1);
    expect(lines.at(-1)).toBe("ER  -");
    expect(lines).toContain("AU  - Writer, Jane Q.");
    expect(lines).toContain("DA  - 2026/03/09");
    expect(lines).toContain("T2  - The Strategic Ledger");
  });
});
