/**
 * Last line of defence for secrets, the one place that knows what a secret looks like: text
 * that leaves the core (log fields, notices, journal messages, command errors) is scrubbed of
 * session tokens (GUIDs, session cookies) and known secrets; logs are also scrubbed of
 * `password=…`-style assignments and of fields named like a secret. The code never puts
 * secrets there on purpose; this catches a gateway echoing one back.
 */
import type { Logger } from './ports';

export const REDACTED = '[redacted]';

/** Field names whose value is always a secret (case-insensitive, anywhere in the name). */
const SECRET_KEY =
  /pass(?:word|wd)?|pwd|guid|secret|token|cookie|session[-_]?id|authorization|credential/i;

/** Secret-shaped tokens, safe to scrub from any text (they never carry a readable meaning). */
const TOKEN_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // Cookies: JSESSIONID=abc…; any *session*=… cookie pair.
  [/\b(JSESSIONID|[A-Za-z_]*session[A-Za-z_]*)=[^;,\s"']+/gi, `$1=${REDACTED}`],
  // The gateway's GUID: a UUID, optionally with a node suffix such as `.AgentGateway1` (§2).
  [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\.[A-Za-z]+\d*)?/gi, REDACTED],
  // A node-qualified token of another shape (`<16+ characters>.AgentGateway3`).
  [/\b[\w-]{16,}\.AgentGateway\d*\b/g, REDACTED],
];

/**
 * `"password": "…"`, `password=…`, `guid: …` in JSON, query strings or log text. Only for logs:
 * in a sentence for people ("Invalid password: it is too long") it would eat a word.
 */
const ASSIGNMENT_PATTERN =
  /((?:["']?)(?:pass(?:word|wd)?|pwd|guid|token|secret|authorization)(?:["']?)\s*[:=]\s*)(?:"[^"]*"|'[^']*'|[^\s,;&}"']+)/gi;

/** Replace session tokens (GUIDs, session cookies) and the given known secrets with a marker. */
export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let result = TOKEN_PATTERNS.reduce(
    (current, [pattern, replacement]) => current.replace(pattern, replacement),
    text,
  );
  for (const secret of knownSecrets) {
    if (secret.length >= 4) result = result.split(secret).join(REDACTED);
  }
  return result;
}

/** For log text: redactSecrets plus the values of `password=…`-style assignments. */
export function redactText(text: string, knownSecrets: readonly string[] = []): string {
  return redactSecrets(text.replace(ASSIGNMENT_PATTERN, `$1${REDACTED}`), knownSecrets);
}

/**
 * A redacted deep copy of `value` for a log: secret-named fields become `[redacted]`, strings
 * are scrubbed (redactText), errors keep their name and scrubbed message and stack. Cycles are cut.
 */
export function redactValue(value: unknown, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) {
    const copy = new Error(redactText(value.message));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : redactText(value.stack);
    return copy;
  }
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    copy[key] =
      SECRET_KEY.test(key) && field !== null && field !== undefined
        ? REDACTED
        : redactValue(field, seen);
  }
  return copy;
}

/** Scrub log fields: secret-named keys blanked, strings and errors flattened to scrubbed text. */
export function redactFields(
  fields: Record<string, unknown> | undefined,
  knownSecrets: readonly string[] = [],
): Record<string, unknown> | undefined {
  if (!fields) return undefined;
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_KEY.test(key)) {
      clean[key] = REDACTED;
    } else if (typeof value === 'string') {
      clean[key] = redactSecrets(value, knownSecrets);
    } else if (value instanceof Error) {
      clean[key] = redactSecrets(`${value.name}: ${value.message}`, knownSecrets);
    } else {
      clean[key] = value;
    }
  }
  return clean;
}

/** A logger that scrubs every message and field before passing it on. */
export function createRedactingLogger(
  inner: Logger,
  knownSecrets: () => readonly string[] = () => [],
): Logger {
  type Level = 'debug' | 'info' | 'warn' | 'error';
  const writes = (level: Level): boolean => inner.writes?.(level) ?? true;
  const wrap =
    (level: Level) =>
    (message: string, fields?: Record<string, unknown>): void => {
      // Nothing to scrub when the entry goes nowhere (debug lines, on the hot path).
      if (!writes(level)) return;
      const secrets = knownSecrets();
      inner[level](redactSecrets(message, secrets), redactFields(fields, secrets));
    };
  return {
    debug: wrap('debug'),
    info: wrap('info'),
    warn: wrap('warn'),
    error: wrap('error'),
    writes,
  };
}
