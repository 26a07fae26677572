import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import * as zlib from 'node:zlib';

/** What we answer in, best first (Node 20 has no zstd); every browser accepts both. */
export const ENCODINGS = ['br', 'gzip'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Smaller answers go as they are: compressing them would save less than a packet. */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * Up to this size an answer is compressed in one synchronous call. This server's answers are a
 * page of 25 at most (tens of kB), where the stream pipeline costs more than it overlaps; and
 * only a synchronous call can hand back the kept bytes of an answer sent before.
 */
const SYNC_THRESHOLD = 64 * 1024;

/** Quality 4, as `@fastify/compress` recommends for answers made per request (11 is far slower). */
const BROTLI_OPTIONS: zlib.BrotliOptions = {
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
    [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
  },
};

const compressors: Record<Encoding, (bytes: Buffer) => Buffer> = {
  br: (bytes) => zlib.brotliCompressSync(bytes, BROTLI_OPTIONS),
  gzip: (bytes) => zlib.gzipSync(bytes),
};

/** Answers that are sent again and again (the emulator's cached lists), with their encodings. */
const kept = new WeakMap<Buffer, Partial<Record<Encoding, Buffer>>>();

/**
 * Marks bytes that will be sent many times unchanged: each encoding of them is made once, on
 * first use, and kept as long as the bytes are. The bytes must not change after this.
 */
export function keepCompressed(bytes: Buffer): Buffer {
  if (bytes.length >= COMPRESSION_THRESHOLD && !kept.has(bytes)) kept.set(bytes, {});
  return bytes;
}

/** `bytes` in `encoding`: the kept copy for kept bytes, else compressed now. */
export function compressed(bytes: Buffer, encoding: Encoding): Buffer {
  const copies = kept.get(bytes);
  if (!copies) return compressors[encoding](bytes);
  return (copies[encoding] ??= compressors[encoding](bytes));
}

/** `zlib` as `@fastify/compress` calls it, with its synchronous calls going through `compressed`. */
const keptZlib = {
  ...zlib,
  brotliCompressSync: (bytes: Buffer) => compressed(bytes, 'br'),
  gzipSync: (bytes: Buffer) => compressed(bytes, 'gzip'),
};

/**
 * Negotiated br/gzip for every answer of a route registered after this (so register it first):
 * JSON, text and CSV of at least `COMPRESSION_THRESHOLD` bytes, unless the answer is compressed
 * already (the built app's precompressed files).
 */
export async function addCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    encodings: [...ENCODINGS],
    threshold: COMPRESSION_THRESHOLD,
    syncThreshold: SYNC_THRESHOLD,
    brotliOptions: BROTLI_OPTIONS,
    zlib: keptZlib,
    // Requests keep coming in as they are: nothing here takes a compressed body.
    globalDecompression: false,
  });
}
