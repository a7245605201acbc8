import { parseArgs } from 'node:util';
import os from 'node:os';
import { isCrashReply } from '../core/dispatch.js';
import { renderReplyText, replyToJson } from '../transports/shell/render-text.js';
import { saveReplyChart, saveReplyImage } from '../transports/shell/save-image.js';
import { ExitCode, println, type CliIo } from './cli-io.js';
import { openCliApp } from './open-app.js';

/** `dateline ask "/where Raqqa" [--json] [--db PATH]`: one command, exactly as Discord would run it. */
export async function runAsk(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, db: { type: 'string' } },
  });
  const line = positionals.join(' ').trim();
  if (!line) {
    println(io.stderr, 'Usage: dateline ask "/command option:value …" [--json] [--db PATH]');
    return ExitCode.userError;
  }
  const { app, config } = await openCliApp(io, values.db);
  try {
    const result = await app.handler.answer({
      line,
      caller: { userId: 'cli', userName: os.userInfo().username, channelId: config.shellChannelId, guildId: null, canManageGuild: true },
    });
    const imagePath = saveReplyImage(result, config.mapsDir);
    const chartPath = saveReplyChart(result, config.mapsDir);
    println(
      io.stdout,
      values.json ? JSON.stringify(replyToJson(result, imagePath, chartPath)) : renderReplyText(result, imagePath, chartPath),
    );
    if (isCrashReply(result)) return ExitCode.crash;
    return result.isError ? ExitCode.userError : ExitCode.ok;
  } finally {
    await app.close();
  }
}
