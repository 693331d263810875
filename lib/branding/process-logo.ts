import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { ValidationError } from '@/lib/platform/errors';
import { BRANDING_ERRORS } from '@/lib/platform/error-codes';
import { LOGO_MAX_BYTES } from './branding-schema';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const refuse = (message: string, code: number) => new ValidationError(message, { logo: [message] }, code);

export interface ProcessedLogo {
  bytes: Buffer;
  mime: 'image/png' | 'image/jpeg';
  hash: string;
  width: number;
  height: number;
}

/**
 * Checks an uploaded logo (PNG or JPEG by content, never by name; ≤ 512 kB; no SVG) and
 * re-encodes it from its decoded pixels: whatever else the file carried (metadata, extra
 * chunks, an appended script or archive — a "polyglot") does not survive.
 */
export async function processLogo(input: Buffer): Promise<ProcessedLogo> {
  if (input.length === 0) throw refuse('Choose a PNG or JPEG file.', BRANDING_ERRORS.logoUnreadable);
  if (input.length > LOGO_MAX_BYTES) throw refuse('The logo must be 512 kB or smaller.', BRANDING_ERRORS.logoTooLarge);
  const isPng = input.subarray(0, 8).equals(PNG);
  const isJpeg = input.subarray(0, 3).equals(JPEG);
  if (!isPng && !isJpeg) {
    const head = input.subarray(0, 1024).toString('utf8').toLowerCase();
    if (head.includes('<svg') || head.includes('<?xml'))
      throw refuse('SVG logos are not accepted: upload a PNG or JPEG.', BRANDING_ERRORS.logoType);
    throw refuse('The file is not a PNG or JPEG image.', BRANDING_ERRORS.logoType);
  }
  let meta: Metadata;
  try {
    meta = await sharp(input, { failOn: 'error', limitInputPixels: 4096 * 4096 }).metadata();
  } catch {
    throw refuse('The image could not be read. Upload a valid PNG or JPEG.', BRANDING_ERRORS.logoUnreadable);
  }
  if (meta.format !== 'png' && meta.format !== 'jpeg') throw refuse('The file is not a PNG or JPEG image.', BRANDING_ERRORS.logoType);
  try {
    const pipeline = sharp(input, { failOn: 'error', limitInputPixels: 4096 * 4096 })
      .rotate()
      .resize({ width: 512, height: 512, fit: 'inside', withoutEnlargement: true });
    const { data, info } = await (
      meta.format === 'png' ? pipeline.png({ compressionLevel: 9 }) : pipeline.jpeg({ quality: 85, mozjpeg: true })
    ).toBuffer({ resolveWithObject: true });
    return {
      bytes: data,
      mime: meta.format === 'png' ? 'image/png' : 'image/jpeg',
      hash: createHash('sha256').update(data).digest('hex').slice(0, 32),
      width: info.width,
      height: info.height,
    };
  } catch {
    throw refuse('The image could not be read. Upload a valid PNG or JPEG.', BRANDING_ERRORS.logoUnreadable);
  }
}
