import { GatewayError } from '../main/gateway/gateway-error';

/** Plain-words fixes for retcodes a supervisor or IT meets when starting out. */
const RETCODE_FIXES: Record<string, string> = {
  '100-002':
    'This inspector is signed in elsewhere (another PC or the desktop app). Add --force-login to take over that session; it signs the other one out.',
  '100-004':
    'Check the agent id and the password. A remembered password may be outdated: run `cc-inspector login --remember` with the current one.',
  '100-003':
    'The call platform (CTI) behind the gateway is down. Ask the contact-center administrator; retry later.',
  '100-020': 'Change the password in the agent workbench, then sign in again with the new one.',
  '110-016':
    'The account is locked after failed sign-ins. Ask the contact-center administrator to unlock it.',
  '100-001':
    'The gateway refused the sign-in data: check the phone number (--phone) and that the agent id exists.',
  '000-002':
    'A value in the request is out of range for this gateway: check the agent id (101–999999, or up to 59999 on older gateways).',
  '000-003': 'The session key was refused: sign in again.',
  '100-006':
    'The gateway has no session for this inspector (timed out or signed out elsewhere): sign in again.',
  '900-002':
    'This inspector has no quality-control right for that agent. Ask the administrator to grant it, or check the agent id.',
  '900-003':
    'The agent is not signed in or not reachable: check that the agent is online (`cc-inspector agents`).',
  '900-005':
    'The inspector must be idle first: cancel the current inspection (`cancel <workNo>`) or finish your own call, then try again.',
  '000-005': 'You cannot inspect yourself: give another agent id.',
  '000-007': 'The same request is still being processed: wait for it to finish.',
  '100-013':
    'The gateway does not accept this phone number for the inspector: check --phone (the number your softphone answers).',
  '100-014':
    "The phone number is outside the range configured for this inspector: use a number from the agent's configured range (--phone).",
  '100-015':
    'The inspector is signed in elsewhere and the gateway does not allow forcing it out: sign out there first.',
  '100-016': 'The gateway refused the client IP address: ask the administrator.',
  '100-012': "The gateway refused the agent type: check the inspector account's configuration.",
};

/** What to do about a class of retcodes without a fix of their own. */
const CLASS_FIXES: Record<string, string> = {
  'retry-later': 'The gateway asks to try again shortly; the session is kept.',
  'session-lost': 'The session is gone: sign in again.',
  'fatal-sign-in':
    'The sign-in cannot succeed until the account or its settings are fixed: ask the contact-center administrator.',
};

const KIND_FIXES: Partial<Record<GatewayError['kind'], string>> = {
  transport:
    'The gateway cannot be reached: check the address and port (--gateway), the network, VPN and firewall.',
  timeout:
    'The gateway did not answer in time: check the network path (proxy, VPN) and that the gateway is running.',
  tls: 'The TLS certificate is not trusted: pass the gateway CA with --ca FILE, or pin the certificate with --pin SHA256 (run `cc-inspector doctor` to see its fingerprint).',
  'http-status':
    'Something other than the CC-Gateway answered (a proxy or a wrong port?): check the address (default port 8043) and the path.',
  malformed:
    'The answer was not a CC-Gateway reply: check that --gateway points at the agent gateway (https://host:8043).',
};

/** The likely fix for a failure, in plain words, when there is a useful one to give. */
export function suggestFix(error: unknown): string | null {
  if (!(error instanceof GatewayError)) return null;
  if (error.kind === 'retcode' && error.retcode) {
    return (
      RETCODE_FIXES[error.retcode] ??
      (error.retcodeClass === null ? null : (CLASS_FIXES[error.retcodeClass] ?? null))
    );
  }
  if (error.kind === 'http-status' && error.needsSignIn)
    return 'The gateway (or its load balancer) refused the session: sign in again.';
  return KIND_FIXES[error.kind] ?? null;
}
