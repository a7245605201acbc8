/**
 * A tiny container for the gazetteer cache: a JSON header (small tables) plus named typed-array
 * sections, 8-byte aligned so they can be viewed in place without copying.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';

type Typed = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float32Array;
type TypedName = 'u8' | 'u16' | 'i32' | 'u32' | 'f32';

const MAGIC = 0x5a474c44; // "DLGZ"

interface SectionInfo {
  name: string;
  type: TypedName;
  offset: number;
  length: number;
}

function typeName(a: Typed): TypedName {
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Uint32Array) return 'u32';
  return 'f32';
}

export function writeSectionFile(path: string, meta: unknown, sections: Record<string, Typed>): void {
  const infos: SectionInfo[] = [];
  let offset = 0;
  for (const [name, arr] of Object.entries(sections)) {
    infos.push({ name, type: typeName(arr), offset, length: arr.length });
    offset += Math.ceil(arr.byteLength / 8) * 8;
  }
  const header = Buffer.from(JSON.stringify({ meta, sections: infos }), 'utf8');
  const headerPadded = Math.ceil((12 + header.length) / 8) * 8;
  const out = Buffer.alloc(headerPadded + offset);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(1, 4);
  out.writeUInt32LE(header.length, 8);
  header.copy(out, 12);
  for (const info of infos) {
    const arr = sections[info.name];
    if (!arr) continue;
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(out, headerPadded + info.offset);
  }
  // Write then rename: two processes building at once never leave a half-written cache.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, out);
  renameSync(tmp, path);
}

export interface SectionFile {
  meta: unknown;
  u8(name: string): Uint8Array;
  u16(name: string): Uint16Array;
  i32(name: string): Int32Array;
  u32(name: string): Uint32Array;
  f32(name: string): Float32Array;
}

/**
 * The header's `meta` of a section file, read without the sections, or null when the file is not a
 * whole section file (another format, or cut short): whether a cache can be used, at the cost of a
 * few kilobytes of reading instead of the whole file.
 */
export function readSectionMeta(path: string): unknown {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const head = Buffer.alloc(12);
    if (readSync(fd, head, 0, 12, 0) < 12 || head.readUInt32LE(0) !== MAGIC) return null;
    const headerLen = head.readUInt32LE(8);
    const json = Buffer.alloc(headerLen);
    if (readSync(fd, json, 0, headerLen, 12) < headerLen) return null;
    const header = JSON.parse(json.toString('utf8')) as { meta: unknown; sections: SectionInfo[] };
    const base = Math.ceil((12 + headerLen) / 8) * 8;
    const end = Math.max(base, ...header.sections.map((s) => base + s.offset + s.length * BYTES[s.type]));
    return fstatSync(fd).size >= end ? header.meta : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

const BYTES: Record<TypedName, number> = { u8: 1, u16: 2, i32: 4, u32: 4, f32: 4 };

export function readSectionFile(path: string): SectionFile {
  const file = readFileSync(path);
  // Copy into an 8-aligned ArrayBuffer we own (Buffer pools may start at any offset).
  const buf = new ArrayBuffer(file.length);
  new Uint8Array(buf).set(file);
  const view = new DataView(buf);
  if (view.getUint32(0, true) !== MAGIC) throw new Error(`${path} is not a gazetteer cache file`);
  const headerLen = view.getUint32(8, true);
  const header = JSON.parse(Buffer.from(buf, 12, headerLen).toString('utf8')) as { meta: unknown; sections: SectionInfo[] };
  const base = Math.ceil((12 + headerLen) / 8) * 8;
  const byName = new Map(header.sections.map((s) => [s.name, s]));
  const get = (name: string, type: TypedName): SectionInfo => {
    const s = byName.get(name);
    if (!s || s.type !== type) throw new Error(`gazetteer cache: missing section ${name} (${type})`);
    return s;
  };
  return {
    meta: header.meta,
    u8: (n) => {
      const s = get(n, 'u8');
      return new Uint8Array(buf, base + s.offset, s.length);
    },
    u16: (n) => {
      const s = get(n, 'u16');
      return new Uint16Array(buf, base + s.offset, s.length);
    },
    i32: (n) => {
      const s = get(n, 'i32');
      return new Int32Array(buf, base + s.offset, s.length);
    },
    u32: (n) => {
      const s = get(n, 'u32');
      return new Uint32Array(buf, base + s.offset, s.length);
    },
    f32: (n) => {
      const s = get(n, 'f32');
      return new Float32Array(buf, base + s.offset, s.length);
    },
  };
}
