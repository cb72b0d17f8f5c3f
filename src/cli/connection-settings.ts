/**
 * Where to connect and as whom: the common options (`--gateway --agent --phone --ca --pin
 * --force-login`) with the environment (`CC_INSPECTOR_*`) as fallback. Flags win over the
 * environment. Values are checked for shape here; the gateway client checks them again.
 */
import { readFileSync } from 'node:fs';
import { normalisePin } from '../main/gateway/transport/certificate-pin';
import { CliError, createUsageError, EXIT_CODE } from './cli-error';

export interface ConnectionFlags {
  gateway?: string;
  agent?: string;
  phone?: string;
  ca?: string;
  pin?: string;
  forceLogin?: boolean;
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
  if (gatewayUrl === null)
    throw createUsageError(
      'No gateway: give --gateway https://host:8043 or set CC_INSPECTOR_GATEWAY.',
    );
  const agentId = pick('agent');
  if (agentId === null)
    throw createUsageError('No inspector agent id: give --agent ID or set CC_INSPECTOR_AGENT.');
  const caPath = pick('ca');
  const pin = pick('pin');
  return {
    gatewayUrl,
    agentId,
    phoneNumber: pick('phone'),
    caPem: caPath === null ? null : readCaFile(caPath, readText),
    pinSha256: pin === null ? null : normalisePin(pin),
    forceLogin: flags.forceLogin === true,
  };
}

/** The phone number sign-in needs, or a usage error saying how to give it. */
export function requirePhoneNumber(settings: ConnectionSettings): string {
  if (settings.phoneNumber === null) {
    throw createUsageError(
      'No phone number: give --phone NUMBER (the phone the inspection rings) or set CC_INSPECTOR_PHONE.',
    );
  }
  return settings.phoneNumber;
}

function readCaFile(path: string, readText: (path: string) => string): string {
  let text: string;
  try {
    text = readText(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(
      'file',
      `Cannot read the CA certificate file ${path}: ${reason}`,
      EXIT_CODE.usage,
      { cause: error },
    );
  }
  if (!/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(text)) {
    throw new CliError(
      'file',
      `${path} holds no PEM certificate (expected -----BEGIN CERTIFICATE-----).`,
      EXIT_CODE.usage,
    );
  }
  return text;
}
