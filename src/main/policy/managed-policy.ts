/**
 * The policy in force, as the app and the command line use it — kept apart from the merge and
 * its validation (zod), so a command line that only prints its help never loads them.
 */
import type { PolicyProblem } from './policy-document';
import type { PolicyValues } from './policy-keys';

export interface ManagedPolicy {
  locked: PolicyValues;
  recommended: PolicyValues;
  /** Where each applied key was read: `GatewayUrl` and `Recommended.Language` alike. */
  origin: Record<string, string>;
  problems: PolicyProblem[];
  /** Every place a policy document was found (even one with problems). */
  sources: string[];
}

export const NO_POLICY: ManagedPolicy = Object.freeze({
  locked: Object.freeze({}) as PolicyValues,
  recommended: Object.freeze({}) as PolicyValues,
  origin: Object.freeze({}) as Record<string, string>,
  problems: [],
  sources: [],
});
