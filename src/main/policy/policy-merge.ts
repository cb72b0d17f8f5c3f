/**
 * Several policy sources into one managed policy. Sources come in order of precedence (machine
 * before user: HKLM before HKCU, the device's managed preferences before the user's, the system
 * file before an extra file): per key the first source wins, and a locked key anywhere beats a
 * recommendation anywhere. Then the gateway rules of issue 9 apply to the result: a plain
 * http:// gateway address is kept only with AllowInsecureHttp=true and no CA or pin beside it.
 */
import { judgeGatewayAddress } from '../../shared/gateway-address-policy';
import { checkPolicyDocument } from './policy-document';
import type { ManagedPolicy } from './managed-policy';

export { NO_POLICY, type ManagedPolicy } from './managed-policy';

/** What a source adapter found in one place. */
export interface PolicySourceReading {
  /** Where, as an administrator would name it. */
  source: string;
  /** The document found there; undefined when there is no policy in that place. */
  document?: unknown;
  /** The place exists but could not be read or parsed. */
  error?: string;
}

/** Merges the readings (highest precedence first) into the managed policy. */
export function mergePolicySources(readings: readonly PolicySourceReading[]): ManagedPolicy {
  const policy: ManagedPolicy = {
    locked: {},
    recommended: {},
    origin: {},
    problems: [],
    sources: [],
  };
  for (const reading of readings) {
    if (reading.error !== undefined) {
      policy.sources.push(reading.source);
      policy.problems.push({
        source: reading.source,
        key: null,
        message: `The policy in ${reading.source} could not be read (${reading.error}); nothing from it was applied.`,
        messageZh: `无法读取 ${reading.source} 中的策略（${reading.error}），其中的内容均未应用。`,
      });
      continue;
    }
    if (reading.document === undefined) continue;
    policy.sources.push(reading.source);
    const checked = checkPolicyDocument(reading.document, reading.source);
    policy.problems.push(...checked.problems);
    for (const [key, value] of Object.entries(checked.locked)) {
      if (key in policy.locked) continue;
      policy.locked[key] = value;
      policy.origin[key] = reading.source;
    }
    for (const [key, value] of Object.entries(checked.recommended)) {
      if (key in policy.recommended) continue;
      policy.recommended[key] = value;
      policy.origin[`Recommended.${key}`] = reading.source;
    }
  }
  for (const key of Object.keys(policy.locked)) {
    if (key in policy.recommended) {
      delete policy.recommended[key];
      delete policy.origin[`Recommended.${key}`];
    }
  }
  dropRefusedAddresses(policy);
  return policy;
}

/** Issue 9's rule on the merged result: no plain-HTTP gateway without the opt-in, never with TLS trust. */
function dropRefusedAddresses(policy: ManagedPolicy): void {
  const levels = [
    { values: policy.locked, label: 'GatewayUrl', context: policy.locked },
    {
      values: policy.recommended,
      label: 'Recommended.GatewayUrl',
      context: { ...policy.recommended, ...policy.locked },
    },
  ];
  for (const { values, label, context } of levels) {
    const url = values.GatewayUrl;
    if (typeof url !== 'string') continue;
    const verdict = judgeGatewayAddress(url, {
      allowInsecureHttp: context.AllowInsecureHttp === true,
      caPem: typeof context.PrivateCaPem === 'string' ? context.PrivateCaPem : null,
      pinSha256: typeof context.CertificatePin === 'string' ? context.CertificatePin : null,
    });
    if (verdict.ok) continue;
    const source = policy.origin[label] ?? 'policy';
    delete values.GatewayUrl;
    delete policy.origin[label];
    const why =
      verdict.reason === 'http-with-tls-trust'
        ? {
            en: 'it is plain HTTP, but a private CA or certificate pin is set, which only TLS can check',
            zh: '该地址是明文 HTTP，但同时设置了私有 CA 或证书指纹，只有 TLS 才能校验',
          }
        : {
            en: 'it is plain HTTP and AllowInsecureHttp is not true (the password would cross the network in clear text)',
            zh: '该地址是明文 HTTP，且 AllowInsecureHttp 未设为 true（密码会以明文传输）',
          };
    policy.problems.push({
      source,
      key: label,
      message: `Policy ${label} was ignored: ${why.en}.`,
      messageZh: `策略项 ${label} 已忽略：${why.zh}。`,
    });
  }
}

/** Whether any policy applies at all. */
export function isManaged(policy: ManagedPolicy): boolean {
  return policy.sources.length > 0;
}
