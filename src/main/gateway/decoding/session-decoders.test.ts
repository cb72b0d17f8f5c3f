import { describe, expect, it } from 'vitest';
import { GatewayError } from '../gateway-error';
import { decodeGuidResult, decodeOwnStatus, decodeSignInResult } from './session-decoders';

function kindOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof GatewayError ? `${error.kind}: ${error.message}` : 'other';
  }
  return 'none';
}

describe('decodeSignInResult', () => {
  it('decodes the documented example with numeric strings and "true"/"false"', () => {
    const result = decodeSignInResult(
      {
        vdnid: 1,
        workno: '291',
        mediatype: 'TTF',
        loginTime: '1471585949806',
        isForceChange: 'false',
        serverName: 'AgentGateway',
        timeRemaining: '9',
      },
      '291',
      'login',
    );
    expect(result).toEqual({
      workNo: '291',
      vdnId: 1,
      loginTime: 1_471_585_949_806,
      passwordMustChange: false,
      serverName: 'AgentGateway',
      passwordDaysRemaining: 9,
    });
  });

  it('tolerates an absent or empty result and an empty timeRemaining', () => {
    expect(decodeSignInResult(undefined, '291', 'login')).toMatchObject({
      workNo: '291',
      vdnId: null,
      passwordMustChange: false,
    });
    expect(
      decodeSignInResult({ timeRemaining: '', isForceChange: true }, '291', 'login'),
    ).toMatchObject({
      workNo: '291',
      passwordDaysRemaining: null,
      passwordMustChange: true,
    });
  });

  it('rejects wrong types', () => {
    expect(kindOf(() => decodeSignInResult([], '291', 'login'))).toMatch(
      /malformed: .*result should be an object but is a list/,
    );
    expect(kindOf(() => decodeSignInResult({ vdnid: 'one' }, '291', 'login'))).toMatch(
      /result.vdnid should be a number/,
    );
    expect(kindOf(() => decodeSignInResult({ isForceChange: 'yes' }, '291', 'login'))).toMatch(
      /result.isForceChange/,
    );
  });
});

describe('decodeGuidResult', () => {
  it('reads result.guid with or without the JSESSIONID= prefix', () => {
    expect(decodeGuidResult({ guid: 'abc.AgentGateway0' }, 'updateGuid')).toBe('abc.AgentGateway0');
    expect(decodeGuidResult({ guid: 'JSESSIONID=abc.AgentGateway0' }, 'updateGuid')).toBe(
      'abc.AgentGateway0',
    );
  });

  it('rejects a missing or empty guid without quoting it', () => {
    expect(kindOf(() => decodeGuidResult({}, 'updateGuid'))).toMatch(
      /malformed: .*result.guid should be text but is nothing/,
    );
    expect(kindOf(() => decodeGuidResult({ guid: '' }, 'updateGuid'))).toMatch(
      /result.guid should be a session key/,
    );
    expect(kindOf(() => decodeGuidResult(undefined, 'updateGuid'))).toMatch(/malformed/);
  });
});

describe('decodeOwnStatus', () => {
  it('reads {agentState, isWorking} as numbers and booleans', () => {
    expect(decodeOwnStatus({ agentState: '16', isWorking: 'true' }, 'getAgentStatus')).toEqual({
      agentState: 16,
      isWorking: true,
    });
    expect(decodeOwnStatus({ agentState: 1, isWorking: false }, 'getAgentStatus')).toEqual({
      agentState: 1,
      isWorking: false,
    });
  });

  it('accepts a bare state number and null', () => {
    expect(decodeOwnStatus(4, 'getAgentStatus')).toEqual({ agentState: 4, isWorking: null });
    expect(decodeOwnStatus(null, 'getAgentStatus')).toEqual({ agentState: null, isWorking: null });
  });

  it('rejects an absent result or wrong types', () => {
    expect(kindOf(() => decodeOwnStatus(undefined, 'getAgentStatus'))).toMatch(/malformed/);
    expect(kindOf(() => decodeOwnStatus({ agentState: 'idle' }, 'getAgentStatus'))).toMatch(
      /result.agentState should be a number/,
    );
  });
});
