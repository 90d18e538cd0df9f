/**
 * A generated archive for the scale benchmark: the site's own content plus generated pieces
 * up to `count`, with varied lengths (400 to 3,000 words), 1 to 3 of 40 topics, 1 or 2 of
 * 24 authors, headings, lists, a captioned table in some and notes in others, one piece
 * every 17 hours back from today. Deterministic (a seeded generator), written into a
 * temporary folder, never committed. The authors are made up for the benchmark and exist
 * only there.
 */
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A word only one generated piece holds: the "rare" search. */
export const RARE_WORD = "zeppelinology";

const TOPICS = [
  "Europe",
  "Middle East",
  "Alliances",
  "Defense Industry",
  "Strategic Autonomy",
  "Israel",
  "United States",
  "India",
  "South Korea",
  "Japan",
  "Taiwan",
  "China",
  "Russia",
  "Ukraine",
  "Poland",
  "Baltics",
  "Nordics",
  "Turkey",
  "Gulf States",
  "Iran",
  "Africa",
  "Sahel",
  "Latin America",
  "Arctic",
  "Space",
  "Cyber",
  "Nuclear Deterrence",
  "Arms Control",
  "Missile Defense",
  "Naval Power",
  "Air Power",
  "Land Warfare",
  "Drones",
  "Munitions",
  "Supply Chains",
  "Sanctions",
  "Export Controls",
  "Budgets",
  "NATO",
  "Indo-Pacific",
];

export const WORDS = `alliance deterrence sovereignty procurement industry munitions interceptor
doctrine readiness logistics capacity production factory budget parliament treaty sanction
export import autonomy partnership dependency leverage supplier contract shipyard frigate
submarine artillery howitzer tank missile drone radar laser satellite launcher battalion
brigade division command reserve mobilisation conscription training exercise escalation
ceasefire negotiation summit ministry cabinet coalition election opposition consensus vote
margin resolution transfer license embargo offset coproduction joint venture subsidy
investment innovation research engineering metallurgy software semiconductor stockpile
inventory shortage backlog delivery schedule contractor consortium standard interoperability
integration airspace maritime border corridor strait chokepoint harbour base deployment
rotation presence posture forward defence frontier deterrent warhead arsenal verification
inspection regime compliance violation threshold signal credibility commitment guarantee
burden sharing spending target percent growth decline inflation currency reserve market
price tender bid award cancellation delay overrun audit oversight committee hearing testimony
report estimate assessment intelligence warning surveillance reconnaissance electronic
jamming cyber network resilience redundancy recovery repair maintenance spare part engine
airframe hull turret barrel shell propellant explosive fuse guidance seeker sensor fusion
interception layer shield dome beam directed energy cost exchange ratio attrition`
  .split(/\s+/)
  .filter(Boolean);

/** Mulberry32: the same archive every time. */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const slugify = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

function authorFile(index) {
  const name = `Bench Author ${String(index + 1).padStart(2, "0")}`;
  return {
    slug: slugify(name),
    source: `---\nname: "${name}"\nrole: "Analyst (generated for the benchmark)"\nexpertise: [${TOPICS[index % TOPICS.length]}, ${TOPICS[(index + 7) % TOPICS.length]}]\n---\n\nA made-up author of generated pieces, for measuring the site at scale.\n`,
  };
}

function sentence(random, words) {
  const length = 8 + Math.floor(random() * 18);
  const chosen = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]);
  words.count += length;
  const text = chosen.join(" ");
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

function paragraph(random, words) {
  return Array.from({ length: 3 + Math.floor(random() * 5) }, () => sentence(random, words)).join(
    " ",
  );
}

function articleSource(index, random, authors, publishedAt) {
  const target = 400 + Math.floor(random() * 2600);
  const words = { count: 0 };
  const blocks = [];
  let section = 0;
  let note = false;
  while (words.count < target) {
    if (blocks.length % 5 === 0)
      blocks.push(
        `## Section ${++section}: ${sentence(random, words).split(" ").slice(0, 5).join(" ")}`,
      );
    const roll = random();
    if (roll < 0.05) {
      blocks.push(
        Array.from(
          { length: 3 + Math.floor(random() * 3) },
          () => `- ${sentence(random, words)}`,
        ).join("\n"),
      );
    } else if (roll < 0.08) {
      blocks.push(
        `:::table[Figures for section ${section}]\n\n| Item | Value |\n| ---- | ----: |\n${Array.from(
          { length: 4 },
          (_, row) => `| ${WORDS[(index + row) % WORDS.length]} | ${Math.floor(random() * 1000)} |`,
        ).join("\n")}\n\n:::`,
      );
    } else if (roll < 0.1 && !note) {
      note = true;
      blocks.push(`${paragraph(random, words)}[^source]`);
    } else {
      blocks.push(paragraph(random, words));
    }
  }
  if (index === 500) blocks.push(`The study of airships, ${RARE_WORD}, has no bearing here.`);
  if (note) blocks.push("[^source]: A source, as the text gives it.");
  const topics = [
    ...new Set(
      Array.from(
        { length: 1 + Math.floor(random() * 3) },
        () => TOPICS[Math.floor(random() * TOPICS.length)],
      ),
    ),
  ];
  const byline = [
    ...new Set(
      Array.from(
        { length: 1 + Math.floor(random() * 2) },
        () => authors[Math.floor(random() * authors.length)],
      ),
    ),
  ];
  const title = sentence(random, { count: 0 }).slice(0, 90).replace(/\.$/, "").replaceAll('"', "");
  return `---
title: "${title} (${index})"
dek: "${sentence(random, { count: 0 }).replaceAll('"', "")}"
kind: ${random() < 0.3 ? "op-ed" : "analysis"}
authors: [${byline.join(", ")}]
published: ${publishedAt}
topics: [${topics.join(", ")}]
---

${blocks.join("\n\n")}
`;
}

/**
 * Writes the site's content and generated pieces up to `count` into `<folder>/content`;
 * returns that folder.
 */
export function writeArchive(folder, count) {
  const content = path.join(folder, "content");
  cpSync(path.resolve("content"), content, { recursive: true });
  const generated = Math.max(0, count - 3);
  if (generated === 0) return content;
  const random = generator(20261202);
  const authors = Array.from({ length: 24 }, (_, index) => authorFile(index));
  mkdirSync(path.join(content, "authors"), { recursive: true });
  for (const author of authors) {
    writeFileSync(path.join(content, "authors", `${author.slug}.md`), author.source);
  }
  // Before the site's own pieces (the oldest is 10 November 2026), one every 17 hours.
  const newest = Date.parse("2026-11-01T08:00:00Z");
  for (let index = 0; index < generated; index++) {
    const publishedAt = new Date(newest - index * 17 * 3_600_000).toISOString().slice(0, 16);
    writeFileSync(
      path.join(content, `generated-piece-${index}.md`),
      articleSource(
        index,
        random,
        authors.map((author) => author.slug),
        `${publishedAt}Z`,
      ),
    );
  }
  return content;
}
