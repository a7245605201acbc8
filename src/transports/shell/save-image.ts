import fs from 'node:fs';
import path from 'node:path';
import type { Reply } from '../../core/reply.js';

/** Terminals cannot show a PNG: write it where the user can open it, and say where. */
export function saveReplyImage(reply: Reply, dir: string): string | null {
  if (!reply.image) return null;
  fs.mkdirSync(dir, { recursive: true });
  const safeName = reply.image.name.replace(/[^\w.-]+/g, '_');
  const file = path.join(dir, safeName);
  fs.writeFileSync(file, reply.image.png);
  return file;
}
