import { LARGEST_SPLAT_BUDGET, checkFileSignature, spzSplats } from '../story';

/** Bytes read before a world's header is judged: every format's count sits well within. */
const HEAD_BYTES = 64 * 1024;

/** A splat world's file, its header read and the whole of it still to stream into Spark. */
export interface SplatStream {
  readonly stream: ReadableStream<Uint8Array>;
  /** The file's length where the server says it, for Spark's progress. */
  readonly length: number | undefined;
}

/**
 * Fetches a splat world and reads its splat count from the header before anything decodes it: a
 * file that claims more splats than any device draws (a bomb, or a world made for a render farm)
 * is refused with the reason, instead of Spark allocating for all of them. One request: the bytes
 * read for the header are handed on at the head of the stream Spark decodes.
 */
export async function openSplatStream(url: string): Promise<SplatStream> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`the server answered ${response.status}`);
  const length = Number(response.headers.get('content-length')) || undefined;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let read = 0;
  let done = false;
  while (read < HEAD_BYTES && !done) {
    const next = await reader.read();
    if (next.done) done = true;
    else {
      chunks.push(next.value);
      read += next.value.length;
    }
  }
  const head = concat(chunks, read);
  const ext = new URL(url).pathname.split('.').pop()!.toLowerCase();
  const splats = await splatCount(ext, head, done ? read : (length ?? Number.MAX_SAFE_INTEGER));
  if (splats !== null && splats > LARGEST_SPLAT_BUDGET) {
    void reader.cancel();
    throw new Error(`the world holds ${splats.toLocaleString('en')} splats, more than any device draws (${LARGEST_SPLAT_BUDGET.toLocaleString('en')})`);
  }
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.length > 0) controller.enqueue(head);
      if (done) controller.close();
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { stream, length };
}

/** The count a header gives, or null where the format or the bytes read do not say. */
async function splatCount(ext: string, head: Uint8Array, total: number): Promise<number | null> {
  if (ext !== 'spz') {
    const signature = checkFileSignature(ext, head, total);
    return signature.ok ? (signature.splats ?? null) : null;
  }
  const inflated = await inflatedHead(head);
  const signature = inflated && spzSplats(inflated);
  return signature?.ok ? (signature.splats ?? null) : null;
}

/** The first bytes of a gzip stream's content, from its first bytes (the rest is never inflated). */
async function inflatedHead(gzip: Uint8Array): Promise<Uint8Array | null> {
  const reader = new Blob([gzip as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  try {
    const first = await reader.read();
    return first.done ? null : first.value;
  } catch {
    return null;
  } finally {
    void reader.cancel().catch(() => {});
  }
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}
