/**
 * Command-line roster-lag measurement, for people and the bench:
 *   npx tsx bench/measure-roster-lag.ts [agents] [changesPerAgentPerMinute] [latencyMs] [seconds]
 * Prints one JSON object (lag percentiles, sync mode, requests per second).
 */
import { measureRosterLag } from '../test/support/core/roster-lag-measurement';

const [agents = '2000', rate = '1', latency = '0', seconds = '10'] = process.argv.slice(2);
const result = await measureRosterLag({
  agents: Number(agents),
  changesPerAgentPerMinute: Number(rate),
  latencyMs: Number(latency),
  measureMs: Number(seconds) * 1000,
  settleMs: 3_000,
});
process.stdout.write(
  `${JSON.stringify({ agents: Number(agents), rate: Number(rate), latencyMs: Number(latency), ...result }, null, 2)}\n`,
);
