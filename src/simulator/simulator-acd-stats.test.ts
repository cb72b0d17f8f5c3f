/**
 * The simulator's queryacdstat (Huawei cec_07_0411 / cec_07_1023): POST with {"skills":[…]},
 * at most 100 ids; per skill the table-5 fields, computed from the simulated center.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator, SimulatorAccount } from './simulator-types';
import {
  callGateway,
  signInAs,
  startTestSimulator,
} from '../../test/support/simulator/simulator-test-helpers';

describe('simulator queryacdstat (cec_07_0411)', () => {
  let sim: RunningSimulator;
  let inspector: SimulatorAccount;
  let guid: string;
  const query = (body: unknown) =>
    callGateway(sim, 'POST', `queuedevice/${inspector.agentId}/queryacdstat`, { guid, body }).then(
      (answer) => answer.json,
    );

  beforeEach(async () => {
    sim = await startTestSimulator();
    inspector = sim.inspectors[0]!;
    guid = await signInAs(sim, inspector);
  });
  afterEach(async () => {
    await sim.close();
  });

  it('answers the table-5 fields per skill, computed from the queues and the agents', async () => {
    const [first, second] = sim.center.listSkills();
    sim.center.enqueueCall(first!.id);
    sim.center.advance(4_000);
    sim.center.enqueueCall(first!.id);
    sim.center.advance(3_500);
    const answer = await query({ skills: [first!.id, second!.id] });
    expect(answer.retcode).toBe('0');
    const rows = answer.result as Array<Record<string, unknown>>;
    expect(rows.map((row) => row.deviceNo)).toEqual([first!.id, second!.id]);
    expect(Object.keys(rows[0]!).sort()).toEqual(
      [
        'availAgents',
        'deviceNo',
        'estWaitTime',
        'loadFactor',
        'loggedOnAgents',
        'pilotNbr',
        'queueSize',
        'queueTime',
        'skillDescrip',
        'transferDeviceNo',
        'transferDeviceType',
        'transferFlg',
      ].sort(),
    );
    const agents = sim.center.listAgents();
    const expected = (skillId: number) => {
      const holders = agents.filter(
        (agent) => agent.skills.includes(skillId) && agent.status !== '2',
      );
      return {
        loggedOnAgents: holders.length,
        availAgents: holders.filter((agent) => agent.status === '4').length,
      };
    };
    const waiting = sim.center.listWaitingCalls(first!.id).length;
    expect(rows[0]).toMatchObject({
      queueSize: waiting,
      skillDescrip: first!.name,
      ...expected(first!.id),
    });
    expect(typeof rows[0]!.pilotNbr).toBe('string');
    if (waiting === 2) expect(rows[0]!.queueTime).toBe(7);
    expect(rows[1]).toMatchObject({ skillDescrip: second!.name, ...expected(second!.id) });
  });

  it('accepts ids as digit strings and leaves unknown skills out', async () => {
    const [first] = sim.center.listSkills();
    const rows = (await query({ skills: [String(first!.id), 424242] })).result as unknown[];
    expect(rows).toHaveLength(1);
  });

  it('refuses more than 100 skills, a missing list and a non-numeric id with 000-002', async () => {
    const many = Array.from({ length: 101 }, (_, index) => index + 1);
    expect((await query({ skills: many })).retcode).toBe('000-002');
    expect((await query({ skills: many.slice(0, 100) })).retcode).toBe('0');
    expect((await query({})).retcode).toBe('000-002');
    expect((await query({ skills: ['x'] })).retcode).toBe('000-002');
    expect((await query({ skills: 3 })).retcode).toBe('000-002');
  });

  it('needs a session like every other interface', async () => {
    const answer = await callGateway(sim, 'POST', `queuedevice/${inspector.agentId}/queryacdstat`, {
      guid: 'not-a-guid',
      body: { skills: [1] },
    });
    expect(answer.json.retcode).not.toBe('0');
  });
});
