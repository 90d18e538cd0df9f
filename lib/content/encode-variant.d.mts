export function encodeVariant(
  original: Buffer,
  width: number,
  format: "avif" | "webp",
): Promise<Buffer>;
