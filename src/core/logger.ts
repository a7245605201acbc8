/**
 * Structured logs: one JSON object per line on stderr. Secrets are redacted by key and by value,
 * so a token can never reach the log even when it is part of an error message.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEY = /token|secret|password|authorization/i;

export interface LoggerOptions {
  level?: LogLevel;
  secrets?: readonly string[];
  write?: (line: string) => void;
  now?: () => Date;
}

/** Replace every occurrence of each secret (8+ characters) in `text`: what logs and crash output both go through. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length >= 8).reduce((acc, secret) => acc.split(secret).join('[redacted]'), text);
}

/**
 * The secrets a process holds in its environment: the values of keys that name a token, secret,
 * password or authorization (DISCORD_TOKEN, …), and the password of any URL in the environment
 * (a DATABASE_URL). Crash output is redacted with these even before config has loaded.
 */
export function secretsFromEnv(env: NodeJS.ProcessEnv): string[] {
  const secrets: string[] = [];
  for (const [key, value] of Object.entries(env)) {
    if (!value) continue;
    if (SECRET_KEY.test(key)) secrets.push(value);
    const password = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@\s]+)@/i.exec(value)?.[1];
    if (password) secrets.push(password, decodeURIComponentSafe(password));
  }
  return [...new Set(secrets)];
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const min = LEVELS[options.level ?? 'info'];
  const secrets = options.secrets ?? [];
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const now = options.now ?? (() => new Date());

  const redact = (text: string): string => redactSecrets(text, secrets);

  const log = (level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void => {
    if (LEVELS[level] < min) return;
    const entry: Record<string, unknown> = { time: now().toISOString(), level, msg };
    for (const [key, value] of Object.entries(fields)) {
      entry[key] = SECRET_KEY.test(key) ? '[redacted]' : value instanceof Error ? serializeError(value) : value;
    }
    write(redact(JSON.stringify(entry)));
  };

  return {
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
  };
}

function serializeError(error: Error): Record<string, unknown> {
  return { name: error.name, message: error.message, stack: error.stack };
}

/** A logger that keeps entries in memory: for tests and for quiet CLI runs. */
export function createMemoryLogger(): Logger & { entries: Record<string, unknown>[] } {
  const entries: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => entries.push(JSON.parse(line) as Record<string, unknown>) });
  return Object.assign(logger, { entries });
}
