import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Caller, CommandJson } from '../../core/command.js';
import type { CommandHandler } from '../../core/command-handler.js';
import { OptionType, commandNameOf } from '../../core/parse-command-line.js';
import type { Reply } from '../../core/reply.js';
import { sanitizeTerminalText } from '../../core/terminal-text.js';
import type { SendTarget, SentMessage, Transport } from '../transport.js';
import { renderReplyText } from './render-text.js';
import { saveReplyChart, saveReplyImage } from './save-image.js';

export interface ShellOptions {
  input: Readable;
  output: Writable;
  definitions: ReadonlyMap<string, CommandJson>;
  /** Who the shell user is; the shell user may configure everything. */
  caller: Caller;
  imageDir: string;
  /** Persist history across sessions (null: keep it in memory). */
  historyFile: string | null;
  /** Interactive terminals get a prompt and colours; streams in tests get neither. */
  terminal: boolean;
  /** Called when the user types `exit` or closes the input. */
  onClose?: () => void;
}

const HISTORY_SIZE = 500;

/**
 * A local chat shell, as Hubot's shell adapter: type `/where Raqqa`, see the reply. Lines are parsed
 * exactly as Discord fills options, then go through the same dispatcher as Discord interactions.
 */
export function createShellTransport(options: ShellOptions): Transport {
  const { output, definitions } = options;
  let rl: readline.Interface | null = null;
  let messageCounter = 0;
  let queue: Promise<void> = Promise.resolve();

  // Replies carry story text: escape codes in a headline must not reach the terminal (issue 18).
  const write = (text: string): void => {
    output.write(`${sanitizeTerminalText(text)}\n`);
  };

  const show = (reply: Reply): void => {
    const imagePath = saveReplyImage(reply, options.imageDir);
    write(renderReplyText(reply, imagePath, saveReplyChart(reply, options.imageDir)));
  };

  const completer = (line: string): [string[], string] => {
    const tokens = line.split(/\s+/);
    if (tokens.length <= 1) {
      const names = [...[...definitions.keys()].map((n) => `/${n}`), 'help', 'exit'];
      return [names.filter((n) => n.startsWith(line.trim())), line.trim()];
    }
    const name = commandNameOf(line);
    const def = name ? definitions.get(name) : undefined;
    if (!def) return [[], line];
    const last = tokens[tokens.length - 1] ?? '';
    const subs = (def.options ?? []).filter((o) => o.type === OptionType.Subcommand);
    if (subs.length > 0 && tokens.length === 2) return [subs.map((s) => s.name).filter((s) => s.startsWith(last)), last];
    const sub = subs.find((s) => s.name === tokens[1]);
    const optionDefs = sub ? (sub.options ?? []) : (def.options ?? []);
    return [optionDefs.map((o) => `${o.name}:`).filter((o) => o.startsWith(last)), last];
  };

  const handleLine = async (line: string, handler: CommandHandler): Promise<void> => {
    const trimmed = line.trim();
    if (trimmed === '') return;
    if (/^(exit|quit|\/exit|\/quit)$/i.test(trimmed)) {
      rl?.close();
      return;
    }
    try {
      // (`help`, `?` and `/?` are /help, the command every transport has; leaving is the shell's own)
      const asked = /^\/?(help|\?)$/i.test(trimmed) ? '/help' : trimmed;
      show(await handler.answer({ line: asked, caller: options.caller }));
      if (asked === '/help') write('exit — leave the shell');
    } catch (error) {
      write(`✖ ${(error as Error).message}`);
    }
  };

  return {
    start(handler) {
      // The executor turns a synchronous throw (an unreadable history file) into a rejection, as `async` did.
      return new Promise<void>((resolve) => {
        const history = options.historyFile ? readHistory(options.historyFile) : [];
        rl = readline.createInterface({
          input: options.input,
          output: options.terminal ? output : undefined,
          terminal: options.terminal,
          completer,
          history,
          historySize: HISTORY_SIZE,
          prompt: 'dateline> ',
        });
        if (options.terminal) {
          write('Dateline shell. Type /help for commands, Tab to complete, exit to leave.');
          rl.prompt();
        }
        rl.on('line', (line) => {
          // One command at a time, in order, even when input arrives faster than replies.
          queue = queue
            .then(() => handleLine(line, handler))
            .then(() => {
              if (options.historyFile && line.trim()) appendHistory(options.historyFile, line.trim());
              if (options.terminal && rl) rl.prompt();
            });
        });
        rl.on('close', () => {
          rl = null;
          void queue.then(() => options.onClose?.());
        });
        resolve();
      });
    },

    send(target: SendTarget, reply: Reply): Promise<SentMessage> {
      return new Promise((resolve) => {
        messageCounter += 1;
        write(`\n[posted to #${target.channelId}]`);
        show(reply);
        if (options.terminal && rl) rl.prompt(true);
        resolve({ id: `shell-${messageCounter}` });
      });
    },

    async stop() {
      await queue;
      rl?.close();
      rl = null;
    },
  };
}

function readHistory(file: string): string[] {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).reverse().slice(0, HISTORY_SIZE);
  } catch {
    return [];
  }
}

function appendHistory(file: string, line: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.appendFileSync(file, `${line}\n`);
  } catch {
    // History is a convenience; a read-only data folder must not break the shell.
  }
}
