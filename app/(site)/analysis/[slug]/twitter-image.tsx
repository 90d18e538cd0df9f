export { default, size, contentType, alt, generateStaticParams } from "./opengraph-image";

// Segment settings are read from the source itself, so they cannot be re-exported.
export const dynamicParams = false;
