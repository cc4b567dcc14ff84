/**
 * What a file's first bytes say it is, checked against the extension its name gives, and an
 * image's size read from its header, never by decoding it: a zero-byte panorama, an HTML page named
 * `.webp`, a truncated JPEG or random bytes named `.glb` are found before a festival finds them,
 * and a 16,000-pixel panorama is refused before anything tries to decode it. Pure: bytes in.
 */

export type FileSignature =
  | { readonly ok: true; readonly width?: number; readonly height?: number }
  | { readonly ok: false; readonly problem: string };

/** Bytes the checks read from the start of a file: enough for any header, and a JPEG's EXIF. */
export const SIGNATURE_BYTES = 256 * 1024;

const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));
const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const be32 = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const le32 = (b: Uint8Array, at: number) => b[at]! + (b[at + 1]! << 8) + (b[at + 2]! << 16) + ((b[at + 3]! << 24) >>> 0);
const be16 = (b: Uint8Array, at: number) => (b[at]! << 8) + b[at + 1]!;
const le24 = (b: Uint8Array, at: number) => b[at]! + (b[at + 1]! << 8) + (b[at + 2]! << 16);

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const KTX2 = [0xab, 0x4b, 0x54, 0x58, 0x20, 0x32, 0x30, 0xbb, 0x0d, 0x0a, 0x1a, 0x0a];
const EBML = [0x1a, 0x45, 0xdf, 0xa3];

const not = (what: string): FileSignature => ({ ok: false, problem: `is not ${what}` });
const size = (width: number, height: number): FileSignature =>
  width > 0 && height > 0 ? { ok: true, width, height } : { ok: false, problem: 'has a header that gives no picture size' };

/**
 * Checks `head` (the file's first bytes, `total` bytes in all) against the extension `ext`.
 * Formats without a signature (`.splat`, `.ksplat`) are only checked for being non-empty.
 */
export function checkFileSignature(ext: string, head: Uint8Array, total: number): FileSignature {
  if (total === 0) return { ok: false, problem: 'is empty (0 bytes)' };
  switch (ext) {
    case 'png':
      if (!startsWith(head, PNG)) return not('a PNG image');
      if (ascii(head, 12, 4) !== 'IHDR') return { ok: false, problem: 'is a PNG whose header does not parse' };
      return size(be32(head, 16), be32(head, 20));
    case 'jpg':
    case 'jpeg':
      return jpeg(head, total);
    case 'webp':
      return webp(head);
    case 'avif':
      return avif(head);
    case 'ktx2':
      if (!startsWith(head, KTX2)) return not('a KTX2 texture');
      return size(le32(head, 20), Math.max(1, le32(head, 24)));
    case 'glb':
      return ascii(head, 0, 4) === 'glTF' ? { ok: true } : not('a binary glTF (GLB) model');
    case 'gltf':
      return /^\s*\{/.test(ascii(head, 0, 64)) ? { ok: true } : not('a glTF model (JSON)');
    case 'spz':
      return startsWith(head, [0x1f, 0x8b]) ? { ok: true } : not('an SPZ splat file (gzip)');
    case 'ply':
      return ascii(head, 0, 4) === 'ply\n' || ascii(head, 0, 5) === 'ply\r\n' ? { ok: true } : not('a PLY file');
    case 'ogg':
    case 'opus':
      return ascii(head, 0, 4) === 'OggS' ? { ok: true } : not('an Ogg file');
    case 'mp3':
      return ascii(head, 0, 3) === 'ID3' || (head[0] === 0xff && (head[1]! & 0xe0) === 0xe0) ? { ok: true } : not('an MP3 file');
    case 'wav':
      return ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WAVE' ? { ok: true } : not('a WAV file');
    case 'mp4':
    case 'm4a':
      return ascii(head, 4, 4) === 'ftyp' ? { ok: true } : not('an MP4 file');
    case 'webm':
      return startsWith(head, EBML) ? { ok: true } : not('a WebM file');
    default:
      return { ok: true };
  }
}

function jpeg(b: Uint8Array, total: number): FileSignature {
  if (!startsWith(b, [0xff, 0xd8, 0xff])) return not('a JPEG image');
  // Walk the segments to the frame header (SOF0–SOF15, not DHT, JPG or DAC).
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return { ok: false, problem: 'is a JPEG whose header does not parse (truncated or damaged)' };
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return size(be16(b, at + 7), be16(b, at + 5));
    if (marker === 0xd9 || marker === 0xda) break;
    at += 2 + be16(b, at + 2);
  }
  // Metadata longer than the bytes read (a large EXIF block): the frame header is further on.
  if (at + 9 >= b.length && b.length < total) return { ok: true };
  return { ok: false, problem: 'is a JPEG whose header does not parse (no frame header: truncated or damaged)' };
}

function webp(b: Uint8Array): FileSignature {
  if (ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP') return not('a WebP image');
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X') return size(le24(b, 24) + 1, le24(b, 27) + 1);
  if (chunk === 'VP8 ') return size(b[26]! + ((b[27]! & 0x3f) << 8), b[28]! + ((b[29]! & 0x3f) << 8));
  if (chunk === 'VP8L') {
    const bits = le32(b, 21);
    return size((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  return { ok: false, problem: 'is a WebP whose header does not parse' };
}

function avif(b: Uint8Array): FileSignature {
  if (ascii(b, 4, 4) !== 'ftyp' || !/avif|avis|mif1/.test(ascii(b, 8, Math.min(be32(b, 0), 64)))) return not('an AVIF image');
  // The image's size is in its "ispe" property: the largest one is the picture (others are thumbnails).
  let best: { width: number; height: number } | null = null;
  for (let at = 0; at + 16 <= b.length; at++) {
    if (b[at] === 0x69 && ascii(b, at, 4) === 'ispe') {
      const width = be32(b, at + 8);
      const height = be32(b, at + 12);
      if (!best || width * height > best.width * best.height) best = { width, height };
    }
  }
  return best ? size(best.width, best.height) : { ok: false, problem: 'is an AVIF whose header does not parse' };
}

/**
 * Every URI a glTF file names (buffers and images), from its JSON: a `.gltf` file's text, or the
 * JSON chunk of a `.glb`. Null when the JSON cannot be read. Read as Latin-1, which keeps what
 * matters here (schemes, slashes, dots) and needs no text decoder.
 */
export function gltfUris(ext: 'gltf' | 'glb', bytes: Uint8Array): string[] | null {
  let json = bytes;
  if (ext === 'glb') {
    if (bytes.length < 20 || ascii(bytes, 0, 4) !== 'glTF' || ascii(bytes, 16, 4) !== 'JSON') return null;
    json = bytes.subarray(20, 20 + le32(bytes, 12));
  }
  let text = '';
  for (let at = 0; at < json.length; at += 8192) text += String.fromCharCode(...json.subarray(at, at + 8192));
  try {
    const gltf = JSON.parse(text) as { buffers?: { uri?: unknown }[]; images?: { uri?: unknown }[] };
    return [...(gltf.buffers ?? []), ...(gltf.images ?? [])].flatMap((item) => (typeof item?.uri === 'string' ? [item.uri] : []));
  } catch {
    return null;
  }
}
