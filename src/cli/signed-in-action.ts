/**
 * The shape of every one-shot command: sign in, act, print the outcome, sign out — or, with
 * --hold, keep the session (and what the action started) until SIGINT/SIGTERM first. What the
 * action started (an inspection) is released before sign-out either way: the gateway refuses
 * to sign out an inspector who is still in a QC call (100-010). The exit code is the action's.
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
  /** --hold: keep the session alive (event poll) until SIGINT/SIGTERM before releasing. */
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
  try {
    let result: ActionResult;
    try {
      result = await action.act(session);
    } catch (error) {
      return output.printFailure(error, action.command, action.target);
    }
    output.printSuccess(action.command, { target: action.target, ...result.fields }, result.text);
    if (action.hold) {
      const lost = await context.keepAlive(session, {
        note: 'cc-inspector: holding the session; press Ctrl+C to end it and sign out.',
      });
      if (lost !== null) return output.printFailure(lost, action.command, action.target);
    }
    return await release(context, session, action);
  } finally {
    await context.signOut(session);
  }
}

async function release(
  context: CommandContext,
  session: InspectorSession,
  action: SignedInAction,
): Promise<ExitCode> {
  if (!action.release) return EXIT_CODE.ok;
  try {
    const done = await action.release(session);
    context.output.printNote(
      `cc-inspector: ${done}${action.hold ? '' : ' (add --hold, or use `session`, to keep it open)'}`,
    );
    return EXIT_CODE.ok;
  } catch (error) {
    return context.output.printFailure(error, action.command, action.target);
  }
}
