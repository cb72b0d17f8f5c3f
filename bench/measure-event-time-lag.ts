/**
 * Prints roster lag under evenly spaced changes with and without `eventGenTime` (issue 10):
 * `npx tsx bench/measure-event-time-lag.ts [eventPauseMs]`. The optional argument sets the
 * pause after a poll that brought an event (the poll-pacing decision's measurement).
 */
import { measureEvenChangeLag } from '../test/support/core/even-change-lag';

const eventPauseMs = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
for (const eventGenTime of [true, false]) {
  const result = await measureEvenChangeLag({
    eventGenTime,
    supervisor: eventPauseMs === undefined ? {} : { pollEventPauseMs: eventPauseMs },
  });
  console.log(
    JSON.stringify({
      eventGenTime,
      eventPauseMs: eventPauseMs ?? 0,
      samples: result.report.samples,
      superseded: result.report.superseded,
      p50Ms: result.report.p50Ms,
      p95Ms: result.report.p95Ms,
      maxMs: result.report.maxMs,
      mode: result.mode,
      modeSwitches: result.modeSwitches,
      snapshots: result.snapshots,
      requestsPerSecond: Math.round(result.requestsPerSecond * 10) / 10,
    }),
  );
}
