/**
 * The `session` command's little language: one command per line, e.g. `listen 1002`,
 * `switch --to whisper`, `request-call 7788 --skill 3`. Parsing is pure; the session runner
 * decides what a command without a workNo acts on (the agent currently inspected).
 */
import { isStartAction, type StartAction } from '../shared/inspection-vocabulary';
import { tr } from './cli-i18n';

/** `switch --to` takes the start words: the mode that start leads to. */
export type SwitchTargetWord = StartAction;

export type SessionCommand =
  | { name: 'listen' | 'barge' | 'whisper' | 'cancel'; workNo: string | null }
  | { name: 'switch'; workNo: string | null; to: SwitchTargetWord | null }
  | { name: 'intercept'; workNo: string | null; callId: string | null }
  | { name: 'force-busy' | 'force-idle' | 'force-signout'; workNo: string }
  | { name: 'request-call'; callId: string; skillId: number }
  | { name: 'agents'; state: string | null }
  | { name: 'queue'; skillId: number | null }
  | { name: 'status' }
  | { name: 'help' }
  | { name: 'quit' };

export type SessionCommandName = SessionCommand['name'];

export type ParsedLine =
  | { kind: 'command'; command: SessionCommand }
  | { kind: 'blank' }
  | { kind: 'error'; message: string };

/** Command words and their aliases. */
const NAMES: Record<string, SessionCommandName> = {
  listen: 'listen',
  barge: 'barge',
  insert: 'barge',
  whisper: 'whisper',
  switch: 'switch',
  intercept: 'intercept',
  cancel: 'cancel',
  'request-call': 'request-call',
  'force-busy': 'force-busy',
  'force-idle': 'force-idle',
  'force-signout': 'force-signout',
  agents: 'agents',
  queue: 'queue',
  status: 'status',
  help: 'help',
  quit: 'quit',
  exit: 'quit',
};

/** Options each command accepts (`--to x` or `--to=x`). */
const OPTIONS: Partial<Record<SessionCommandName, readonly string[]>> = {
  switch: ['to'],
  intercept: ['call'],
  'request-call': ['skill'],
  agents: ['state'],
  queue: ['skill'],
};

const WORK_NO = /^\d{1,9}$/;
const SKILL_ID = /^\d{1,9}$/;

/** One line of help per command, shown by `help`. */
export function sessionHelp(): readonly string[] {
  return [
    `listen|barge|whisper [workNo]   ${tr('sessionHelp.start')}`,
    `switch [workNo] [--to listen|barge|whisper]   ${tr('sessionHelp.switch')}`,
    `intercept [workNo] [--call ID]   ${tr('sessionHelp.intercept')}`,
    `cancel [workNo]                  ${tr('sessionHelp.cancel')}`,
    `request-call CALLID --skill ID   ${tr('sessionHelp.requestCall')}`,
    'force-busy|force-idle|force-signout workNo',
    'agents [--state STATE]   queue [--skill ID]   status   help   quit',
    tr('sessionHelp.noWorkNo'),
  ];
}

/** Parses one line; blank lines and `#` comments give `blank`, mistakes give a message. */
export function parseSessionLine(line: string): ParsedLine {
  const words = line
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  const first = words[0];
  if (first === undefined || first.startsWith('#')) return { kind: 'blank' };
  const name = NAMES[first.toLowerCase()];
  if (name === undefined)
    return {
      kind: 'error',
      message: tr('parser.unknownCommand', { word: JSON.stringify(first) }),
    };
  const split = splitArguments(name, words.slice(1));
  if (typeof split === 'string') return { kind: 'error', message: split };
  const built = buildCommand(name, split.positionals, split.options);
  return typeof built === 'string'
    ? { kind: 'error', message: `${name}: ${built}` }
    : { kind: 'command', command: built };
}

function splitArguments(
  name: SessionCommandName,
  words: readonly string[],
): { positionals: string[]; options: Map<string, string> } | string {
  const allowed = OPTIONS[name] ?? [];
  const positionals: string[] = [];
  const options = new Map<string, string>();
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as string;
    if (!word.startsWith('--')) {
      positionals.push(word);
      continue;
    }
    const [key = '', inlineValue] = word.slice(2).split(/=(.*)/s, 2);
    if (!allowed.includes(key)) {
      return allowed.length
        ? tr('parser.unknownOptionAllowed', {
            name,
            key,
            allowed: allowed.map((option) => `--${option}`).join(', '),
          })
        : tr('parser.unknownOption', { name, key });
    }
    const value = inlineValue ?? words[++index];
    if (value === undefined || value === '') return tr('parser.needsValue', { name, key });
    options.set(key, value);
  }
  return { positionals, options };
}

function buildCommand(
  name: SessionCommandName,
  positionals: string[],
  options: Map<string, string>,
): SessionCommand | string {
  const first = positionals[0];
  const maxPositionals =
    name === 'status' || name === 'help' || name === 'quit' || name === 'agents' || name === 'queue'
      ? 0
      : 1;
  if (positionals.length > maxPositionals)
    return tr('parser.unexpected', { word: JSON.stringify(positionals[maxPositionals]) });
  const workNo = first ?? null;
  if (workNo !== null && name !== 'request-call' && !WORK_NO.test(workNo)) {
    return tr('parser.notAgentId', { word: JSON.stringify(workNo) });
  }
  switch (name) {
    case 'listen':
    case 'barge':
    case 'whisper':
    case 'cancel':
      return { name, workNo };
    case 'switch': {
      const to = options.get('to') ?? null;
      if (to !== null && !isStartAction(to)) return tr('parser.badTo');
      return { name, workNo, to };
    }
    case 'intercept':
      return { name, workNo, callId: options.get('call') ?? null };
    case 'force-busy':
    case 'force-idle':
    case 'force-signout':
      return workNo === null ? tr('parser.needsAgent') : { name, workNo };
    case 'request-call': {
      const skill = options.get('skill');
      if (workNo === null) return tr('parser.needsCall');
      if (skill === undefined || !SKILL_ID.test(skill)) return tr('parser.badSkill');
      return { name, callId: workNo, skillId: Number(skill) };
    }
    case 'agents':
      return { name, state: options.get('state') ?? null };
    case 'queue': {
      const skill = options.get('skill');
      if (skill !== undefined && !SKILL_ID.test(skill)) return tr('parser.badSkill');
      return { name, skillId: skill === undefined ? null : Number(skill) };
    }
    case 'status':
      return { name };
    case 'help':
      return { name };
    case 'quit':
      return { name };
  }
}
