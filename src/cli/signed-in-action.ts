/**
 * The shape of every one-shot command: sign in, act, print the outcome, sign out — or, with
 * --hold, keep the session (and what the action started) until a stop signal first. What the
 * action started (an inspection) is released before sign-out either way: the gateway refuses
 * to sign out an inspector who is still in a QC call (100-010). Release and sign-out are
 * clean-up steps, so a signal at any moment runs them too. The exit code is the action's, or
 * the sign-out's when the action succeeded but the sign-out was refused or failed.
 */
import type { CommandContext, InspectorSession } from './cli-context';
import { EXIT_CODE, type ExitCode } from './cli-error';

export interface ActionResult {
  /** Extra fields of the JSON result (`ok` and `command` are added). */
  fields: Record<string, unknown>;
  text: string | readonly string[];
}

export interface SignedInAction {
  /** Checks the arguments before anything reaches the network (throws on bad input). */
  before?: () => unknown;
  command: string;
  target: string | null;
  act(session: InspectorSession): Promise<ActionResult>;
  /** Ends what the action started (cancels the inspection) before sign-out; says what it did. */
  release?: (session: InspectorSession) => Promise<string>;
  /** --hold: keep the session alive (event poll) until a stop signal before releasing. */
  hold?: boolean;
}

/** Runs one action in its own signed-in session; never throws. */
export async function runSignedInAction(
  context: CommandContext,
  action: SignedInAction,
): Promise<ExitCode> {
  const { output } = context;
  let session: InspectorSession;
  try {
    action.before?.();
    session = await context.signIn();
  } catch (error) {
    return output.printFailure(error, action.command, action.target);
  }
  let code: ExitCode;
  try {
    code = await actAndRelease(context, session, action);
  } finally {
    const signedOut = await context.signOut(session);
    // (A throw above propagates; otherwise a refused sign-out decides a successful run's code.)
    code ??= EXIT_CODE.ok;
    if (code === EXIT_CODE.ok) code = signedOut;
  }
  return code;
}

async function actAndRelease(
  context: CommandContext,
  session: InspectorSession,
  action: SignedInAction,
): Promise<ExitCode> {
  const { output, t } = context;
  // Stopped while signing in: nothing is started; the clean-up signs out.
  if (context.stopRequested) return EXIT_CODE.ok;
  const acting = action.act(session);
  // Whatever the action started is released before sign-out, also when a signal comes
  // while it is on its way (the release then waits for its answer).
  // (Only actions that start something wait for their answer: a slow listing is not waited for.)
  const release = action.release
    ? context.cleanup.add(async () => {
        const started = await acting.then(
          () => true,
          () => false,
        );
        return started ? releaseStarted(context, session, action) : EXIT_CODE.ok;
      })
    : async () => EXIT_CODE.ok;
  let result: ActionResult;
  try {
    result = await acting;
  } catch (error) {
    return output.printFailure(error, action.command, action.target);
  }
  output.printSuccess(action.command, { target: action.target, ...result.fields }, result.text);
  if (action.hold) {
    const lost = await context.keepAlive(session, { note: t('hold.note') });
    if (lost !== null) return output.printFailure(lost, action.command, action.target);
  }
  return release();
}

async function releaseStarted(
  context: CommandContext,
  session: InspectorSession,
  action: SignedInAction,
): Promise<ExitCode> {
  if (!action.release) return EXIT_CODE.ok;
  try {
    const done = await action.release(session);
    context.output.printNote(
      `cc-inspector: ${done}${action.hold ? '' : context.t('hold.keepItOpen')}`,
    );
    return EXIT_CODE.ok;
  } catch (error) {
    return context.output.printFailure(error, action.command, action.target);
  }
}
