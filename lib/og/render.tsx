import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "@vercel/og";
import { SITE } from "@/lib/site";

export const SOCIAL_IMAGE_SIZE = { width: 1200, height: 630 } as const;
export const SOCIAL_IMAGE_TYPE = "image/png";

const FONT_DIRECTORY = path.join(process.cwd(), "node_modules/@fontsource/source-serif-4/files");

let fonts: Promise<{ regular: Buffer; bold: Buffer }> | undefined;

function loadFonts() {
  fonts ??= Promise.all([
    readFile(path.join(FONT_DIRECTORY, "source-serif-4-latin-400-normal.woff")),
    readFile(path.join(FONT_DIRECTORY, "source-serif-4-latin-700-normal.woff")),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
}

export interface SocialCard {
  /** Small label above the title: the kind of piece and its first topic. */
  eyebrow: string;
  title: string;
  dek: string;
  /** The article's lead image, as a PNG data URL fitted to IMAGE_COLUMN, beside the text. */
  image?: string;
}

/** The lead image's column: the right third, the card's full height, below its top rule. */
export const IMAGE_COLUMN = { width: 440, height: 614 } as const;

/** Long titles step down in size so that they still read at thumbnail size. */
function titleSize(title: string): number {
  if (title.length > 90) return 54;
  if (title.length > 60) return 62;
  return 72;
}

export async function renderSocialImage({ eyebrow, title, dek, image }: SocialCard) {
  const { regular, bold } = await loadFonts();
  const card = (
    <div
      style={{
        width: image ? SOCIAL_IMAGE_SIZE.width - IMAGE_COLUMN.width : "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "64px 72px",
        background: "#f7f4ee",
        color: "#1a1a1a",
        fontFamily: "Source Serif 4",
        ...(image ? {} : { borderTop: "16px solid #8c1c13" }),
      }}
    >
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div
          style={{
            fontSize: 28,
            fontWeight: 700,
            letterSpacing: 3,
            textTransform: "uppercase",
            color: "#8c1c13",
          }}
        >
          {eyebrow}
        </div>
        <div
          style={{
            marginTop: 24,
            fontSize: titleSize(title) - (image ? 10 : 0),
            fontWeight: 700,
            lineHeight: 1.1,
            display: "block",
            lineClamp: 4,
          }}
        >
          {title}
        </div>
        <div
          style={{
            marginTop: 24,
            fontSize: 30,
            lineHeight: 1.35,
            color: "#444",
            display: "block",
            lineClamp: 2,
          }}
        >
          {dek}
        </div>
      </div>
      <div
        style={{
          display: "flex",
          alignItems: "center",
          justifyContent: "space-between",
          borderTop: "2px solid #1a1a1a",
          paddingTop: 20,
          fontSize: 30,
        }}
      >
        <div style={{ fontWeight: 700 }}>{SITE.name}</div>
        {!image && <div style={{ color: "#444" }}>{SITE.tagline}</div>}
      </div>
    </div>
  );
  return new ImageResponse(
    image ? (
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          background: "#f7f4ee",
          borderTop: "16px solid #8c1c13",
        }}
      >
        {card}
        {/* eslint-disable-next-line @next/next/no-img-element -- satori draws <img>, not next/image */}
        <img src={image} alt="" width={IMAGE_COLUMN.width} height={IMAGE_COLUMN.height} />
      </div>
    ) : (
      card
    ),
    {
      ...SOCIAL_IMAGE_SIZE,
      fonts: [
        { name: "Source Serif 4", data: regular, weight: 400, style: "normal" },
        { name: "Source Serif 4", data: bold, weight: 700, style: "normal" },
      ],
    },
  );
}
