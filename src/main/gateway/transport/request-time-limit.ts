/**
 * The client's own time limit for a transport that cannot enforce `timeoutMs` by itself: a
 * timer plus an AbortController handed to the transport, which the caller's signal also
 * aborts. Controllers that never fired and that the transport let go of are reused: creating
 * one costs more than the rest of the client's per-request work.
 */
import { getEventListeners } from 'node:events';

/** Idle controllers kept for reuse. */
const CONTROLLER_POOL_SIZE = 16;

/** One request's limit: the signal for the transport and what made it fire, if anything. */
export interface TimeLimitGuard {
  readonly signal: AbortSignal;
  /** The time limit fired. */
  readonly timedOut: boolean;
  /** The caller's signal fired (also true when it had fired before the request started). */
  readonly callerAborted: boolean;
  /** Stop the timer, detach from the caller's signal, keep the controller if reusable. */
  release(): void;
}

/** Starts timers with abortable signals; keeps a small pool of reusable controllers. */
export class RequestTimeLimits {
  private readonly idleControllers: AbortController[] = [];

  /** Arm a limit of `timeoutMs`, also aborted by `callerSignal`. */
  start(timeoutMs: number, callerSignal: AbortSignal | undefined): TimeLimitGuard {
    const controller = this.idleControllers.pop() ?? new AbortController();
    const state = { timedOut: false, callerAborted: false };
    const timer = setTimeout(() => {
      state.timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCallerAbort = (): void => {
      state.callerAborted = true;
      controller.abort();
    };
    if (callerSignal?.aborted) onCallerAbort();
    else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    return {
      signal: controller.signal,
      get timedOut() {
        return state.timedOut;
      },
      get callerAborted() {
        return state.callerAborted;
      },
      release: () => {
        clearTimeout(timer);
        callerSignal?.removeEventListener('abort', onCallerAbort);
        this.recycle(controller);
      },
    };
  }

  /** Keeps a controller for the next request if it never fired and the transport let go of it. */
  private recycle(controller: AbortController): void {
    if (controller.signal.aborted || this.idleControllers.length >= CONTROLLER_POOL_SIZE) return;
    if (getEventListeners(controller.signal, 'abort').length > 0) return;
    this.idleControllers.push(controller);
  }
}
