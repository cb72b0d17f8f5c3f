/**
 * Removes secrets from anything about to be logged: fields named like a password, GUID, cookie
 * or token, and values that look like one (`JSESSIONID=…`, the gateway's GUID
 * `xxxxxxxx-xxxx-…(.AgentGatewayN)`, `password=…` / `"password":"…"` inside text). The gateway
 * client promises not to pass secrets; this is the second line of defence.
 */

export const REDACTED = '[redacted]';

/** Field names whose value is always a secret (case-insensitive, anywhere in the name). */
const SECRET_KEY = /pass(?:word|wd)?|pwd|guid|secret|token|cookie|session[-_]?id|authorization|credential/i;

/** Secret-looking substrings inside free text, each replaced in place. */
const SECRET_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // Cookies: JSESSIONID=abc…; any *session*=… cookie pair.
  [/\b(JSESSIONID|[A-Za-z_]*session[A-Za-z_]*)=[^;,\s"']+/gi, `$1=${REDACTED}`],
  // `"password": "…"`, `password=…`, `guid: …` in JSON, query strings or messages.
  [
    /((?:["']?)(?:pass(?:word|wd)?|pwd|guid|token|secret|authorization)(?:["']?)\s*[:=]\s*)(?:"[^"]*"|'[^']*'|[^\s,;&}"']+)/gi,
    `$1${REDACTED}`,
  ],
  // The gateway's GUID: a UUID, optionally with the `.AgentGatewayN` node suffix.
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\.AgentGateway\d*)?\b/gi, REDACTED],
  // A bare `something.AgentGateway3` node-qualified token of another shape.
  [/\b[\w-]{16,}\.AgentGateway\d*\b/g, REDACTED],
];

/** Replace secret-looking parts of a string. */
export function redactText(text: string): string {
  return SECRET_PATTERNS.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);
}

/**
 * A redacted deep copy of `value`: secret-named fields become `[redacted]`, strings are
 * scrubbed, errors keep their name and (scrubbed) message and stack. Cycles are cut.
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
    copy[key] = SECRET_KEY.test(key) && field !== null && field !== undefined ? REDACTED : redactValue(field, seen);
  }
  return copy;
}
