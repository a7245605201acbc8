import fs from 'node:fs/promises';
import { constants, type Stats } from 'node:fs';

export type SourceText = { ok: true; text: string } | { ok: false; reason: string };

const decoder = new TextDecoder('utf-8', { fatal: true });
const utf16 = new TextDecoder('utf-16le', { fatal: true });

/** What a path is when it is not a regular file: the reason a FIFO, socket or device is skipped. */
export function describeNonRegular(stat: Stats): string | null {
  if (stat.isFile()) return null;
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Read a source file as text, refusing empty, binary and mis-encoded files with a reason. UTF-8 (with
 * or without a BOM) and UTF-16 with a BOM (little- or big-endian, as Windows tools write it) are read.
 * Anything but a regular file (a FIFO, a socket, a device) is refused before it is read: reading a FIFO
 * waits for a writer forever (issue 18). It is opened non-blocking and checked on the open handle, so it
 * cannot be swapped in between the check and the read.
 */
export async function readSourceText(file: string): Promise<SourceText> {
  let bytes: Buffer;
  try {
    const handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const kind = describeNonRegular(await handle.stat());
      if (kind) return { ok: false, reason: `skipped: ${kind}, not a regular file` };
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { ok: false, reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  const bom = bytes.length >= 2 ? (bytes[0]! << 8) | bytes[1]! : 0;
  if (bom === 0xfffe || bom === 0xfeff) return decodeUtf16(bytes, bom === 0xfffe ? 'le' : 'be');
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  // decoded once (a corpus file is tens of MB, read on the bot's main thread), then checked
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, reason: `invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}` };
  }
  if (text.trim() === '' || text === '\uFEFF') return { ok: false, reason: 'empty file' };
  return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}

function decodeUtf16(bytes: Buffer, order: 'le' | 'be'): SourceText {
  const body = bytes.subarray(2);
  if (body.length % 2 !== 0) return { ok: false, reason: `invalid UTF-16${order.toUpperCase()}: odd number of bytes` };
  // big-endian: swap each pair into a copy and decode as little-endian
  const le = order === 'le' ? body : Buffer.from(body).swap16();
  let text: string;
  try {
    text = utf16.decode(le);
  } catch {
    return { ok: false, reason: `invalid UTF-16${order.toUpperCase()} (unpaired surrogate)` };
  }
  if (text.trim() === '') return { ok: false, reason: 'empty file' };
  if (text.includes('\0')) return { ok: false, reason: 'binary file (contains NUL characters)' };
  return { ok: true, text };
}

function firstInvalidUtf8(bytes: Buffer): number {
  // Bisect to the first prefix that fails to decode: good enough for a message, and rare.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}
