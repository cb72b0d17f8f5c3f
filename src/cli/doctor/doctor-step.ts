/** One line of the doctor's checklist, and how the checklist is printed. */
import { formatDuration } from '../output';
import { tr } from '../cli-i18n';

export type StepStatus = 'ok' | 'warning' | 'failed' | 'skipped';

export type StepId = 'resolve' | 'connect' | 'tls' | 'sign-in' | 'poll' | 'sign-out';

export interface DoctorStep {
  id: StepId;
  title: string;
  status: StepStatus;
  /** Time the step took; null when skipped. */
  durationMs: number | null;
  /** What was found, one fact per line. */
  details: string[];
  /** The likely fix, in plain words, for a failure or warning. */
  fix: string | null;
  /** Machine-readable facts (addresses, fingerprint, expiry …) for --json. */
  facts: Record<string, unknown>;
}

/** A step's title in the language of this run. */
export function stepTitle(id: StepId): string {
  return tr(`doctor.step.${id}`);
}

const SYMBOLS: Readonly<Record<StepStatus, string>> = {
  ok: '✔',
  warning: '!',
  failed: '✘',
  skipped: '–',
};

/** The checklist as text: `✔ Title  detail  (12 ms)`, more details and the fix indented below. */
export function formatChecklist(heading: string, steps: readonly DoctorStep[]): string[] {
  const width = Math.max(...steps.map((step) => step.title.length));
  const lines = [heading];
  for (const step of steps) {
    const [first = '', ...more] = step.details;
    const took = step.durationMs === null ? '' : `  (${formatDuration(step.durationMs)})`;
    lines.push(`${SYMBOLS[step.status]} ${step.title.padEnd(width)}  ${first}${took}`.trimEnd());
    for (const detail of more) lines.push(`  ${' '.repeat(width)}  ${detail}`);
    if (step.fix) lines.push(`  ${' '.repeat(width)}  ${tr('output.fix')} ${step.fix}`);
  }
  return lines;
}

/** A step that did not run because an earlier one failed. */
export function skippedStep(id: StepId, reason = tr('doctor.skipped')): DoctorStep {
  return {
    id,
    title: stepTitle(id),
    status: 'skipped',
    durationMs: null,
    details: [reason],
    fix: null,
    facts: {},
  };
}
