/**
 * What a file's first bytes say it is, checked against the extension its name gives, and an
 * image's size read from its header, never by decoding it: a zero-byte panorama, an HTML page named
 * `.webp`, a truncated JPEG or random bytes named `.glb` are found before a festival finds them,
 * and a 16,000-pixel panorama is refused before anything tries to decode it. Pure: bytes in.
 */

export type FileSignature =
  | {
      readonly ok: true;
      /** A picture's or a video's size, where its header gives it within the bytes read. */
      readonly width?: number;
      readonly height?: number;
      /** A splat world's count of splats, from its header (`.spz`: see `spzSplats`). */
      readonly splats?: number;
    }
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
 * `.splat` has no signature: its size must be a whole number of 32-byte splats.
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
      if (ascii(head, 0, 4) !== 'glTF') return not('a binary glTF (GLB) model');
      // The header gives the file's length: a GLB cut short (or padded) is not what was exported.
      if (head.length >= 12 && le32(head, 8) !== total) return { ok: false, problem: `is a GLB whose header says ${le32(head, 8)} bytes, but the file has ${total}` };
      return { ok: true };
    case 'gltf':
      return /^\s*\{/.test(ascii(head, 0, 64)) ? { ok: true } : not('a glTF model (JSON)');
    case 'spz':
      return startsWith(head, [0x1f, 0x8b]) ? { ok: true } : not('an SPZ splat file (gzip)');
    case 'ply':
      return ply(head);
    case 'splat':
      return total % SPLAT_BYTES === 0 ? { ok: true, splats: total / SPLAT_BYTES } : { ok: false, problem: `is not a .splat file: ${total} bytes is not a whole number of ${SPLAT_BYTES}-byte splats` };
    case 'ksplat':
      return ksplat(head, total);
    case 'ogg':
    case 'opus':
      return ascii(head, 0, 4) === 'OggS' ? { ok: true } : not('an Ogg file');
    case 'mp3':
      return ascii(head, 0, 3) === 'ID3' || (head[0] === 0xff && (head[1]! & 0xe0) === 0xe0) ? { ok: true } : not('an MP3 file');
    case 'wav':
      return ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WAVE' ? { ok: true } : not('a WAV file');
    case 'mp4':
    case 'm4a':
      return ascii(head, 4, 4) === 'ftyp' ? { ok: true, ...mp4Size(head) } : not('an MP4 file');
    case 'webm':
      return startsWith(head, EBML) ? { ok: true, ...webmSize(head) } : not('a WebM file');
    default:
      return { ok: true };
  }
}

/** Bytes of one splat in the `.splat` format (position, scale, colour, rotation). */
const SPLAT_BYTES = 32;
/** The `.ksplat` header (GaussianSplats3D): its splat count is the fifth 32-bit word. */
const KSPLAT_HEADER_BYTES = 4096;

function ply(b: Uint8Array): FileSignature {
  if (ascii(b, 0, 4) !== 'ply\n' && ascii(b, 0, 5) !== 'ply\r\n') return not('a PLY file');
  const end = ascii(b, 0, Math.min(b.length, 64 * 1024)).indexOf('end_header');
  if (end < 0) return { ok: false, problem: 'is a PLY file whose header does not end (truncated or damaged)' };
  const vertices = /^element vertex (\d+)\s*$/m.exec(ascii(b, 0, end));
  return vertices ? { ok: true, splats: Number(vertices[1]) } : { ok: false, problem: 'is a PLY file with no "element vertex" count' };
}

function ksplat(b: Uint8Array, total: number): FileSignature {
  if (total < KSPLAT_HEADER_BYTES || b.length < 20) return { ok: false, problem: `is not a .ksplat file: shorter than its ${KSPLAT_HEADER_BYTES}-byte header` };
  return { ok: true, splats: le32(b, 16) };
}

/**
 * The splat count of an `.spz` world from the first bytes of its content once un-gzipped (the
 * caller inflates: the story layer has no zlib): "NGSP", a version, then the count.
 */
export function spzSplats(inflated: Uint8Array): FileSignature {
  if (inflated.length < 12 || le32(inflated, 0) !== 0x5053474e) return { ok: false, problem: 'is gzip, but not an SPZ splat file inside (no "NGSP" header)' };
  return { ok: true, splats: le32(inflated, 8) };
}

/** An MP4's picture size from its track headers ("tkhd"), when the "moov" box is at the start. */
function mp4Size(b: Uint8Array): { width?: number; height?: number } {
  let best = { width: 0, height: 0 };
  for (let at = 4; at + 100 <= b.length; at++) {
    if (b[at] !== 0x74 || ascii(b, at, 4) !== 'tkhd') continue;
    // After the type: version and flags, then times that are 64-bit in version 1, then the matrix.
    const sizeAt = at + 4 + (b[at + 4] === 1 ? 88 : 76);
    const width = be32(b, sizeAt) / 65536;
    const height = be32(b, sizeAt + 4) / 65536;
    if (width * height > best.width * best.height) best = { width: Math.round(width), height: Math.round(height) };
  }
  return best.width > 0 ? best : {};
}

/** A WebM's picture size from its first video track (Segment › Tracks › TrackEntry › Video). */
function webmSize(b: Uint8Array): { width?: number; height?: number } {
  const element = (at: number) => {
    const id = vint(b, at, false);
    if (!id) return null;
    const size = vint(b, at + id.length, true);
    if (!size) return null;
    return { id: id.value, data: at + id.length + size.length, size: size.value };
  };
  const walk = (from: number, to: number, path: readonly number[]): { width?: number; height?: number } => {
    let width = 0;
    let height = 0;
    for (let at = from; at < Math.min(to, b.length); ) {
      const e = element(at);
      if (!e) break;
      const end = e.size === null ? to : e.data + e.size;
      if (e.id === path[0]) {
        const found = walk(e.data, end, path.slice(1));
        if (found.width) return found;
      }
      if (path.length === 0 && e.id === 0xb0) width = uint(b, e.data, e.size ?? 0);
      if (path.length === 0 && e.id === 0xba) height = uint(b, e.data, e.size ?? 0);
      if (e.size === null) break;
      at = end;
    }
    return width > 0 && height > 0 ? { width, height } : {};
  };
  // EBML header, then Segment › Tracks › TrackEntry › Video, whose children give the size.
  return walk(0, b.length, [0x18538067, 0x1654ae6b, 0xae, 0xe0]);
}

/** An EBML variable-length integer: an element ID (marker kept) or a size (marker cleared; all ones is unknown). */
function vint(b: Uint8Array, at: number, isSize: boolean): { value: number | null; length: number } | null {
  const first = b[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (length > 8 || at + length > b.length) return null;
  let value = isSize ? first & (0xff >> length) : first;
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + b[at + i]!;
    allOnes &&= b[at + i] === 0xff;
  }
  return { value: isSize && allOnes ? null : value, length };
}

function uint(b: Uint8Array, at: number, size: number): number {
  let value = 0;
  for (let i = 0; i < size && i < 8; i++) value = value * 256 + (b[at + i] ?? 0);
  return value;
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
