import { describe, expect, it } from 'vitest';
import {
  CertificatePinMismatchError,
  formatFingerprint,
  normalisePin,
  PIN_MISMATCH_CODE,
} from './certificate-pin';
import { GatewayError } from '../gateway-error';

const HEX = '84c957a7b7612a66a1bcffbd4d300fea9ab6d9010de20536955b76ca1cf4e92e';

describe('normalisePin', () => {
  it('accepts lowercase, uppercase and colon-separated hex', () => {
    expect(normalisePin(HEX)).toBe(HEX);
    expect(normalisePin(HEX.toUpperCase())).toBe(HEX);
    expect(normalisePin(formatFingerprint(HEX))).toBe(HEX);
    expect(normalisePin(`  ${HEX}\n`)).toBe(HEX);
  });

  it('accepts sha256/<base64>', () => {
    const base64 = Buffer.from(HEX, 'hex').toString('base64');
    expect(normalisePin(`sha256/${base64}`)).toBe(HEX);
    expect(normalisePin(`SHA256/${base64}`)).toBe(HEX);
  });

  it.each([
    '',
    HEX.slice(2),
    `${HEX}00`,
    `${HEX.slice(0, 62)}zz`,
    'AB:CD',
    `sha1/${Buffer.from('x'.repeat(20)).toString('base64')}`,
    'sha256/notbase64!',
    `${HEX.slice(0, 2)}::${HEX.slice(2)}`,
  ])('refuses %j with invalid-argument', (value) => {
    expect(() => normalisePin(value)).toThrow(GatewayError);
    try {
      normalisePin(value);
    } catch (error) {
      expect((error as GatewayError).kind).toBe('invalid-argument');
    }
  });
});

describe('CertificatePinMismatchError', () => {
  it('carries a code and both fingerprints in display form', () => {
    const error = new CertificatePinMismatchError(HEX, 'ab'.repeat(32));
    expect(error.code).toBe(PIN_MISMATCH_CODE);
    expect(error.message).toContain(formatFingerprint(HEX));
    expect(error.message).toContain(formatFingerprint('ab'.repeat(32)));
    expect(new CertificatePinMismatchError(HEX, '').message).toContain('no certificate');
  });
});
