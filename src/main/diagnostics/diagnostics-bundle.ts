/**
 * The diagnostics bundle: one zip a support case starts from, built the same way by the app
 * ("Export diagnostics…") and the CLI (`cc-inspector diagnostics --out FILE.zip`). Every text in
 * it is redacted again on the way in (the core's redaction: session tokens, `password=…`, fields
 * named like a secret, and the secrets the caller knows), so a log written before a redaction
 * rule existed, or a gateway echoing a password, still cannot leak through it. Call parties'
 * numbers in the journal tail are masked unless the person asked for them.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { JournalEntry } from '../../shared/domain';
import { redactText, redactValue } from '../supervisor/redaction';
import type { ManagedPolicy } from '../policy/policy-merge';

/** Journal entries in the bundle: the newest this many. */
export const JOURNAL_TAIL_ENTRIES = 200;
/** Log files in the bundle: the newest this many. */
export const LOG_FILES_IN_BUNDLE = 5;

export interface BundleLogFile {
  name: string;
  text: string;
}

export interface BundleInputs {
  createdAt: Date;
  /** Who made it: `app` or `cli`. */
  producer: 'app' | 'cli';
  versions: Record<string, string>;
  /** The effective settings (app) or connection settings (CLI); never holds a secret. */
  settings: unknown;
  policy: ManagedPolicy;
  /** Anything else worth knowing (connection state, update state). */
  state?: Record<string, unknown>;
  logFiles: readonly BundleLogFile[];
  doctor: unknown;
  journal: readonly JournalEntry[];
  includeCallParties: boolean;
  /** Secrets the caller knows (password, current GUID): scrubbed from every file. */
  knownSecrets: readonly string[];
  /** Notes for the reader, e.g. "no log folder found". */
  notes?: readonly string[];
}

export interface DiagnosticsBundle {
  bytes: Uint8Array;
  files: string[];
}

/** A phone-number-like run of digits (7 or more, optionally with + and separators). */
const NUMBER_LIKE = /\+?\d[\d\s-]{5,}\d/g;

/** The journal's tail with call parties' numbers masked (agent ids are 3–6 digits, kept). */
export function journalTail(
  entries: readonly JournalEntry[],
  includeCallParties: boolean,
): JournalEntry[] {
  const tail = entries.slice(-JOURNAL_TAIL_ENTRIES);
  if (includeCallParties) return tail.map((entry) => ({ ...entry }));
  const mask = (text: string | null): string | null =>
    text === null ? null : text.replace(NUMBER_LIKE, '[number]');
  return tail.map((entry) => ({
    ...entry,
    target: mask(entry.target),
    message: mask(entry.message),
  }));
}

function json(value: unknown, secrets: readonly string[]): string {
  return redactText(`${JSON.stringify(redactValue(value), null, 2)}\n`, secrets);
}

/** Builds the zip. Pure apart from fflate; the caller saves the bytes. */
export function buildDiagnosticsBundle(inputs: BundleInputs): DiagnosticsBundle {
  const secrets = inputs.knownSecrets.filter((secret) => secret.length >= 4);
  const mtime = inputs.createdAt;
  const files: Record<string, string> = {
    'README.txt': readme(inputs),
    'versions.json': json(inputs.versions, secrets),
    'settings.json': json(inputs.settings, secrets),
    'policy.json': json(
      {
        sources: inputs.policy.sources,
        locked: inputs.policy.locked,
        recommended: inputs.policy.recommended,
        origin: inputs.policy.origin,
        problems: inputs.policy.problems,
      },
      secrets,
    ),
    'state.json': json(inputs.state ?? {}, secrets),
    'doctor.json': json(inputs.doctor, secrets),
    'journal-tail.json': json(journalTail(inputs.journal, inputs.includeCallParties), secrets),
  };
  for (const log of inputs.logFiles.slice(0, LOG_FILES_IN_BUNDLE)) {
    const name = log.name.replace(/[^\w.-]/g, '_').slice(0, 100);
    files[`logs/${name}`] = redactText(log.text, secrets);
  }
  const zippable: Zippable = {};
  for (const [name, text] of Object.entries(files)) zippable[name] = [strToU8(text), { mtime }];
  return { bytes: zipSync(zippable, { level: 6 }), files: Object.keys(files) };
}

function readme(inputs: BundleInputs): string {
  return [
    `CC Inspector diagnostics (${inputs.producer}), ${inputs.createdAt.toISOString()}`,
    '',
    'versions.json      app, Electron/Node and OS versions',
    'settings.json      the settings in force (no password: settings never hold one)',
    'policy.json        the administrator policy read at start, where from, and its problems',
    'state.json         connection and update state when the bundle was made',
    'doctor.json        a fresh doctor run against the configured gateway',
    `journal-tail.json  the newest ${JOURNAL_TAIL_ENTRIES} audit journal entries${inputs.includeCallParties ? '' : " (call parties' numbers masked)"}`,
    `logs/              the newest ${LOG_FILES_IN_BUNDLE} log files`,
    '',
    'Every file was redacted again when the bundle was made: session keys (GUIDs), cookies,',
    'password assignments and the secrets in use are replaced by [redacted].',
    ...(inputs.notes?.length ? ['', ...inputs.notes] : []),
    '',
  ].join('\n');
}
