/**
 * `stats`: per skill queue what the gateway's `queryacdstat` reports (Huawei cec_07_0411):
 * calls waiting, the longest wait, agents signed in and available — as a table or JSON rows.
 */
import type { AcdSkillStat, GatewayClient } from '../main/gateway';
import { formatDuration, formatTable } from './output';
import { tr } from './cli-i18n';

export interface SkillStatRow {
  skillId: number;
  name: string;
  waiting: number;
  longestWaitSeconds: number;
  signedIn: number | null;
  available: number | null;
  pilotNumber: string | null;
}

/**
 * Statistics of the given skills, or of every skill of the VDN when none is given (the client
 * sends them in batches of 100). Names come from the skill list, else the gateway's description.
 */
export async function readSkillStats(
  client: GatewayClient,
  skillIds: readonly number[],
): Promise<SkillStatRow[]> {
  const skills = await client.listSkillQueues();
  const names = new Map(skills.map((skill) => [skill.id, skill.name]));
  const ids = skillIds.length > 0 ? skillIds : skills.map((skill) => skill.id);
  const stats = await client.queryAcdStats(ids);
  return stats.map((stat: AcdSkillStat) => ({
    skillId: stat.skillId,
    name: names.get(stat.skillId) ?? stat.description ?? '',
    waiting: stat.waiting,
    longestWaitSeconds: stat.longestWaitSeconds,
    signedIn: stat.signedIn,
    available: stat.available,
    pilotNumber: stat.pilotNumber,
  }));
}

const count = (value: number | null): string => (value === null ? '-' : String(value));

/** The statistics as a table, one line per skill. */
export function formatSkillStats(rows: readonly SkillStatRow[]): string[] {
  if (rows.length === 0) return [tr('queue.none')];
  return formatTable(
    ['skill', 'name', 'waiting', 'longestWait', 'signedIn', 'available'].map((column) =>
      tr(`queue.column.${column}`),
    ),
    rows.map((row) => [
      String(row.skillId),
      row.name,
      String(row.waiting),
      row.waiting === 0 ? '-' : formatDuration(row.longestWaitSeconds * 1000),
      count(row.signedIn),
      count(row.available),
    ]),
  );
}
