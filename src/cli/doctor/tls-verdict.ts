/**
 * What the TLS facts mean for the gateway client: it trusts the system roots plus --ca and
 * checks the host name, unless a pin is given, which replaces both (see node-fetch.ts).
 */
import { formatFingerprint } from '../../main/gateway/transport/certificate-pin';
import { tr } from '../cli-i18n';
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
    tr('tls.issuedBy', { subject: facts.subject, issuer: facts.issuer }),
    tr('tls.validUntil', {
      date: facts.validTo.toISOString().slice(0, 10),
      days: daysLeft,
    }) + (facts.protocol ? `, ${facts.protocol}` : ''),
    tr('tls.fingerprint', { fingerprint }),
  ];
  const pinWith = `--pin ${facts.fingerprintSha256}`;
  const problems: string[] = [];
  let fix: string | null = null;
  const expired = facts.validTo.getTime() < now;
  const notYetValid = facts.validFrom.getTime() > now;

  if (pinSha256 !== null) {
    if (facts.fingerprintSha256 !== pinSha256) {
      problems.push(
        tr('tls.pinMismatch', { pinned: formatFingerprint(pinSha256), shown: fingerprint }),
      );
      fix = tr('tls.fix.pinMismatch', { pinWith });
    } else {
      details.push(tr('tls.pinMatches'));
    }
  } else {
    if (!facts.chainTrusted)
      problems.push(tr('tls.notTrusted', { reason: facts.chainError ?? tr('tls.unknownIssuer') }));
    if (facts.hostnameError) problems.push(tr('tls.wrongHost', { reason: facts.hostnameError }));
    if (problems.length > 0) {
      fix = tr('tls.fix.untrusted', { pinWith });
    }
  }
  if (expired || notYetValid) {
    // With a pin the client does not check dates, so it is a warning there.
    if (pinSha256 === null) problems.push(tr(expired ? 'tls.expired' : 'tls.notYetValid'));
    else details.push(tr(expired ? 'tls.warnExpired' : 'tls.warnNotYetValid'));
    fix ??= tr('tls.fix.dates');
  }
  if (problems.length > 0)
    return { status: 'failed', details: [...problems, ...details], fix, daysLeft };
  if (expired || notYetValid || daysLeft < EXPIRY_WARNING_DAYS) {
    return {
      status: 'warning',
      details,
      fix: fix ?? tr('tls.fix.expiresSoon', { days: daysLeft }),
      daysLeft,
    };
  }
  return { status: 'ok', details, fix: null, daysLeft };
}
