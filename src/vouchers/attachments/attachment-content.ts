/** The file types a voucher takes as evidence, with the bytes each must start with. */
export const ATTACHMENT_TYPES: Record<string, { name: string; signatures: number[][] }> = {
  'application/pdf': { name: 'a PDF', signatures: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  'image/png': { name: 'a PNG image', signatures: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  'image/jpeg': { name: 'a JPEG image', signatures: [[0xff, 0xd8, 0xff]] },
  'image/tiff': {
    name: 'a TIFF image',
    signatures: [
      [0x49, 0x49, 0x2a, 0x00],
      [0x4d, 0x4d, 0x00, 0x2a],
    ],
  },
};

export const ATTACHMENT_CONTENT_TYPES = Object.keys(ATTACHMENT_TYPES);

/**
 * Whether the bytes are what the Content-Type says. Checked on the content, not trusted from
 * the header, so an HTML page or a script cannot be stored as "a PDF" and served back as one.
 */
export function contentMatches(contentType: string, content: Buffer): boolean {
  const type = ATTACHMENT_TYPES[contentType];
  return !!type && type.signatures.some((signature) => signature.every((byte, i) => content[i] === byte));
}

/** The media type without parameters, lower case: `application/pdf; x=y` -> `application/pdf`. */
export function baseMediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}
