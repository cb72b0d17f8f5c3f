/**
 * The account flows' rules about where a password may go: the address policy (shared with the
 * CLI and the renderer), which keychain entry belongs to the configured gateway and trust, what
 * identifies that trust (a change of it needs the person), and how it is shown in the native
 * confirmation.
 */
import { createHash, X509Certificate } from 'node:crypto';
import type { Settings } from '../../../shared/domain';
import { judgeGatewayAddress } from '../../../shared/gateway-address-policy';
import type { CommandError } from '../../../shared/ipc/contract';
import type { CredentialTrust } from '../../credentials/credential-account';
import { formatFingerprint } from '../../gateway/transport/certificate-pin';
import { commandError } from '../command-errors';
import type { CertificateLook, TrustChange } from '../ports';

type GatewaySettings = Settings['gateway'];

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/** Why a password may not go to `url` under the configured trust; null when it may. */
export function refuseAddress(
  url: string,
  gateway: GatewaySettings,
  field: string,
): CommandError | null {
  const verdict = judgeGatewayAddress(url, gateway);
  if (verdict.ok) return null;
  if (verdict.reason === 'http-with-tls-trust')
    return commandError(
      'insecure-gateway',
      'This address is plain HTTP, but a certificate pin or private CA is configured, which only TLS can check. Use the gateway’s https:// address.',
      '该地址是明文 HTTP，但已配置证书指纹或私有 CA，只有 TLS 才能校验。请使用网关的 https:// 地址。',
      null,
      field,
    );
  if (verdict.reason === 'insecure-http')
    return commandError(
      'insecure-gateway',
      'Plain HTTP would send the password in clear text, so it is refused. Use the gateway’s https:// address; only for a lab gateway, turn on “Allow plain HTTP” in Settings.',
      '明文 HTTP 会以明文发送密码，因此被拒绝。请使用网关的 https:// 地址；仅限实验网关时，可在设置中开启“允许明文 HTTP”。',
      null,
      field,
    );
  return commandError(
    'invalid-argument',
    'The gateway address is an https:// URL, e.g. https://gateway.example:8043.',
    '网关地址应为 https:// 地址，例如 https://gateway.example:8043。',
    null,
    field,
  );
}

/** The address is plain HTTP (allowed by the opt-in): no keychain, the password is typed. */
export function isInsecureAddress(url: string, gateway: GatewaySettings): boolean {
  const verdict = judgeGatewayAddress(url, gateway);
  return verdict.ok && verdict.insecure;
}

export const TYPE_PASSWORD_OVER_HTTP: CommandError = commandError(
  'no-password',
  'Over plain HTTP a remembered password is never used: type the password.',
  '使用明文 HTTP 时不会使用已保存的密码，请输入密码。',
  null,
  'password',
);

/** The answer size cap the configured gateway's transport gets, in bytes. */
export function answerLimitOf(gateway: GatewaySettings): number {
  return gateway.maxAnswerMiB * 1024 * 1024;
}

/** The trust a keychain entry of this gateway belongs to. */
export function credentialTrustOf(gateway: GatewaySettings): CredentialTrust {
  return { caPem: gateway.caPem, pinSha256: gateway.pinSha256 };
}

/** Origin of an address, lowercase; the text itself when it is not a URL. */
function originOf(url: string): string {
  try {
    return new URL(url.trim()).origin;
  } catch {
    return url.trim();
  }
}

/**
 * What identifies where a held password goes: the gateway's origin, the private CA, the pin and
 * the plain-HTTP opt-in. A change to any of them drops the password held in memory.
 */
export function trustIdentity(gateway: GatewaySettings): string {
  return JSON.stringify([
    originOf(gateway.url),
    gateway.caPem?.trim() ?? '',
    gateway.pinSha256?.replace(/:/g, '').trim().toLowerCase() ?? '',
    gateway.allowInsecureHttp,
  ]);
}

/** The change as the native confirmation shows it. */
export function describeTrustChange(
  gateway: GatewaySettings,
  presented: CertificateLook | null = null,
): TrustChange {
  const base = { gatewayUrl: gateway.url, inspectorId: gateway.inspectorId, presented };
  const pin = gateway.pinSha256?.replace(/:/g, '').trim().toLowerCase() ?? '';
  if (pin !== '') return { ...base, trust: 'pin', fingerprint: formatFingerprint(pin) };
  const ca = gateway.caPem?.match(PEM_BLOCK)?.[0];
  if (ca === undefined) return { ...base, trust: 'system', fingerprint: null };
  let fingerprint: string | null = null;
  try {
    fingerprint = formatFingerprint(
      createHash('sha256').update(new X509Certificate(ca).raw).digest('hex'),
    );
  } catch {
    fingerprint = null;
  }
  return { ...base, trust: 'private-ca', fingerprint };
}
