/**
 * `queue`: skill queues with how many calls wait and for how long; for one skill, the waiting
 * calls themselves (caller, wait time, priority) — the ids `request-call` takes.
 */
import type { GatewayClient, SkillQueue, WaitingCall } from '../main/gateway';
import { formatDuration, formatTable } from './output';
import { tr } from './cli-i18n';

export interface QueueSummary {
  skillId: number;
  name: string;
  waiting: number;
  /** Longest current wait in ms; null when nothing waits or no call says when it queued. */
  longestWaitMs: number | null;
}

export interface WaitingCallRow {
  callId: string;
  caller: string;
  skillId: number;
  waitMs: number | null;
  priority: number | null;
}

/** How many waiting-call queries run at once, so a VDN with many skills is not hammered. */
const QUERY_CONCURRENCY = 4;

/** Every skill queue with its waiting count and longest wait. */
export async function summariseQueues(client: GatewayClient, now: number): Promise<QueueSummary[]> {
  const queues = await client.listSkillQueues();
  const summaries: QueueSummary[] = [];
  for (let start = 0; start < queues.length; start += QUERY_CONCURRENCY) {
    const batch = queues.slice(start, start + QUERY_CONCURRENCY);
    summaries.push(
      ...(await Promise.all(batch.map((queue) => summariseQueue(client, queue, now)))),
    );
  }
  return summaries;
}

async function summariseQueue(
  client: GatewayClient,
  queue: SkillQueue,
  now: number,
): Promise<QueueSummary> {
  const calls = await client.listWaitingCalls(queue.id);
  const enqueued = calls.map((call) => call.enqueuedAt).filter((at): at is number => at !== null);
  return {
    skillId: queue.id,
    name: queue.name,
    waiting: calls.length,
    longestWaitMs: enqueued.length === 0 ? null : Math.max(0, now - Math.min(...enqueued)),
  };
}

/** The calls waiting in one skill queue, longest-waiting first. */
export async function listWaitingCalls(
  client: GatewayClient,
  skillId: number,
  now: number,
): Promise<WaitingCallRow[]> {
  const calls = await client.listWaitingCalls(skillId);
  return calls
    .map((call: WaitingCall) => ({
      callId: call.callId,
      caller: call.caller,
      skillId: call.skillId,
      waitMs: call.enqueuedAt === null ? null : Math.max(0, now - call.enqueuedAt),
      priority: call.priority,
    }))
    .sort((a, b) => (b.waitMs ?? -1) - (a.waitMs ?? -1));
}

/** The queue summary as a table. */
export function formatQueueSummaries(summaries: readonly QueueSummary[]): string[] {
  if (summaries.length === 0) return [tr('queue.none')];
  return formatTable(
    ['skill', 'name', 'waiting', 'longestWait'].map((column) => tr(`queue.column.${column}`)),
    summaries.map((queue) => [
      String(queue.skillId),
      queue.name,
      String(queue.waiting),
      queue.longestWaitMs === null ? '-' : formatDuration(queue.longestWaitMs),
    ]),
  );
}

/** The waiting calls of one queue as a table. */
export function formatWaitingCalls(skillId: number, calls: readonly WaitingCallRow[]): string[] {
  if (calls.length === 0) return [tr('queue.noCalls', { skillId })];
  return formatTable(
    ['callId', 'caller', 'waiting', 'priority'].map((column) => tr(`queue.column.${column}`)),
    calls.map((call) => [
      call.callId,
      call.caller,
      call.waitMs === null ? '-' : formatDuration(call.waitMs),
      call.priority === null ? '-' : String(call.priority),
    ]),
  );
}
