/**
 * queryAcdStats over real HTTP against a stub gateway: `POST queuedevice/{id}/queryacdstat`
 * with `{"skills":[…]}`, at most 100 ids per request (Huawei cec_07_0411 / cec_07_1023).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { okReply, retcodeReply } from '../../../test/support/gateway/stub-gateway-server';
import {
  createClientFixture,
  FIRST_GUID,
  singleHeader,
  type ClientFixture,
} from '../../../test/support/gateway/client-fixtures';
import { rejectionOf } from '../../../test/support/gateway/gateway-error-capture';

let fixture: ClientFixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

/** Answers like a gateway: one row per asked skill, plus one the client did not ask about. */
function answerPerSkill(body: string): ReturnType<typeof okReply> {
  const { skills } = JSON.parse(body) as { skills: number[] };
  return okReply([
    ...skills.map((id) => ({ deviceNo: id, queueSize: id % 7, queueTime: id, pilotNbr: `9${id}` })),
    { deviceNo: 999_999, queueSize: 1 },
  ]);
}

describe('GatewayClient.queryAcdStats (cec_07_0411)', () => {
  it('POSTs the skill ids as {"skills":[…]} with the Guid and a JSON content type', async () => {
    fixture = await createClientFixture({ handler: (request) => answerPerSkill(request.body) });
    const rows = await fixture.client.queryAcdStats([3, 1, 3]);
    const [request, ...more] = fixture.requestsAfterSignIn();
    expect(more).toEqual([]);
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/agentgateway/resource/queuedevice/291/queryacdstat');
    expect(singleHeader(request!, 'guid')).toBe(FIRST_GUID);
    expect(singleHeader(request!, 'content-type')).toBe('application/json; charset=UTF-8');
    expect(JSON.parse(request!.body)).toEqual({ skills: [3, 1] });
    // The row the client did not ask about is dropped.
    expect(rows.map((row) => row.skillId)).toEqual([3, 1]);
    expect(rows[0]).toMatchObject({ waiting: 3, longestWaitSeconds: 3, pilotNumber: '93' });
  });

  it('splits 250 skills into batches of 100, 100 and 50, one after another', async () => {
    let inFlight = 0;
    let most = 0;
    fixture = await createClientFixture({
      handler: async (request) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return answerPerSkill(request.body);
      },
    });
    const ids = Array.from({ length: 250 }, (_, index) => index + 1);
    const rows = await fixture.client.queryAcdStats(ids);
    const sizes = fixture
      .requestsAfterSignIn()
      .map((request) => (JSON.parse(request.body) as { skills: number[] }).skills.length);
    expect(sizes).toEqual([100, 100, 50]);
    expect(most).toBe(1);
    expect(rows).toHaveLength(250);
  });

  it('asks nothing for an empty list', async () => {
    fixture = await createClientFixture();
    expect(await fixture.client.queryAcdStats([])).toEqual([]);
    expect(fixture.requestsAfterSignIn()).toEqual([]);
  });

  it('refuses bad skill ids before the network', async () => {
    fixture = await createClientFixture();
    for (const bad of [[-1], [1.5], ['2'], null]) {
      const error = await rejectionOf(fixture.client.queryAcdStats(bad as number[]));
      expect(error.kind).toBe('invalid-argument');
      expect(error.interfaceName).toBe('queryStatInfoOfAcd');
    }
    expect(fixture.requestsAfterSignIn()).toEqual([]);
  });

  it('reports a gateway refusal as a retcode error', async () => {
    fixture = await createClientFixture({
      handler: () => retcodeReply('100-007'),
    });
    const error = await rejectionOf(fixture.client.queryAcdStats([1]));
    expect(error.kind).toBe('retcode');
    expect(error.retcode).toBe('100-007');
  });
});
