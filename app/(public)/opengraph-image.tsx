import { SOCIAL_IMAGE_SIZE, SOCIAL_IMAGE_TYPE, renderSocialImage } from "@/lib/og/render";
import { SITE } from "@/lib/site";

export const size = SOCIAL_IMAGE_SIZE;
export const contentType = SOCIAL_IMAGE_TYPE;
export const alt = `${SITE.name}: ${SITE.tagline}`;

export default function Image() {
  return renderSocialImage({
    eyebrow: "Defence · Geopolitics",
    title: SITE.name,
    dek: SITE.description,
  });
}
