import type { Reply } from '../../core/reply.js';

/**
 * A reply as plain terminal text: the same view Discord renders as an embed.
 * `imagePath` is where the transport saved the reply's PNG, if it had one.
 */
export function renderReplyText(reply: Reply, imagePath: string | null = null, chartPath: string | null = null): string {
  const lines: string[] = [];
  if (reply.title) lines.push(reply.isError ? `✖ ${reply.title}` : `■ ${reply.title}`);
  if (reply.url) lines.push(reply.url);
  if (reply.text) lines.push(reply.isError && !reply.title ? `✖ ${reply.text}` : reply.text);
  for (const field of reply.fields) {
    const value = field.value.includes('\n') ? `\n    ${field.value.split('\n').join('\n    ')}` : ` ${field.value}`;
    lines.push(`  • ${field.name}:${value}`);
  }
  if (reply.footer) lines.push(`  — ${reply.footer}`);
  if (imagePath) lines.push(`  [${reply.image?.label ?? 'map'} saved to ${imagePath}]`);
  if (chartPath) lines.push(`  [${reply.chart?.label ?? 'chart'} saved to ${chartPath}]`);
  return lines.join('\n');
}

/** The `--json` view: `{title, text, fields:[{name,value}], image?, chart?, data}`. */
export function replyToJson(reply: Reply, imagePath: string | null = null, chartPath: string | null = null): Record<string, unknown> {
  const json: Record<string, unknown> = {
    title: reply.title ?? null,
    text: reply.text,
    fields: reply.fields.map((f) => ({ name: f.name, value: f.value })),
  };
  if (reply.image) json.image = { name: reply.image.name, path: imagePath, description: reply.image.description ?? null };
  if (reply.chart) json.chart = { name: reply.chart.name, path: chartPath, description: reply.chart.description ?? null };
  json.data = reply.data;
  return json;
}
