import { describe, expect, it } from 'vitest';
import type { MessageBoxOptions } from 'electron';
import { createConfirmDialogs, destructiveBox, trustChangeBox } from './confirm-dialogs';

const CHANGE = {
  gatewayUrl: 'https://gw.example:8043',
  inspectorId: '9001',
  trust: 'pin' as const,
  fingerprint: 'AB:'.repeat(31) + 'AB',
};

describe('native confirmations', () => {
  it('show the new fingerprint, and "no" is the default and the Escape answer', () => {
    const box = trustChangeBox(CHANGE, 'en');
    expect(box.detail).toContain(`SHA-256 fingerprint: ${CHANGE.fingerprint}`);
    expect(box.detail).toContain('Gateway: https://gw.example:8043');
    expect(box.detail).toContain('a pinned certificate');
    expect(box).toMatchObject({ defaultId: 1, cancelId: 1, buttons: ['Sign in again', 'Not now'] });
    expect(trustChangeBox(CHANGE, 'zh-CN').detail).toContain('SHA-256 指纹');
    expect(
      trustChangeBox({ ...CHANGE, trust: 'system', fingerprint: null }, 'en').detail,
    ).not.toContain('SHA-256');
  });

  it('ask about an intercept from a hotkey naming the agent', () => {
    expect(
      destructiveBox({ action: 'intercept', workNo: '1001', source: 'hotkey' }, 'en'),
    ).toMatchObject({
      message: 'Take over the agent’s call?',
      detail: 'Agent 1001. Started with a global hotkey.',
      buttons: ['Intercept', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
    });
  });

  it('answer yes only for the first button', async () => {
    const shown: MessageBoxOptions[] = [];
    let response = 1;
    const dialogs = createConfirmDialogs({
      ask: async (box) => (shown.push(box), response === 0),
      language: () => 'en',
    });
    expect(await dialogs.confirmTrustChange(CHANGE)).toBe(false);
    response = 0;
    expect(await dialogs.confirmTrustChange(CHANGE)).toBe(true);
    expect(
      await dialogs.confirmDestructive({ action: 'intercept', workNo: null, source: 'tray' }),
    ).toBe(true);
    expect(shown).toHaveLength(3);
  });
});
