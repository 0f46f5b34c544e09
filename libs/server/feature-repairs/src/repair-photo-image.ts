import sharp from 'sharp';
import type { LocalizedText } from '@fleet/server/platform';

// Photos are decoded one at a time and not kept: libvips' cache would only hold memory.
sharp.cache(false);

const FORMATS = {
  jpeg: { contentType: 'image/jpeg', ext: 'jpg' },
  png: { contentType: 'image/png', ext: 'png' },
  webp: { contentType: 'image/webp', ext: 'webp' },
} as const;
type PhotoFormat = keyof typeof FORMATS;

export interface DecodedPhoto {
  data: Buffer;
  contentType: (typeof FORMATS)[PhotoFormat]['contentType'];
  ext: (typeof FORMATS)[PhotoFormat]['ext'];
  width: number;
  height: number;
}

export type PhotoDecodeResult = { ok: true; photo: DecodedPhoto } | { ok: false; reason: LocalizedText };

const NOT_AN_IMAGE: LocalizedText = {
  zh: '文件不是 JPEG、PNG 或 WebP 格式的图片',
  en: 'The file is not a JPEG, PNG or WebP image',
};

/**
 * A repair photo as it is stored: decoded in full (not sniffed by its first bytes), so a truncated,
 * damaged or disguised file (a PNG header followed by HTML) is refused, then encoded again in the format
 * it was decoded from, upright (EXIF orientation applied) and without metadata (no GPS position, no
 * camera serial). The format is read from the header before any pixel is decoded, so an SVG, GIF or TIFF
 * is refused without being rendered, and a picture above `maxPixels` without being expanded.
 */
export async function decodePhoto(path: string, maxPixels: number): Promise<PhotoDecodeResult> {
  const open = () => sharp(path, { limitInputPixels: maxPixels, failOn: 'warning', sequentialRead: true });
  let format: PhotoFormat;
  let width: number;
  let height: number;
  try {
    // The header only: no pixel limit or strictness yet, so the answer can say which bound a file breaks.
    const meta = await sharp(path, { limitInputPixels: false }).metadata();
    if (!(meta.format in FORMATS)) return { ok: false, reason: NOT_AN_IMAGE };
    format = meta.format as PhotoFormat;
    width = meta.width;
    height = meta.height;
  } catch {
    return { ok: false, reason: NOT_AN_IMAGE };
  }
  if (!width || !height) return { ok: false, reason: damaged(format) };
  if (width * height > maxPixels) {
    return {
      ok: false,
      reason: {
        zh: `图片像素过多（${width}×${height}），最多 ${maxPixels} 像素`,
        en: `The picture has too many pixels (${width}×${height}); at most ${maxPixels}`,
      },
    };
  }
  try {
    const image = open().rotate();
    const encoded =
      format === 'jpeg'
        ? image.jpeg({ quality: 90, mozjpeg: true })
        : format === 'png'
          ? image.png()
          : image.webp({ quality: 90 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { ok: true, photo: { data, ...FORMATS[format], width: info.width, height: info.height } };
  } catch {
    return { ok: false, reason: damaged(format) };
  }
}

function damaged(format: PhotoFormat): LocalizedText {
  const name = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP' }[format];
  return {
    zh: `${name} 图片已损坏或不完整，无法解码`,
    en: `The ${name} image is damaged or incomplete and cannot be decoded`,
  };
}
