/**
 * The JSON body of sign-in / forced sign-in (§3.1), built from validated options. The
 * password is only ever put into this body, never into a header, a log or an error.
 */
import { CCGW_STATUS } from '../../../shared/gateway-protocol/gateway-status-codes';
import type { InitialAgentStatus, SignInOptions } from '../gateway-types';
import { invalidArgument, validatePassword, validatePhoneNumber } from './gateway-validators';

/** The sign-in `status` field takes the CC-Gateway status codes as numbers (§3.1). */
const STATUS_CODES: Record<InitialAgentStatus, number> = {
  busy: Number(CCGW_STATUS.busy),
  idle: Number(CCGW_STATUS.idle),
  'wrap-up': Number(CCGW_STATUS.wrapUp),
};

function refuse(interfaceName: string, message: string): never {
  throw invalidArgument(interfaceName, message);
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
