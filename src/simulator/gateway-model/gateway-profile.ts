/**
 * Gateway-version profiles: where Huawei's pages of the two generations disagree, the
 * simulator offers both behaviours, so the client is tested against each (issue 10).
 *
 * - `current` — the 2024-08 … 2025-12 pages (api-cec cec_07_04xx): agent ids 101–999999,
 *   events carry `eventGenTime` as a number, the target of a listen gets AgentOther_BeQcStart
 *   (qcType 8, as for insert on cec_07_0434), waitcallinfo answers an idle caller.
 * - `legacy` — the 2023-09 pages (cec_07_24xx, seeds 001–004): agent ids 101–59999, no
 *   `eventGenTime` ("newer versions also include it", cec_07_1274), listen triggers only the
 *   inspector's PhoneAlerting / PhoneOffhook / Busy (seed 001 lists no BeQcStart), and
 *   waitcallinfo enforces its prerequisite "the agent is not idle" (cec_07_1271).
 */

export type GatewayVersion = 'current' | 'legacy';

export const GATEWAY_VERSIONS: readonly GatewayVersion[] = ['current', 'legacy'];

export interface GatewayProfile {
  readonly version: GatewayVersion;
  /** Highest agent id the gateway accepts in a path (000-002 above it). */
  readonly agentIdMax: number;
  /** Events carry `eventGenTime` (ms since epoch, a number). */
  readonly eventGenTime: boolean;
  /** The listened-to agent gets AgentOther_BeQcStart. */
  readonly listenNotifiesTarget: boolean;
  /** waitcallinfo refuses a caller who is idle (100-009) — its documented prerequisite. */
  readonly waitingCallsNeedNonIdleCaller: boolean;
}

const PROFILES: Record<GatewayVersion, GatewayProfile> = {
  current: {
    version: 'current',
    agentIdMax: 999_999,
    eventGenTime: true,
    listenNotifiesTarget: true,
    waitingCallsNeedNonIdleCaller: false,
  },
  legacy: {
    version: 'legacy',
    agentIdMax: 59_999,
    eventGenTime: false,
    listenNotifiesTarget: false,
    waitingCallsNeedNonIdleCaller: true,
  },
};

/** The profile of a gateway version; throws a clear Error for an unknown name. */
export function gatewayProfile(version: string | undefined): GatewayProfile {
  const name = version ?? 'current';
  const profile = (PROFILES as Record<string, GatewayProfile | undefined>)[name];
  if (!profile)
    throw new Error(`Unknown gateway version '${name}' (known: ${GATEWAY_VERSIONS.join(', ')}).`);
  return profile;
}
