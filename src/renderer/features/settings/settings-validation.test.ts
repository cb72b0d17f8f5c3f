// @vitest-environment node
import { makeSettings } from '../../../../test/support/renderer/fixtures';
import { createSettingsForm, validateSettings } from './settings-validation';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('validateSettings', () => {
  it('turns the saved settings back into the same patch', () => {
    const settings = makeSettings();
    const result = validateSettings(createSettingsForm(settings));
    expect(result).toEqual({
      ok: true,
      patch: {
        gateway: {
          url: settings.gateway.url,
          inspectorId: '9001',
          phoneNumber: '70001',
          caPem: null,
          pinSha256: null,
          allowInsecureHttp: false,
          maxAnswerMiB: 8,
        },
        alerts: settings.alerts,
        language: 'en',
        theme: 'system',
        demoMode: false,
        confirmDestructive: true,
        updates: { channel: 'stable' },
      },
    });
  });

  it('reports each bad field by its path', () => {
    const form = createSettingsForm(makeSettings());
    form.gatewayUrl = 'ftp://gw';
    form.inspectorId = '12';
    form.pinSha256 = 'abc';
    form.alerts.longCallSeconds = '5';
    form.alerts.longQueueWaitSeconds = 'soon';
    form.caPem = 'not a certificate';
    const result = validateSettings(form);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      'alerts.longCallSeconds',
      'alerts.longQueueWaitSeconds',
      'gateway.caPem',
      'gateway.inspectorId',
      'gateway.pinSha256',
      'gateway.url',
    ]);
    expect(result.errors['gateway.url']).toBe('settings.errors.gateway.url');
  });

  it('accepts a PEM CA, a pin with colons and spaces, and empty gateway fields', () => {
    const form = createSettingsForm(makeSettings());
    form.caPem = PEM;
    form.pinSha256 = ` ${'ab:'.repeat(31)}ab `;
    form.gatewayUrl = '';
    const result = validateSettings(form);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.patch.gateway).toMatchObject({
        caPem: PEM,
        pinSha256: `${'ab:'.repeat(31)}ab`,
        url: '',
      });
  });

  // Issue 9: the form refuses what main refuses, so the person sees why before saving.
  it('refuses plain HTTP without the opt-in, and with a pin or CA even with it', () => {
    const form = createSettingsForm(makeSettings());
    form.gatewayUrl = 'http://lab-gw:8000';
    expect(validateSettings(form)).toMatchObject({
      ok: false,
      errors: { 'gateway.url': 'settings.errors.gateway.insecureHttp' },
    });
    form.allowInsecureHttp = true;
    expect(validateSettings(form)).toMatchObject({
      ok: true,
      patch: { gateway: { url: 'http://lab-gw:8000', allowInsecureHttp: true } },
    });
    form.pinSha256 = 'ab'.repeat(32);
    expect(validateSettings(form)).toMatchObject({
      ok: false,
      errors: { 'gateway.url': 'settings.errors.gateway.httpWithTrust' },
    });
  });

  it('takes the answer size limit in whole MiB from 1 to 256', () => {
    const form = createSettingsForm(makeSettings());
    form.maxAnswerMiB = '64';
    expect(validateSettings(form)).toMatchObject({
      ok: true,
      patch: { gateway: { maxAnswerMiB: 64 } },
    });
    for (const bad of ['0', '257', 'lots', '1.5']) {
      form.maxAnswerMiB = bad;
      expect(validateSettings(form)).toMatchObject({
        ok: false,
        errors: { 'gateway.maxAnswerMiB': 'settings.errors.gateway.maxAnswerMiB' },
      });
    }
  });
});
