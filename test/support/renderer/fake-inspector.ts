/**
 * A fake `window.inspector` for renderer tests: records every command, answers with handlers
 * the test sets (default: success), and lets the test push events as main would.
 */
import type {
  CommandArgs,
  CommandName,
  CommandResults,
  EventName,
  EventPayloads,
  InspectorApi,
  Result,
} from '../../../src/shared/ipc/contract';
import type { AppSnapshot } from '../../../src/shared/domain';
import { screenAnswerOf } from './screen-answer';

type Handler<N extends CommandName> = (
  args: CommandArgs<N>,
) => Result<CommandResults[N]> | Promise<Result<CommandResults[N]>>;

export interface FakeInspector extends InspectorApi {
  /** Every invoke, in order. */
  readonly calls: Array<{ name: CommandName; args: unknown }>;
  /** Answer `name` with `handler` from now on. */
  handle<N extends CommandName>(name: N, handler: Handler<N>): void;
  /** Push an event to the screen. */
  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void;
  /** Calls of one command. */
  callsOf<N extends CommandName>(name: N): Array<CommandArgs<N>>;
}

/** A fake whose `app.getSnapshot` answers `snapshot`. */
export function createFakeInspector(snapshot: AppSnapshot): FakeInspector {
  const handlers = new Map<CommandName, (args: unknown) => unknown>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: Array<{ name: CommandName; args: unknown }> = [];
  handlers.set('app.getSnapshot', () => ({ ok: true, value: snapshot }));
  // The start's two halves answer from whatever `app.getSnapshot` answers now (a test that
  // sets a snapshot sets all three), unless a test handles them itself.
  const wholeSnapshot = async (): Promise<Result<AppSnapshot>> =>
    (await handlers.get('app.getSnapshot')!({})) as Result<AppSnapshot>;
  handlers.set('app.getScreen', async (args) => {
    const whole = await wholeSnapshot();
    if (!whole.ok) return whole;
    const { agentsUpTo } = args as CommandArgs<'app.getScreen'>;
    return { ok: true, value: screenAnswerOf(whole.value, agentsUpTo) };
  });
  handlers.set('roster.getSnapshot', async () => {
    const whole = await wholeSnapshot();
    if (!whole.ok) return whole;
    const { roster, rosterVersion, presorted } = whole.value;
    return { ok: true, value: { roster, rosterVersion, ...(presorted ? { presorted } : {}) } };
  });
  // Commands whose result is not null answer with something of the right shape by default.
  handlers.set('journal.list', () => ({ ok: true, value: [] }));
  handlers.set('hotkeys.set', () => ({ ok: true, value: snapshot.hotkeys }));
  handlers.set('settings.update', () => ({ ok: true, value: snapshot.settings }));
  handlers.set('coaching.getView', () => ({
    ok: true,
    value: {
      follow: null,
      sampler: { enabled: false, proposal: null, sampledThisShift: 0 },
      scorecardDue: null,
      fileAvailable: true,
    },
  }));
  handlers.set('coaching.previewRecipients', () => ({
    ok: true,
    value: { workNos: [], signedIn: 0, batches: 0 },
  }));

  const fake: FakeInspector = {
    calls,
    async invoke<N extends CommandName>(
      name: N,
      args: CommandArgs<N>,
    ): Promise<Result<CommandResults[N]>> {
      calls.push({ name, args });
      const handler = handlers.get(name);
      // Unhandled commands succeed with null, like most of the contract's results.
      const result = handler ? await handler(args) : { ok: true, value: null };
      return result as Result<CommandResults[N]>;
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    handle(name, handler) {
      handlers.set(name, handler as (args: unknown) => unknown);
    },
    emit(name, payload) {
      for (const listener of [...(listeners.get(name) ?? [])]) listener(payload);
    },
    callsOf<N extends CommandName>(name: N) {
      return calls.filter((call) => call.name === name).map((call) => call.args as CommandArgs<N>);
    },
  };
  return fake;
}
