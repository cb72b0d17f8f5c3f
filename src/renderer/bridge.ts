/**
 * The one door to main. Every command the screen sends and every event it hears goes through
 * a Bridge built here from `window.inspector`. The bridge never rejects: a broken transport
 * becomes a typed CommandError like any other failure, so no caller can fail silently.
 */
import type {
  WindowCommandArgs,
  CommandError,
  CommandName,
  CommandResults,
  InspectorApi,
  Result,
} from '../shared/ipc/contract';

/** The contract's API, with the promise that it never rejects and isolates listeners. */
export type Bridge = InspectorApi;

/** The preload's API when the page runs inside the app; null in a plain browser. */
export function findInspectorApi(): InspectorApi | null {
  return typeof window !== 'undefined' && window.inspector ? window.inspector : null;
}

/** A CommandError for failures that happen before main could answer. */
function createTransportError(detail: string): CommandError {
  return {
    code: 'internal',
    message: `The app's core did not answer (${detail}).`,
    messageZh: `应用核心未响应（${detail}）。`,
    retcode: null,
    field: null,
  };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const ok = (value as { ok: unknown }).ok;
  return ok === true ? 'value' in value : ok === false && 'error' in value;
}

/** Wrap the preload API so every call resolves to a Result and every listener is isolated. */
export function createBridge(api: InspectorApi): Bridge {
  return {
    async invoke<N extends CommandName>(
      name: N,
      args: WindowCommandArgs<N>,
    ): Promise<Result<CommandResults[N]>> {
      try {
        const result: unknown = await api.invoke(name, args);
        if (!isResult(result)) return { ok: false, error: createTransportError('malformed reply') };
        // The shape is checked above; the value's type is the contract's promise for this name.
        return result as Result<CommandResults[N]>;
      } catch (error) {
        return {
          ok: false,
          error: createTransportError(error instanceof Error ? error.message : String(error)),
        };
      }
    },
    on(name, listener) {
      return api.on(name, (payload) => {
        try {
          listener(payload);
        } catch (error) {
          // One faulty listener must not stop the others or the transport.
          console.error(`listener for ${name} failed`, error);
        }
      });
    },
  };
}
