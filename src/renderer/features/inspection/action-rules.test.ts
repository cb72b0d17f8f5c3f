// @vitest-environment node
import type {
  ConnectionState,
  InspectionView,
  InspectorMode,
  SupervisorAction,
} from '../../../shared/domain';
import { IDLE_INSPECTION } from '../../../shared/inspection-vocabulary';
import { makeAgent } from '../../../../test/support/renderer/fixtures';
import { checkAction, isDestructive, type ActionContext } from './action-rules';

const live: ConnectionState = {
  phase: 'live',
  gatewayUrl: 'https://gw',
  inspectorId: '9001',
  demo: false,
  lastDataAt: 0,
};

function context(
  mode: InspectorMode,
  patch: Partial<ActionContext> = {},
  inspection: Partial<InspectionView> = {},
): ActionContext {
  return {
    connection: live,
    inspection: {
      ...IDLE_INSPECTION,
      mode,
      targetWorkNo: mode === 'idle' ? null : '1002',
      ...inspection,
    },
    agent: makeAgent('1001', { state: 'talking' }),
    ...patch,
  };
}

const reasonOf = (action: SupervisorAction, ctx: ActionContext): string | null => {
  const result = checkAction(action, ctx);
  return result.allowed ? null : result.reason.key;
};

describe('checkAction', () => {
  it('lets an idle inspector listen, barge or whisper on a signed-in agent', () => {
    for (const action of ['listen', 'barge', 'whisper'] as const)
      expect(reasonOf(action, context('idle'))).toBeNull();
  });

  it('explains why a start is not possible', () => {
    expect(reasonOf('listen', context('listening'))).toBe('notIdle');
    expect(reasonOf('listen', context('talking'))).toBe('inCall');
    expect(reasonOf('barge', context('idle', { agent: null }))).toBe('noAgent');
    expect(
      reasonOf('whisper', context('idle', { agent: makeAgent('1001', { state: 'signed-out' }) })),
    ).toBe('agentSignedOut');
    expect(reasonOf('listen', context('idle', { agent: makeAgent('9001') }))).toBe('self');
  });

  it('allows switch only while listening or barged in', () => {
    expect(reasonOf('switch', context('listening'))).toBeNull();
    expect(reasonOf('switch', context('inserting'))).toBeNull();
    expect(reasonOf('switch', context('whispering'))).toBe('switchNeedsListenOrBarge');
    expect(reasonOf('switch', context('idle'))).toBe('switchNeedsListenOrBarge');
  });

  it('allows switching to another mode from any inspection', () => {
    expect(reasonOf('switch-to-whisper', context('listening'))).toBeNull();
    expect(reasonOf('switch-to-listen', context('whispering'))).toBeNull();
    expect(reasonOf('switch-to-listen', context('listening'))).toBe('alreadyInMode');
    expect(reasonOf('switch-to-barge', context('talking'))).toBe('notInspecting');
  });

  it('allows intercept and cancel only while inspecting', () => {
    for (const action of ['intercept', 'cancel'] as const) {
      expect(reasonOf(action, context('whispering'))).toBeNull();
      expect(reasonOf(action, context('idle'))).toBe('notInspecting');
      expect(reasonOf(action, context('talking'))).toBe('notInspecting');
    }
  });

  it('needs a selected, signed-in agent other than me for force actions', () => {
    expect(reasonOf('force-busy', context('listening'))).toBeNull();
    expect(reasonOf('force-idle', context('idle', { agent: null }))).toBe('noAgent');
    expect(
      reasonOf(
        'force-sign-out',
        context('idle', { agent: makeAgent('1001', { state: 'signed-out' }) }),
      ),
    ).toBe('agentSignedOut');
  });

  it('blocks everything while disconnected or while another action is pending', () => {
    const reconnecting: ConnectionState = {
      phase: 'reconnecting',
      reason: '',
      reasonZh: '',
      retcode: null,
      attempt: 1,
      nextAttemptAt: null,
      lastDataAt: null,
    };
    expect(reasonOf('listen', context('idle', { connection: reconnecting }))).toBe('notLive');
    const pending = checkAction('cancel', context('listening', {}, { pending: 'switch' }));
    expect(pending).toEqual({
      allowed: false,
      reason: { key: 'pending', params: { action: 'switch' } },
    });
  });

  it('lets an idle inspector take a queued call', () => {
    expect(reasonOf('request-call', context('idle', { agent: null }))).toBeNull();
    expect(reasonOf('request-call', context('listening'))).toBe('notIdle');
  });

  it('marks intercept and force sign-out as destructive', () => {
    expect(isDestructive('intercept')).toBe(true);
    expect(isDestructive('force-sign-out')).toBe(true);
    expect(isDestructive('cancel')).toBe(false);
  });
});
