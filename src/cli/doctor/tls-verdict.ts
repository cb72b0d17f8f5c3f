/**
 * What the TLS facts mean for the gateway client: it trusts the system roots plus --ca and
 * checks the host name, unless a pin is given, which replaces both (see node-fetch.ts).
 */
import { formatFingerprint } from '../../main/gateway/transport/certificate-pin';
import type { TlsFacts } from './network-probes';
import type { StepStatus } from './doctor-step';

/** Fewer days of validity left than this give a warning. */
const EXPIRY_WARNING_DAYS = 14;

const DAY_MS = 86_400_000;

export interface TlsVerdict {
  status: Exclude<StepStatus, 'skipped'>;
  details: string[];
  fix: string | null;
  daysLeft: number;
}

/** Judges a handshake the way the client will (`pinSha256`: 64 lowercase hex or null). */
export function judgeTls(facts: TlsFacts, pinSha256: string | null, now: number): TlsVerdict {
  const daysLeft = Math.floor((facts.validTo.getTime() - now) / DAY_MS);
  const fingerprint = formatFingerprint(facts.fingerprintSha256);
  const details = [
    `${facts.subject} issued by ${facts.issuer}`,
    `valid until ${facts.validTo.toISOString().slice(0, 10)} (${daysLeft} days left)${facts.protocol ? `, ${facts.protocol}` : ''}`,
    `SHA-256 fingerprint ${fingerprint}`,
  ];
  const pinWith = `--pin ${facts.fingerprintSha256}`;
  const problems: string[] = [];
  let fix: string | null = null;
  const expired = facts.validTo.getTime() < now;
  const notYetValid = facts.validFrom.getTime() > now;

  if (pinSha256 !== null) {
    if (facts.fingerprintSha256 !== pinSha256) {
      problems.push(
        `pin mismatch: pinned ${formatFingerprint(pinSha256)}, the server shows ${fingerprint}`,
      );
      fix = `If the gateway's certificate was renewed on purpose, pin the new one with ${pinWith}; otherwise something between you and the gateway presents another certificate — do not sign in.`;
    } else {
      details.push('pin matches (the pin replaces CA and host-name checks)');
    }
  } else {
    if (!facts.chainTrusted) problems.push(`not trusted: ${facts.chainError ?? 'unknown issuer'}`);
    if (facts.hostnameError) problems.push(`wrong host name: ${facts.hostnameError}`);
    if (problems.length > 0) {
      fix = `Trust the gateway's CA with --ca FILE (PEM, ask IT for it), or pin this certificate with ${pinWith} after checking the fingerprint with the gateway administrator.`;
    }
  }
  if (expired || notYetValid) {
    const when = expired ? 'expired' : 'not valid yet';
    // With a pin the client does not check dates, so it is a warning there.
    if (pinSha256 === null)
      problems.push(
        `the certificate has ${when === 'expired' ? 'expired' : 'a start date in the future'}`,
      );
    else details.push(`warning: the certificate is ${when}`);
    fix ??=
      'Renew the gateway certificate (gateway administrator), or check this computer’s clock.';
  }
  if (problems.length > 0)
    return { status: 'failed', details: [...problems, ...details], fix, daysLeft };
  if (expired || notYetValid || daysLeft < EXPIRY_WARNING_DAYS) {
    return {
      status: 'warning',
      details,
      fix:
        fix ??
        `The certificate expires in ${daysLeft} days: ask the gateway administrator to renew it (a pinned client needs the new fingerprint then).`,
      daysLeft,
    };
  }
  return { status: 'ok', details, fix: null, daysLeft };
}
