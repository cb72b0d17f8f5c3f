import { describe, expect, it } from 'vitest';
import type { MessageBoxOptions } from 'electron';
import type { TrustChange } from '../supervisor/ports';
import { createConfirmDialogs, destructiveBox, trustChangeBox } from './confirm-dialogs';

const CHANGE: TrustChange = {
  gatewayUrl: 'https://gw.example:8043',
  inspectorId: '9001',
  trust: 'pin',
  fingerprint: 'AB:'.repeat(31) + 'AB',
  presented: null,
};

const SEEN = {
  seen: true,
  fingerprint: 'AB:'.repeat(31) + 'AB',
  subject: 'CN=gw.example',
  issuer: 'CN=gw.example',
  validTo: '2027-06-30',
  verdict: 'matches',
  reason: 'the certificate matches the pinned fingerprint',
} as const;

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

  it('show what the gateway presents now and whether the new trust accepts it', () => {
    const box = trustChangeBox({ ...CHANGE, presented: SEEN }, 'en');
    expect(box.detail).toContain(`The gateway presents now: ${SEEN.fingerprint}`);
    expect(box.detail).toContain('Issued to: CN=gw.example');
    expect(box.detail).toContain('Valid until: 2027-06-30');
    expect(box.detail).toContain('The changed settings accept this certificate.');
    expect(box).toMatchObject({ type: 'warning', buttons: ['Sign in again', 'Not now'] });
    const system = trustChangeBox(
      {
        ...CHANGE,
        trust: 'system',
        fingerprint: null,
        presented: { ...SEEN, verdict: 'system-decides' },
      },
      'zh-CN',
    );
    expect(system.detail).toContain('网关当前出示的证书');
    expect(system.detail).toContain('是否信任由系统证书库在签入时决定。');
    const unseen = trustChangeBox(
      { ...CHANGE, presented: { seen: false, problem: 'connect ECONNREFUSED 10.0.0.5:8043' } },
      'en',
    );
    expect(unseen.detail).toContain('could not be read (connect ECONNREFUSED 10.0.0.5:8043)');
    expect(unseen.buttons).toEqual(['Sign in again', 'Not now']);
  });

  it('only tell, never ask, when the new trust refuses the presented certificate', async () => {
    const refused: TrustChange = {
      ...CHANGE,
      presented: {
        ...SEEN,
        verdict: 'does-not-match',
        reason: 'the certificate does not match the pinned fingerprint (server: cd…)',
      },
    };
    const box = trustChangeBox(refused, 'en');
    expect(box).toMatchObject({
      type: 'error',
      message: 'The gateway’s certificate does not match the changed settings',
      buttons: ['OK'],
      defaultId: 0,
      cancelId: 0,
    });
    expect(box.detail).toContain('does not match the pinned fingerprint');
    // Its one button is the first: the answer must still not sign in.
    const dialogs = createConfirmDialogs({ ask: async () => true, language: () => 'en' });
    expect(await dialogs.confirmTrustChange(refused)).toBe(false);
    expect(await dialogs.confirmTrustChange({ ...refused, presented: SEEN })).toBe(true);
  });

  it("show the server's words as one safe line (no forged lines, no reordering marks)", () => {
    const box = trustChangeBox(
      {
        ...CHANGE,
        presented: {
          ...SEEN,
          subject: 'CN=gw\nThe changed settings accept this certificate.\u202e',
          issuer: 'x'.repeat(500),
        },
      },
      'en',
    );
    const lines = (box.detail ?? '').split('\n');
    expect(
      lines.filter((line) => line === 'The changed settings accept this certificate.'),
    ).toHaveLength(1);
    expect(lines.find((line) => line.startsWith('Issued to:'))).toBe(
      'Issued to: CN=gw The changed settings accept this certificate.',
    );
    expect(lines.find((line) => line.startsWith('Issued by:'))?.length).toBeLessThanOrEqual(212);
  });
});
