/**
 * Builds the people and queues of the simulated center from the seed: 5–12 skill queues,
 * groups of about 20 agents with 1–3 skills each, agents 1001…, and inspector accounts.
 */
import { CCGW_STATUS, CTI_STATUS } from '../../shared/gateway-protocol/gateway-status-codes';
import type { CenterAgent, CenterSkill } from './center-types';
import { SKILL_NAMES, buildGroupName, pickAgentName, shuffleSeeded } from './name-pool';
import type { SeededRandom } from './seeded-random';

const FIRST_AGENT_ID = 1001;
const AGENTS_PER_GROUP = 20;
const INSPECTOR_GROUP_NAME = 'Quality Control 质检组';

export interface CenterRoster {
  skills: CenterSkill[];
  agents: CenterAgent[];
}

/** Inspector ids start at 9001, moved up by 10,000s so they never collide with agent ids. */
function findInspectorBase(agentCount: number): number {
  let base = 9001;
  while (base <= FIRST_AGENT_ID + agentCount) base += 10_000;
  return base;
}

function buildSkills(random: SeededRandom): CenterSkill[] {
  const names = shuffleSeeded(random, SKILL_NAMES).slice(0, random.nextInt(5, 12));
  let id = 0;
  return names.map((name) => {
    // Gaps in the ids catch clients that confuse a list index with a skill id.
    id += random.nextInt(1, 2);
    return { id, name, accessCode: `4008${String(100 + id).padStart(3, '0')}` };
  });
}

function buildGroupSkills(
  random: SeededRandom,
  skills: CenterSkill[],
  ordinal: number,
  groupCount: number,
): number[] {
  // Skills are dealt round-robin over the groups so that every queue has agents, however
  // few groups there are; a group beyond the number of skills takes one by rotation.
  const chosen = new Set<number>();
  skills.forEach((skill, j) => {
    if (j % groupCount === ordinal) chosen.add(skill.id);
  });
  if (chosen.size === 0) chosen.add((skills[ordinal % skills.length] as CenterSkill).id);
  const extras = random.nextInt(0, 2);
  for (let i = 0; i < extras; i += 1) chosen.add(random.pick(skills).id);
  return [...chosen].sort((a, b) => a - b);
}

function createAgent(
  fields: Pick<
    CenterAgent,
    | 'index'
    | 'workNo'
    | 'name'
    | 'password'
    | 'phoneNumber'
    | 'groupId'
    | 'groupName'
    | 'skills'
    | 'isInspector'
  >,
): CenterAgent {
  return {
    ...fields,
    status: CCGW_STATUS.signedOut,
    ctiStatus: CTI_STATUS.notSignedIn,
    stateSince: 0,
    loginTime: null,
    call: null,
    controlled: false,
    autoEnterIdle: true,
    pendingBusy: false,
    restUntil: null,
    pendingRestMs: null,
    version: 0,
    qc: null,
    inspectedBy: null,
  };
}

/** Build skills, ordinary agents and inspectors (all signed out; the center sets the mix). */
export function buildRoster(
  random: SeededRandom,
  agentCount: number,
  inspectorCount: number,
): CenterRoster {
  const skills = buildSkills(random);
  const groupCount = Math.max(1, Math.ceil(agentCount / AGENTS_PER_GROUP));
  const groups = Array.from({ length: groupCount }, (_, i) => ({
    id: i + 1,
    name: buildGroupName(random, i + 1),
    skills: buildGroupSkills(random, skills, i, groupCount),
  }));
  const agents: CenterAgent[] = [];
  for (let i = 0; i < agentCount; i += 1) {
    const group = groups[Math.floor(i / AGENTS_PER_GROUP)] as (typeof groups)[number];
    const ownSkills = new Set(group.skills);
    if (random.chance(0.2)) ownSkills.add(random.pick(skills).id);
    const workNo = String(FIRST_AGENT_ID + i);
    agents.push(
      createAgent({
        index: i,
        workNo,
        name: pickAgentName(random),
        password: `Ag${random.nextDigits(6)}`,
        phoneNumber: `7${workNo}`,
        groupId: group.id,
        groupName: group.name,
        skills: [...ownSkills].sort((a, b) => a - b),
        isInspector: false,
      }),
    );
  }
  const inspectorBase = findInspectorBase(agentCount);
  for (let i = 0; i < inspectorCount; i += 1) {
    const workNo = String(inspectorBase + i);
    agents.push(
      createAgent({
        index: agentCount + i,
        workNo,
        name: pickAgentName(random),
        password: `Qc${random.nextDigits(6)}`,
        phoneNumber: `8${workNo}`,
        groupId: groupCount + 1,
        groupName: INSPECTOR_GROUP_NAME,
        skills: skills.map((skill) => skill.id),
        isInspector: true,
      }),
    );
  }
  return { skills, agents };
}
