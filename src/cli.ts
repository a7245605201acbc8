import 'dotenv/config';
import { ConfigError } from './config.js';
import { redactSecrets, secretsFromEnv } from './core/logger.js';
import { StoreUnavailableError } from './store/store-location.js';
import { runAsk } from './cli/ask-command.js';
import { runDigest } from './cli/digest-command.js';
import { ExitCode, println, type CliIo } from './cli/cli-io.js';
import { runIngest } from './cli/ingest-command.js';
import { runShow } from './cli/show-command.js';
import { runExport } from './cli/export-command.js';
import { runFeed } from './cli/feed-command.js';
import { runReanalyze } from './cli/reanalyze-command.js';
import { runMigrate } from './cli/migrate-command.js';

const HELP = `dateline — the Dateline news bot's command-line tool

  dateline ingest PATH… [--json]        load stories (wire .txt, .ndjson, .json; folders recursively)
  dateline ask "/where Raqqa" [--json]  run one slash command and print the reply
  dateline show ID [--json]             everything stored for one story
  dateline export [--since DATE]        every stored story as NDJSON (the show --json object), oldest first
  dateline feed poll URL… [--json]      poll RSS/Atom feeds once (same tally as ingest); feed list: health
  dateline digest --at 1987-03-02T08:00 [--tz ZONE] [--about WORDS] [--json] [--all]
                                        the digest that would be posted at that moment (--all: every event)
  dateline reanalyze [--since DATE]     split sentences, find places and quotes again where an older analyzer
                                        stored them (resumable; safe while the bot runs)
  dateline migrate --from STORE --to STORE [--json]
                                        copy stories, subscriptions, the ledger and feeds (e.g. to postgres://…)

Every command takes --db PATH or a postgres:// URL (else DATELINE_DB, else DATABASE_URL, else data/dateline.db).
Exit codes: 0 answer, 1 user error or rejected input, 2 crash.`;

type Handler = (argv: string[], io: CliIo) => Promise<number>;

/** Sub-commands are registered by later features (digest, feed) here, one line each. */
export const cliCommands: Record<string, Handler> = {
  ingest: runIngest,
  ask: runAsk,
  show: runShow,
  export: runExport,
  feed: runFeed,
  digest: runDigest,
  reanalyze: runReanalyze,
  migrate: runMigrate,
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    println(io.stdout, HELP);
    return name ? ExitCode.ok : ExitCode.userError;
  }
  const handler = cliCommands[name];
  if (!handler) {
    println(io.stderr, `Unknown command "${name}".\n\n${HELP}`);
    return ExitCode.userError;
  }
  try {
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StoreUnavailableError) {
      println(io.stderr, redactSecrets(error.message, secretsFromEnv(io.env)));
      return ExitCode.userError;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      println(io.stderr, `${error.message}\n\n${HELP}`);
      return ExitCode.userError;
    }
    // the same redaction as the logs: a token inside an error message must not reach the terminal
    println(io.stderr, redactSecrets(`dateline ${name} crashed: ${(error as Error).stack ?? String(error)}`, secretsFromEnv(io.env)));
    return ExitCode.crash;
  }
}

// Run only as the entry point, not when imported by tests.
const entry = process.argv[1] ?? '';
if (/(?:^|[/\\])(?:cli\.[jt]s|dateline(?:\.js)?)$/.test(entry)) {
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    stderrIsTty: process.stderr.isTTY === true,
  });
  process.exitCode = code;
}
