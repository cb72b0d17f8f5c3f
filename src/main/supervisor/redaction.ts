/**
 * Last line of defence for secrets: text that leaves the core (log fields, notices, journal
 * messages) is scrubbed of GUID-shaped tokens, and log fields named like secrets are dropped.
 * The code never puts secrets there on purpose; this catches a gateway echoing one back.
 */
import type { Logger } from './ports';

// Gateway session ids look like a UUID, optionally with a `.AgentGatewayN` node suffix (§2).
const GUID_PATTERN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\.[A-Za-z]+\d*)?/gi;
const JSESSION_PATTERN = /JSESSIONID=[^;\s,]+/gi;
const SECRET_KEY = /pass(word)?|guid|secret|token|cookie|authorization/i;

/** Replace GUID-like tokens, `JSESSIONID=…` and the given known secrets with a marker. */
export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let result = text.replace(JSESSION_PATTERN, 'JSESSIONID=[redacted]').replace(GUID_PATTERN, '[redacted]');
  for (const secret of knownSecrets) {
    if (secret.length >= 4) result = result.split(secret).join('[redacted]');
  }
  return result;
}

/** Scrub log fields: drop secret-named keys, redact strings (nested objects one level deep). */
export function redactFields(fields: Record<string, unknown> | undefined, knownSecrets: readonly string[] = []): Record<string, unknown> | undefined {
  if (!fields) return undefined;
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_KEY.test(key)) {
      clean[key] = '[redacted]';
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
export function createRedactingLogger(inner: Logger, knownSecrets: () => readonly string[] = () => []): Logger {
  const wrap =
    (level: keyof Logger) =>
    (message: string, fields?: Record<string, unknown>): void => {
      const secrets = knownSecrets();
      inner[level](redactSecrets(message, secrets), redactFields(fields, secrets));
    };
  return { debug: wrap('debug'), info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}
