/**
 * One sign-in with the takeover rule: a plain sign-in answered 100-002 (signed in elsewhere —
 * typically our own session that outlived a crash) is repeated once as forcelogin. Re-sign-ins
 * during recovery are forced from the start (our old session may still be half-alive).
 */
import type { SignInResult } from '../../gateway/gateway-types';
import type { Logger } from '../ports';
import { classifySignInFailure } from './session-policy';
import type { SessionGateway, SessionTarget } from './session-types';

/** Sign `client` in to `target`; `stillWanted` is asked before the forced retry. */
export async function signInTakingOver(
  client: SessionGateway,
  target: SessionTarget,
  force: boolean,
  stillWanted: () => boolean,
  logger: Logger,
): Promise<SignInResult> {
  const credentials = { password: target.password, phoneNumber: target.phoneNumber };
  try {
    return await client.signIn({ ...credentials, force });
  } catch (error) {
    if (force || classifySignInFailure(error, false) !== 'force' || !stillWanted()) throw error;
    logger.info('inspector already signed in elsewhere; forcing the sign-in');
    return client.signIn({ ...credentials, force: true });
  }
}
