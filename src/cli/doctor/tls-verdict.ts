/**
 * What the TLS facts mean for the gateway client, by the rules its transport applies
 * (node-fetch.ts, leaf-checks.ts): the system roots plus --ca, and the host name, unless a pin
 * is given, which replaces the chain only — a pinned certificate must still name the host (SAN)
 * and be inside its dates. With --ca the leaf also gets the private-CA rules (SAN only, the
 * server-auth EKU, not a CA itself).
 */
import { X509Certificate } from 'node:crypto';
import { formatFingerprint } from '../../main/gateway/transport/certificate-pin';
import { findNameOrUseProblem } from '../../main/gateway/transport/leaf-checks';
import { tr } from '../cli-i18n';
import type { TlsFacts } from './network-probes';
import type { StepStatus } from './doctor-step';

/** Fewer days of validity left than this give a warning. */
const EXPIRY_WARNING_DAYS = 14;

const DAY_MS = 86_400_000;

/** What the client was told to trust, and the host it asked for. */
export interface TlsJudgement {
  /** 64 lowercase hex digits, or null. */
  pinSha256: string | null;
  /** A private CA was given (--ca): the leaf gets the private-CA rules. */
  caConfigured: boolean;
  hostname: string;
}

/** The leaf's problem under the transport's leaf rules (dates aside: reported on their own). */
function leafProblemOf(facts: TlsFacts, judgement: TlsJudgement): string | null {
  const leafPem = facts.chainPem[0];
  if (leafPem === undefined) return null;
  return findNameOrUseProblem(new X509Certificate(leafPem), judgement.hostname, {
    issuedByPrivateCa: judgement.pinSha256 === null,
  });
}

export interface TlsVerdict {
  status: Exclude<StepStatus, 'skipped'>;
  details: string[];
  fix: string | null;
  daysLeft: number;
}

/** Judges a handshake the way the client will. */
export function judgeTls(facts: TlsFacts, judgement: TlsJudgement, now: number): TlsVerdict {
  const { pinSha256 } = judgement;
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
      const problem = leafProblemOf(facts, judgement);
      if (problem !== null) {
        problems.push(tr('tls.leafRefused', { reason: problem }));
        fix = tr('tls.fix.leaf');
      }
    }
  } else {
    if (!facts.chainTrusted)
      problems.push(tr('tls.notTrusted', { reason: facts.chainError ?? tr('tls.unknownIssuer') }));
    // With --ca the transport names the host by SAN alone (and more): its rules, not Node's.
    const leafProblem = judgement.caConfigured ? leafProblemOf(facts, judgement) : null;
    if (leafProblem !== null) problems.push(tr('tls.leafRefused', { reason: leafProblem }));
    else if (!judgement.caConfigured && facts.hostnameError)
      problems.push(tr('tls.wrongHost', { reason: facts.hostnameError }));
    if (problems.length > 0) {
      fix =
        leafProblem !== null && facts.chainTrusted
          ? tr('tls.fix.leaf')
          : tr('tls.fix.untrusted', { pinWith });
    }
  }
  if (expired || notYetValid) {
    // Pinned or not, the client refuses a certificate outside its dates.
    problems.push(tr(expired ? 'tls.expired' : 'tls.notYetValid'));
    fix ??= tr('tls.fix.dates');
  }
  if (problems.length > 0)
    return { status: 'failed', details: [...problems, ...details], fix, daysLeft };
  if (daysLeft < EXPIRY_WARNING_DAYS) {
    return {
      status: 'warning',
      details,
      fix: tr('tls.fix.expiresSoon', { days: daysLeft }),
      daysLeft,
    };
  }
  return { status: 'ok', details, fix: null, daysLeft };
}
