import { parseSessionLine } from './session-line-parser';

const command = (line: string) => {
  const parsed = parseSessionLine(line);
  if (parsed.kind !== 'command')
    throw new Error(`expected a command for ${line}, got ${JSON.stringify(parsed)}`);
  return parsed.command;
};
const error = (line: string) => {
  const parsed = parseSessionLine(line);
  if (parsed.kind !== 'error')
    throw new Error(`expected an error for ${line}, got ${JSON.stringify(parsed)}`);
  return parsed.message;
};

describe('parseSessionLine', () => {
  it('reads inspection commands with and without an agent id', () => {
    expect(command('listen 1002')).toEqual({ name: 'listen', workNo: '1002' });
    expect(command('  barge\t1003  ')).toEqual({ name: 'barge', workNo: '1003' });
    expect(command('insert 1003')).toEqual({ name: 'barge', workNo: '1003' });
    expect(command('whisper')).toEqual({ name: 'whisper', workNo: null });
    expect(command('cancel')).toEqual({ name: 'cancel', workNo: null });
    expect(command('LISTEN 1002')).toEqual({ name: 'listen', workNo: '1002' });
  });

  it('reads switch with --to in both spellings', () => {
    expect(command('switch')).toEqual({ name: 'switch', workNo: null, to: null });
    expect(command('switch --to whisper')).toEqual({ name: 'switch', workNo: null, to: 'whisper' });
    expect(command('switch 1002 --to=barge')).toEqual({
      name: 'switch',
      workNo: '1002',
      to: 'barge',
    });
    expect(error('switch --to insert')).toMatch(/--to is listen, barge or whisper/);
    expect(error('switch --to')).toMatch(/--to needs a value/);
  });

  it('reads intercept, request-call, force commands and lists', () => {
    expect(command('intercept')).toEqual({ name: 'intercept', workNo: null, callId: null });
    expect(command('intercept 1002 --call 1700000000-42')).toEqual({
      name: 'intercept',
      workNo: '1002',
      callId: '1700000000-42',
    });
    expect(command('request-call 1700000000-7 --skill 3')).toEqual({
      name: 'request-call',
      callId: '1700000000-7',
      skillId: 3,
    });
    expect(command('force-busy 1005')).toEqual({ name: 'force-busy', workNo: '1005' });
    expect(command('agents --state talking')).toEqual({ name: 'agents', state: 'talking' });
    expect(command('queue')).toEqual({ name: 'queue', skillId: null });
    expect(command('queue --skill 2')).toEqual({ name: 'queue', skillId: 2 });
    expect(command('status')).toEqual({ name: 'status' });
    expect(command('help')).toEqual({ name: 'help' });
    expect(command('quit')).toEqual({ name: 'quit' });
    expect(command('exit')).toEqual({ name: 'quit' });
  });

  it('skips blank lines and comments', () => {
    expect(parseSessionLine('')).toEqual({ kind: 'blank' });
    expect(parseSessionLine('   \t ')).toEqual({ kind: 'blank' });
    expect(parseSessionLine('# listen 1002 later')).toEqual({ kind: 'blank' });
  });

  it('explains every mistake instead of guessing', () => {
    expect(error('lisen 1002')).toMatch(/Unknown command "lisen"/);
    expect(error('listen abc')).toMatch(/"abc" is not an agent id/);
    expect(error('listen 1002 1003')).toMatch(/unexpected "1003"/);
    expect(error('listen 1002 --call 5')).toMatch(/unknown option --call/);
    expect(error('status now')).toMatch(/unexpected "now"/);
    expect(error('request-call 77')).toMatch(/--skill needs the skill queue id/);
    expect(error('request-call --skill 3')).toMatch(/needs the call id/);
    expect(error('request-call 77 --skill x')).toMatch(/--skill needs/);
    expect(error('force-idle')).toMatch(/needs the agent id/);
    expect(error('queue --skill -1')).toMatch(/--skill needs/);
  });
});
