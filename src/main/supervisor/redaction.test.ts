import { describe, expect, it } from 'vitest';
import {
  createRedactingLogger,
  REDACTED,
  redactFields,
  redactSecrets,
  redactText,
  redactValue,
} from './redaction';

const GUID = '3f2b9c1e-7d4a-4e8b-9a61-0c5d2e7f8a90.AgentGateway2';

describe('redactText', () => {
  it.each([
    ['Cookie: JSESSIONID=A1B2C3D4E5; Path=/', `Cookie: JSESSIONID=${REDACTED}; Path=/`],
    [`guid ${GUID} accepted`, `guid ${REDACTED} accepted`],
    ['{"password":"s3cret!","workNo":"1001"}', `{"password":${REDACTED},"workNo":"1001"}`],
    ["login password='hunter2' ok", `login password=${REDACTED} ok`],
    ['?guid=abc123&x=1', `?guid=${REDACTED}&x=1`],
    ['Guid: 0123456789abcdef0123.AgentGateway', `Guid: ${REDACTED}`],
    ['agentPassword=p@ss word', `agentPassword=${REDACTED} word`],
  ])('scrubs %j', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it('leaves ordinary text alone', () => {
    const text =
      'GUID invalidated (100-006), re-signing in; agent 1001 idle; passwordDaysRemaining is 5';
    expect(redactText(text)).toBe(text);
  });
});

describe('redactValue', () => {
  it('blanks secret-named fields at any depth and scrubs strings, without touching the input', () => {
    const input = {
      workNo: '1001',
      password: 'hunter2',
      headers: { Guid: GUID, Cookie: 'JSESSIONID=xyz', 'Content-Type': 'application/json' },
      history: [{ note: `used ${GUID}` }],
      passwordRemembered: null,
    };
    expect(redactValue(input)).toEqual({
      workNo: '1001',
      password: REDACTED,
      headers: { Guid: REDACTED, Cookie: REDACTED, 'Content-Type': 'application/json' },
      history: [{ note: `used ${REDACTED}` }],
      passwordRemembered: null,
    });
    expect(input.password).toBe('hunter2');
  });

  it('scrubs error messages and stacks and survives cycles', () => {
    const error = new Error(`sign-in failed for guid=${GUID}`);
    const redacted = redactValue(error) as Error;
    expect(redacted.message).toBe(`sign-in failed for guid=${REDACTED}`);
    expect(redacted.stack).not.toContain('3f2b9c1e');
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(redactValue(cyclic)).toEqual({ name: 'loop', self: '[circular]' });
  });
});

describe('redactSecrets, redactFields and the redacting logger', () => {
  it('scrubs GUIDs, JSESSIONID values and known secrets', () => {
    const text =
      'Set-GUID: JSESSIONID=abc123; guid 0f8fad5b-d9cb-469f-a165-70867728950e.AgentGateway1 pw hunter22';
    expect(redactSecrets(text, ['hunter22'])).toBe(
      'Set-GUID: JSESSIONID=[redacted]; guid [redacted] pw [redacted]',
    );
  });

  it('drops secret-named fields and keeps the rest', () => {
    expect(
      redactFields({
        password: 'x',
        Guid: 'y',
        workNo: '1002',
        error: new Error('bad 0f8fad5b-d9cb-469f-a165-70867728950e'),
      }),
    ).toEqual({
      password: '[redacted]',
      Guid: '[redacted]',
      workNo: '1002',
      error: 'Error: bad [redacted]',
    });
  });

  it('the redacting logger scrubs message and fields', () => {
    const lines: string[] = [];
    const sink = (message: string, fields?: Record<string, unknown>): void =>
      void lines.push(`${message} ${JSON.stringify(fields)}`);
    const logger = createRedactingLogger(
      { debug: sink, info: sink, warn: sink, error: sink },
      () => ['topsecret'],
    );
    logger.warn('login with topsecret', { cookie: 'route=1', note: 'topsecret again' });
    expect(lines).toEqual([
      'login with [redacted] {"cookie":"[redacted]","note":"[redacted] again"}',
    ]);
  });
});

describe('the two strengths of text scrubbing', () => {
  it('keeps sentences for people readable, while log text loses assigned values too', () => {
    const sentence = 'Invalid password: it is longer than 32 characters.';
    expect(redactSecrets(sentence)).toBe(sentence);
    expect(redactText(sentence)).toBe(
      `Invalid password: ${REDACTED} is longer than 32 characters.`,
    );
    expect(redactText('token=abc', ['abc'])).toBe(`token=${REDACTED}`);
  });
});
