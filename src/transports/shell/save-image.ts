import fs from 'node:fs';
import path from 'node:path';
import type { Reply, ReplyImage } from '../../core/reply.js';

/** Terminals cannot show a PNG: write it where the user can open it, and say where. */
export function saveReplyImage(reply: Reply, dir: string): string | null {
  return reply.image ? saveImage(reply.image, dir) : null;
}

/** The reply's small chart (`chart`), saved as its image is. */
export function saveReplyChart(reply: Reply, dir: string): string | null {
  return reply.chart ? saveImage(reply.chart, dir) : null;
}

function saveImage(image: ReplyImage, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const safeName = image.name.replace(/[^\w.-]+/g, '_');
  const file = path.join(dir, safeName);
  fs.writeFileSync(file, image.png);
  return file;
}
