/**
 * Where to connect and as whom: the common options (`--gateway --agent --phone --ca --pin
 * --force-login --allow-insecure-http --max-answer-mib`) with the environment (`CC_INSPECTOR_*`)
 * as fallback. Flags win over the environment. Values are checked for shape here; the gateway
 * client checks them again. A plain-HTTP gateway is refused here, before anything is sent,
 * unless the person typed `--allow-insecure-http` (there is deliberately no environment
 * variable for it: the opt-in must be visible on the command line).
 */
import { readFileSync } from 'node:fs';
import { tr } from './cli-i18n';
import { judgeGatewayAddress } from '../shared/gateway-address-policy';
import { normalisePin } from '../main/gateway/transport/certificate-pin';
import { MAX_ANSWER_BYTES_CEILING } from '../main/gateway/transport/answer-limits';
import { CliError, createUsageError, EXIT_CODE } from './cli-error';

export interface ConnectionFlags {
  gateway?: string;
  agent?: string;
  phone?: string;
  ca?: string;
  pin?: string;
  forceLogin?: boolean;
  allowInsecureHttp?: boolean;
  maxAnswerMib?: string;
}

export interface ConnectionSettings {
  gatewayUrl: string;
  agentId: string;
  /** Null when neither --phone nor CC_INSPECTOR_PHONE is given; sign-in then refuses. */
  phoneNumber: string | null;
  caPem: string | null;
  /** 64 lowercase hex digits. */
  pinSha256: string | null;
  forceLogin: boolean;
  /** The gateway is plain HTTP (allowed by --allow-insecure-http): no keychain, ever. */
  insecureHttp: boolean;
  /** Cap of one answer (--max-answer-mib); undefined: the transport's default. */
  maxAnswerBytes: number | undefined;
}

/** Environment variables read as fallbacks of the common options. */
export const ENVIRONMENT_VARIABLES = {
  gateway: 'CC_INSPECTOR_GATEWAY',
  agent: 'CC_INSPECTOR_AGENT',
  phone: 'CC_INSPECTOR_PHONE',
  ca: 'CC_INSPECTOR_CA',
  pin: 'CC_INSPECTOR_PIN',
  password: 'CC_INSPECTOR_PASSWORD',
} as const;

/** Reads the common options (and their environment fallbacks) into settings, or a usage error. */
export function resolveConnectionSettings(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv,
  readText: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): ConnectionSettings {
  const pick = (key: keyof typeof ENVIRONMENT_VARIABLES & keyof ConnectionFlags): string | null => {
    const flag = flags[key];
    const value = typeof flag === 'string' ? flag : env[ENVIRONMENT_VARIABLES[key]];
    return value === undefined || value.trim() === '' ? null : value.trim();
  };
  const gatewayUrl = pick('gateway');
  if (gatewayUrl === null) throw createUsageError(tr('settings.noGateway'));
  const agentId = pick('agent');
  if (agentId === null) throw createUsageError(tr('settings.noAgent'));
  const caPath = pick('ca');
  const pin = pick('pin');
  const pinSha256 = pin === null ? null : normalisePin(pin);
  const insecureHttp = checkAddress(gatewayUrl, {
    allowInsecureHttp: flags.allowInsecureHttp === true,
    hasCa: caPath !== null,
    pinSha256,
  });
  return {
    gatewayUrl,
    agentId,
    phoneNumber: pick('phone'),
    caPem: caPath === null ? null : readCaFile(caPath, readText),
    pinSha256,
    forceLogin: flags.forceLogin === true,
    insecureHttp,
    maxAnswerBytes: readAnswerLimit(flags.maxAnswerMib),
  };
}

/** Whether the address is plain HTTP (allowed); refuses it when it may not carry a password. */
function checkAddress(
  gatewayUrl: string,
  options: { allowInsecureHttp: boolean; hasCa: boolean; pinSha256: string | null },
): boolean {
  const verdict = judgeGatewayAddress(gatewayUrl, {
    allowInsecureHttp: options.allowInsecureHttp,
    caPem: options.hasCa ? 'configured' : null,
    pinSha256: options.pinSha256,
  });
  if (verdict.ok) return verdict.insecure;
  if (verdict.reason === 'not-a-url')
    throw createUsageError(tr('settings.notUrl', { value: JSON.stringify(gatewayUrl) }));
  if (verdict.reason === 'http-with-tls-trust')
    throw new CliError(
      'insecure-gateway',
      tr('settings.httpWithTrust', { gateway: gatewayUrl }),
      EXIT_CODE.usage,
    );
  throw new CliError(
    'insecure-gateway',
    tr('settings.plainHttp', { gateway: gatewayUrl }),
    EXIT_CODE.usage,
  );
}

/** --max-answer-mib: whole MiB from 1 to the ceiling. */
function readAnswerLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ceilingMib = MAX_ANSWER_BYTES_CEILING / (1024 * 1024);
  const mib = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || mib < 1 || mib > ceilingMib)
    throw createUsageError(
      tr('usage.wholeNumber', {
        flag: '--max-answer-mib',
        value: JSON.stringify(value),
        min: 1,
        max: ceilingMib,
      }),
    );
  return mib * 1024 * 1024;
}

/** The phone number sign-in needs, or a usage error saying how to give it. */
export function requirePhoneNumber(settings: ConnectionSettings): string {
  if (settings.phoneNumber === null) {
    throw createUsageError(tr('settings.noPhone'));
  }
  return settings.phoneNumber;
}

function readCaFile(path: string, readText: (path: string) => string): string {
  let text: string;
  try {
    text = readText(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError('file', tr('settings.caUnreadable', { path, reason }), EXIT_CODE.usage, {
      cause: error,
    });
  }
  if (!/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(text)) {
    throw new CliError('file', tr('settings.caNotPem', { path }), EXIT_CODE.usage);
  }
  return text;
}
