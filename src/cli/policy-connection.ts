/**
 * The administrator's policy on the command line, the same policy the app reads: a locked
 * gateway, CA or pin is used, and a flag or environment variable that asks for another one is
 * refused (exit 2, naming the key and where it was set); presets fill in what was not given;
 * AllowInsecureHttp=false refuses --allow-insecure-http. The opt-in itself stays a visible
 * flag even where the policy allows plain HTTP. Issue 9's address rules still apply on top.
 */
import { judgeGatewayAddress } from '../shared/gateway-address-policy';
import type { ManagedPolicy } from '../main/policy/managed-policy';
import { normalisePin } from '../main/gateway/transport/certificate-pin';
import { tr } from './cli-i18n';
import { CliError, EXIT_CODE } from './cli-error';
import {
  ENVIRONMENT_VARIABLES,
  resolveConnectionSettings,
  type ConnectionFlags,
  type ConnectionSettings,
} from './connection-settings';

function lockedError(policy: ManagedPolicy, key: string, asked: string): CliError {
  return new CliError(
    'locked-by-policy',
    tr('policy.lockedFlag', {
      asked,
      key,
      origin: policy.origin[key] ?? 'policy',
      value:
        key === 'PrivateCaPem' ? tr('policy.theConfiguredCa') : JSON.stringify(policy.locked[key]),
    }),
    EXIT_CODE.usage,
  );
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** The connection settings under `policy` (see the file comment). */
export function resolveConnectionUnderPolicy(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv,
  policy: ManagedPolicy,
  readText?: (path: string) => string,
): ConnectionSettings {
  const { locked, recommended } = policy;
  const given = (flag: string | undefined, variable: string): string | undefined =>
    (flag ?? env[variable])?.trim() || undefined;

  const gateway = given(flags.gateway, ENVIRONMENT_VARIABLES.gateway);
  const lockedGateway = text(locked.GatewayUrl);
  if (lockedGateway && gateway && gateway !== lockedGateway)
    throw lockedError(policy, 'GatewayUrl', `--gateway ${gateway}`);

  const caPath = given(flags.ca, ENVIRONMENT_VARIABLES.ca);
  const lockedCa = text(locked.PrivateCaPem);
  if (lockedCa && caPath) throw lockedError(policy, 'PrivateCaPem', `--ca ${caPath}`);
  const policyCa = lockedCa ?? (caPath ? undefined : text(recommended.PrivateCaPem));

  const pin = given(flags.pin, ENVIRONMENT_VARIABLES.pin);
  const lockedPin = text(locked.CertificatePin);
  if (lockedPin && pin && normalisePin(pin) !== normalisePin(lockedPin))
    throw lockedError(policy, 'CertificatePin', `--pin ${pin}`);

  if (locked.AllowInsecureHttp === false && flags.allowInsecureHttp === true)
    throw lockedError(policy, 'AllowInsecureHttp', '--allow-insecure-http');

  const gatewayUrl = lockedGateway ?? gateway ?? text(recommended.GatewayUrl);
  const effectivePin = lockedPin ?? pin ?? text(recommended.CertificatePin);
  if (policyCa && gatewayUrl) {
    const verdict = judgeGatewayAddress(gatewayUrl, {
      allowInsecureHttp: flags.allowInsecureHttp === true,
      caPem: policyCa,
      pinSha256: effectivePin ?? null,
    });
    if (!verdict.ok && verdict.reason === 'http-with-tls-trust')
      throw new CliError(
        'insecure-gateway',
        tr('policy.httpWithPrivateCa', { gateway: gatewayUrl }),
        EXIT_CODE.usage,
      );
  }
  const settings = resolveConnectionSettings(
    { ...flags, gateway: gatewayUrl, pin: effectivePin, ca: policyCa ? undefined : flags.ca },
    policyCa ? { ...env, [ENVIRONMENT_VARIABLES.ca]: undefined } : env,
    readText,
  );
  return policyCa ? { ...settings, caPem: policyCa } : settings;
}

/** The policy's language (locked, else preset) as the CLI's default for --lang. */
export function policyLanguage(policy: ManagedPolicy): string | undefined {
  return text(policy.locked.Language) ?? text(policy.recommended.Language);
}
