/**
 * A string → postings map kept in typed arrays (open addressing over an ASCII key blob), so the
 * gazetteer index is loaded by wrapping a file buffer instead of building hundreds of thousands of
 * JS strings and Map entries (issue 6: a JS Map of the whole file took 1.4 s and 160 MB).
 */

/** FNV-1a over UTF-16 code units (keys are ASCII, so it equals the byte hash). */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The arrays of one key index, as written to and read from the cache file. */
export interface KeyIndexArrays {
  /** Offsets of each key in `keyBlob`; length keys+1. */
  keyOff: Uint32Array;
  keyBlob: Uint8Array;
  /** Offsets of each key's postings; length keys+1. */
  postOff: Uint32Array;
  postings: Int32Array;
  /** Open-addressing table: key index + 1, 0 = empty. Length is a power of two. */
  table: Int32Array;
}

/** Build the arrays from a map of key → postings (keys must be ASCII). Deterministic: keys sorted. */
export function buildKeyIndex(map: ReadonlyMap<string, readonly number[]>): KeyIndexArrays {
  const keys = [...map.keys()].sort();
  const keyOff = new Uint32Array(keys.length + 1);
  const postOff = new Uint32Array(keys.length + 1);
  let blobLen = 0;
  let postLen = 0;
  for (const k of keys) {
    blobLen += k.length;
    postLen += map.get(k)?.length ?? 0;
  }
  const keyBlob = new Uint8Array(blobLen);
  const postings = new Int32Array(postLen);
  let b = 0;
  let p = 0;
  keys.forEach((k, i) => {
    keyOff[i] = b;
    for (let j = 0; j < k.length; j++) keyBlob[b++] = k.charCodeAt(j);
    postOff[i] = p;
    for (const v of map.get(k) ?? []) postings[p++] = v;
  });
  keyOff[keys.length] = b;
  postOff[keys.length] = p;
  let size = 1;
  while (size < keys.length * 2) size <<= 1;
  const table = new Int32Array(size);
  const mask = size - 1;
  keys.forEach((k, i) => {
    let slot = hashKey(k) & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = i + 1;
  });
  return { keyOff, keyBlob, postOff, postings, table };
}

/** Read access over the arrays: exact lookup, key text, prefix search over a sorted key list. */
export class KeyIndex {
  readonly size: number;
  private readonly mask: number;

  constructor(private readonly a: KeyIndexArrays) {
    this.size = a.keyOff.length - 1;
    this.mask = a.table.length - 1;
  }

  /** Index of the key, or -1. */
  find(key: string): number {
    if (key.length === 0) return -1;
    const { table, keyOff, keyBlob } = this.a;
    let slot = hashKey(key) & this.mask;
    for (;;) {
      const v = table[slot] ?? 0;
      if (v === 0) return -1;
      const k = v - 1;
      const s = keyOff[k] ?? 0;
      const e = keyOff[k + 1] ?? 0;
      if (e - s === key.length) {
        let same = true;
        for (let j = 0; j < key.length; j++) {
          if (keyBlob[s + j] !== key.charCodeAt(j)) {
            same = false;
            break;
          }
        }
        if (same) return k;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** Postings of a key index. */
  postingsOf(k: number): Int32Array {
    return this.a.postings.subarray(this.a.postOff[k] ?? 0, this.a.postOff[k + 1] ?? 0);
  }

  lookup(key: string): Int32Array | null {
    const k = this.find(key);
    return k < 0 ? null : this.postingsOf(k);
  }

  keyAt(k: number): string {
    const s = this.a.keyOff[k] ?? 0;
    const e = this.a.keyOff[k + 1] ?? 0;
    return String.fromCharCode(...this.a.keyBlob.subarray(s, e));
  }

  /** Keys are stored sorted, so a prefix is a contiguous run: first key index >= prefix. */
  lowerBound(prefix: string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keyAt(mid) < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
