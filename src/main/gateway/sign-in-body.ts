/**
 * The JSON body of sign-in / forced sign-in (§3.1), built from validated options. The
 * password is only ever put into this body, never into a header, a log or an error.
 */
import type { InitialAgentStatus, SignInOptions } from './gateway-types';
import { GatewayError } from './gateway-error';
import { validatePassword, validatePhoneNumber } from './gateway-validators';

const STATUS_CODES: Record<InitialAgentStatus, number> = { busy: 3, idle: 4, 'wrap-up': 5 };

function refuse(interfaceName: string, message: string): never {
  throw new GatewayError({ kind: 'invalid-argument', interfaceName, message });
}

function optionalFlag(
  value: unknown,
  field: string,
  fallback: boolean,
  interfaceName: string,
): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean')
    refuse(interfaceName, `Invalid ${field}: expected true or false.`);
  return value;
}

/** Validates the sign-in options and serialises the body. */
export function buildSignInBody(options: SignInOptions, interfaceName: string): string {
  if (typeof options !== 'object' || options === null)
    refuse(interfaceName, 'Invalid sign-in options: expected an object.');
  const initial = options.initialStatus ?? 'idle';
  if (!Object.hasOwn(STATUS_CODES, initial))
    refuse(interfaceName, 'Invalid initial status: use idle, busy or wrap-up.');
  const status = STATUS_CODES[initial];
  return JSON.stringify({
    password: validatePassword(options.password, interfaceName),
    phonenum: validatePhoneNumber(options.phoneNumber, interfaceName),
    autoanswer: optionalFlag(options.autoAnswer, 'autoAnswer', true, interfaceName),
    autoenteridle: true,
    releasephone: true,
    agenttype: 4,
    status,
    listenStatus: optionalFlag(options.listenStatus, 'listenStatus', true, interfaceName),
    // An inspector needs no chat or mail channel; not signing in there saves media licences.
    checkInWebm: false,
    checkInMailm: false,
  });
}
