/**
 * The live session a one-off command acts on: the desktop app's, or `cc-inspector session
 * --serve`'s, found through the local control endpoint. It is used when it is signed in (or
 * reconnecting) as the inspector the command names — or when the command names none — and
 * not with --standalone. No endpoint, or nobody answering, means the command signs in itself.
 */
import {
  connectToControl,
  ControlLostError,
  ControlRefusedError,
  type ControlConnection,
} from '../main/control/control-client';
import { controlLocationOfThisProcess } from '../main/control/control-location';
import type { ControlOwner } from '../main/control/control-wire';
import type { AppStatus } from '../shared/domain';
import type { CommandArgs, CommandName, CommandResults } from '../shared/ipc/contract';
import type { CommandContext } from './cli-context';
import { CliError, EXIT_CODE } from './cli-error';
import { ENVIRONMENT_VARIABLES } from './connection-settings';
import { ContractFailure } from './output';

export interface LiveSession {
  owner: ControlOwner;
  status: AppStatus;
  /** Runs a contract command on the live session; a refusal is thrown as a ContractFailure. */
  call<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResults[N]>;
  close(): void;
}

/** The live session to act on, or null when the command should sign in itself. */
export async function findLiveSession(context: CommandContext): Promise<LiveSession | null> {
  if (context.flags.standalone === true) return null;
  let connection: ControlConnection | null;
  try {
    connection = await connectToControl(controlLocationOfThisProcess(context.environment.env));
  } catch {
    return null;
  }
  if (!connection) return null;
  context.cleanup.add(async () => connection.close());
  const call = async <N extends CommandName>(name: N, args: CommandArgs<N>) => {
    let result;
    try {
      result = await connection.call(name, args);
    } catch (error) {
      throw explainControlError(context, error);
    }
    if (!result.ok) throw new ContractFailure(result.error);
    return result.value;
  };
  const status = await call('app.getStatus', {});
  if (!isUsable(status, context)) {
    connection.close();
    return null;
  }
  return { owner: connection.info.owner, status, call, close: () => connection.close() };
}

/** Signed in (or getting there) as the inspector and gateway the command names, if any. */
function isUsable(status: AppStatus, context: CommandContext): boolean {
  const { connection } = status;
  if (connection.phase === 'signed-out' || connection.phase === 'failed') return false;
  if (connection.phase !== 'live') return true;
  const env = context.environment.env;
  const agent = context.flags.agent ?? env[ENVIRONMENT_VARIABLES.agent];
  const gateway = context.flags.gateway ?? env[ENVIRONMENT_VARIABLES.gateway];
  if (agent && agent.trim() !== connection.inspectorId) return false;
  if (gateway && originOf(gateway) !== originOf(connection.gatewayUrl)) return false;
  return true;
}

function originOf(url: string): string {
  try {
    const parsed = new URL(/^[a-z]+:\/\//i.test(url.trim()) ? url.trim() : `https://${url.trim()}`);
    return parsed.origin.toLowerCase();
  } catch {
    return url.trim().toLowerCase();
  }
}

function explainControlError(context: CommandContext, error: unknown): unknown {
  if (error instanceof ControlRefusedError)
    return new CliError('control-refused', context.t('live.refused'), EXIT_CODE.auth, {
      cause: error,
      hint: context.t('live.refusedFix'),
    });
  if (error instanceof ControlLostError)
    return new CliError('control-refused', context.t('live.lost'), EXIT_CODE.network, {
      cause: error,
    });
  return error;
}
