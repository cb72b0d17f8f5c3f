/**
 * The CC-Gateway client: one typed method per interface the product uses (§3–§8). Arguments
 * are validated before the network, answers are decoded into the types of gateway-types.ts,
 * and every failure is a GatewayError. The transport is the injected fetch.
 */
import { INTERFACES, type InterfaceName } from '../../shared/gateway-protocol/gateway-paths';
import {
  decodeAgentDetail,
  decodeAgentStatuses,
  decodeMonitorableAgents,
} from './decoding/agent-decoders';
import { decodeEvent } from './decoding/event-decoding';
import { OddEventLog } from './decoding/odd-event-log';
import { GatewayError, notSignedInError } from './gateway-error';
import { GatewaySession } from './session-identity';
import type {
  AcdSkillStat,
  AgentDetail,
  AgentStatusEntry,
  GatewayClientOptions,
  GatewayEvent,
  MonitorableAgent,
  OwnStatus,
  QcSwitchTarget,
  SignInOptions,
  SignInResult,
  SkillQueue,
  WaitingCall,
} from './gateway-types';
import {
  invalidArgument,
  normaliseBaseUrl,
  validateMonitorBatches,
  validateSkillBatches,
  validateTimeoutMs,
  validateWorkNo,
} from './requests/gateway-validators';
import {
  InterfaceUrls,
  type AgentInterfaceName,
  type CallAddress,
} from './requests/interface-urls';
import { decodeAcdStats, decodeSkillQueues, decodeWaitingCalls } from './decoding/queue-decoders';
import { RequestRunner, type RequestOutcome } from './requests/request-runner';
import { decodeGuidResult, decodeOwnStatus, decodeSignInResult } from './decoding/session-decoders';
import { SessionGate } from './session-gate';
import { RequestTurns } from './requests/request-turns';
import { buildSignInBody } from './requests/sign-in-body';
import { buildAdjustSkillBody, buildNoteBody } from './requests/coaching-requests';

const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
const DEFAULT_POLL_TIMEOUT_MS = 30_000;
/** Sign-out answers meaning "there is no session any more": the goal is reached. */
const ALREADY_SIGNED_OUT = new Set(['100-006', '100-008']);

interface CallOptions {
  target?: string;
  body?: string;
  timeoutMs?: number;
  anonymous?: boolean;
  signal?: AbortSignal;
}

export class GatewayClient {
  readonly agentId: string;
  readonly baseUrl: string;
  private readonly requestTimeoutMs: number;
  private readonly pollTimeoutMs: number;
  private readonly now: () => number;
  private readonly session = new GatewaySession();
  private readonly runner: RequestRunner;
  private readonly gate = new SessionGate();
  private readonly urls: InterfaceUrls;
  private readonly oddEvents: OddEventLog;
  /** beginmonitor/endmonitor, sendnoteletex and adjustskill: one at a time each. */
  private readonly turns = new RequestTurns();

  constructor(options: GatewayClientOptions) {
    this.baseUrl = normaliseBaseUrl(options.baseUrl);
    this.agentId = validateWorkNo(options.agentId, 'inspector agent id', 'configure');
    if (typeof options.fetch !== 'function')
      throw invalidArgument('configure', 'Invalid fetch: expected a function.');
    this.requestTimeoutMs = validateTimeoutMs(
      options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      'requestTimeoutMs',
    );
    this.pollTimeoutMs = validateTimeoutMs(
      options.pollTimeoutMs ?? DEFAULT_POLL_TIMEOUT_MS,
      'pollTimeoutMs',
    );
    this.now = options.now ?? Date.now;
    this.runner = new RequestRunner({
      fetch: options.fetch,
      session: this.session,
      logger: options.logger,
      now: this.now,
    });
    this.urls = new InterfaceUrls(this.baseUrl, this.agentId);
    this.oddEvents = new OddEventLog(options.logger);
  }

  /** True while a GUID is held. */
  get hasSession(): boolean {
    return this.session.hasGuid;
  }

  /** Signs in (`PUT onlineagent/{id}`, or `/forcelogin` with `force`) and starts a session. */
  signIn(options: SignInOptions): Promise<SignInResult> {
    const name: InterfaceName = options?.force === true ? 'forceSignIn' : 'signIn';
    const logName = INTERFACES[name].logName;
    let body: string;
    try {
      body = buildSignInBody(options, logName);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return this.gate.run(name, async () => {
      const outcome = await this.request(name, this.urls.of(name), {
        body,
        anonymous: true,
        target: this.agentId,
      });
      if (outcome.guid === null) {
        throw new GatewayError({
          kind: 'malformed',
          interfaceName: logName,
          message: `The gateway's answer to ${logName} carried no session key (Set-GUID header).`,
        });
      }
      // The gateway holds the session now, even if the result below turns out malformed.
      this.session.begin(outcome.guid);
      return decodeSignInResult(outcome.envelope.result, this.agentId, logName);
    });
  }

  /** Signs out (`logout`, or `forcelogout` with `force`); 100-006/100-008 count as done. */
  signOut(options: { force?: boolean } = {}): Promise<void> {
    const name: InterfaceName = options.force === true ? 'forceSignOut' : 'signOut';
    return this.gate.run(name, async () => {
      if (!this.session.hasGuid) return this.session.clear();
      try {
        await this.request(name, this.urls.of(name), { target: this.agentId });
      } catch (error) {
        const alreadyOut =
          error instanceof GatewayError &&
          error.kind === 'retcode' &&
          ALREADY_SIGNED_OUT.has(error.retcode ?? '');
        if (!alreadyOut) throw error;
      }
      this.session.clear();
    });
  }

  /** `PUT onlineagent/{id}/updateGuid`: asks for the current GUID and adopts it. */
  async refreshGuid(): Promise<void> {
    const outcome = await this.request('updateGuid', this.urls.of('updateGuid'), {
      target: this.agentId,
    });
    this.session.adoptGuid(
      decodeGuidResult(outcome.envelope.result, INTERFACES.updateGuid.logName),
      outcome.epoch,
    );
  }

  /** `GET onlineagent/{id}/agentstatus`: the inspector's own state. */
  async getOwnStatus(): Promise<OwnStatus> {
    const outcome = await this.request('ownStatus', this.urls.of('ownStatus'), {
      target: this.agentId,
    });
    return decodeOwnStatus(outcome.envelope.result, INTERFACES.ownStatus.logName);
  }

  /** One long poll (`GET agentevent/{id}`); null when the gateway answered without an event. */
  async pollEvent(signal?: AbortSignal): Promise<GatewayEvent | null> {
    const outcome = await this.request('pollEvent', this.urls.of('pollEvent'), {
      timeoutMs: this.pollTimeoutMs,
      signal,
      target: this.agentId,
    });
    const event = decodeEvent(outcome.envelope.event, this.now());
    if (event !== null && !event.known) this.oddEvents.note(event);
    return event;
  }

  /** Events of unknown or unreadable type received so far (they are passed on, never fatal). */
  get unknownEventCount(): number {
    return this.oddEvents.count;
  }

  /** Silent listen (`addsupervise`). */
  listen(workNo: string): Promise<void> {
    return this.onAgent('listen', workNo);
  }

  /** Barge in (`addinsert`). */
  insert(workNo: string): Promise<void> {
    return this.onAgent('insert', workNo);
  }

  /** Toggle listen ⇄ insert (`switch`). */
  switchListenInsert(workNo: string): Promise<void> {
    return this.onAgent('switchListenInsert', workNo);
  }

  /** Whisper to the agent (`requestwhisperagent?whisperagentid=`). */
  async whisper(workNo: string): Promise<void> {
    await this.send('whisper', this.urls.whisper('whisper', workNo));
  }

  /** Stop whispering (`requeststopwhisperagent?whisperagentid=`). */
  async stopWhisper(workNo: string): Promise<void> {
    await this.send('stopWhisper', this.urls.whisper('stopWhisper', workNo));
  }

  /** Switch among listen / insert / whisper (`requestswitchinsertwhisperagent`). */
  async switchMode(workNo: string, to: QcSwitchTarget): Promise<void> {
    await this.send('switchMode', this.urls.switchMode(workNo, to));
  }

  /** Take over the agent's call (`intercept`); with `callId` the specified-call variant. */
  async intercept(workNo: string, callId?: string): Promise<void> {
    if (callId === undefined) return this.onAgent('intercept', workNo);
    await this.send('interceptCall', this.urls.interceptCall(workNo, callId));
  }

  /** End listen / insert (`DELETE qualitycontrol/{id}/{workNo}`). */
  cancel(workNo: string): Promise<void> {
    return this.onAgent('cancel', workNo);
  }

  /** Force the agent busy. */
  forceBusy(workNo: string): Promise<void> {
    return this.onAgent('forceBusy', workNo);
  }

  /** Force the agent idle. */
  forceIdle(workNo: string): Promise<void> {
    return this.onAgent('forceIdle', workNo);
  }

  /** Sign the agent out. */
  forceSignOutAgent(workNo: string): Promise<void> {
    return this.onAgent('forceAgentSignOut', workNo);
  }

  /**
   * A note to at most 100 agents (`sendnoteletex`, cec_07_1205), 0–1,023 UTF-8 bytes; signed-in
   * receivers get `AgentOther_Note`. Larger selections go in batches (`planNoteBatches`).
   */
  sendNote(workNos: readonly string[], content: string): Promise<void> {
    return this.inTurn(
      'sendNote',
      () => buildNoteBody(workNos, content),
      `${workNos.length} agents`,
    );
  }

  /** Force an agent to rest for `seconds` (1–86,399) with a reason code (1–255). */
  async forceRest(workNo: string, seconds: number, reason: number): Promise<void> {
    await this.send('forceRest', this.urls.forceRest(workNo, seconds, reason));
  }

  /** Release (hang up) a call by its id (`forcedropcall`). */
  async forceDropCall(callId: string): Promise<void> {
    await this.send('forceDropCall', this.urls.forceDropCall(callId));
  }

  /** Replace the skill queues of an agent (`adjustskill`, 1–1,000 skills). */
  adjustSkills(workNo: string, skills: readonly number[]): Promise<void> {
    return this.inTurn('adjustSkill', () => buildAdjustSkillBody(workNo, skills), workNo);
  }

  /** `qualitycontrol/{id}/allagent`: agents this inspector may monitor. */
  async listMonitorableAgents(): Promise<MonitorableAgent[]> {
    const outcome = await this.request('monitorableAgents', this.urls.of('monitorableAgents'), {});
    return decodeMonitorableAgents(outcome.envelope.result, INTERFACES.monitorableAgents.logName);
  }

  /** `agentgroup/{id}/allagentstatus`: every agent of the VDN with its status. */
  async listAgentStatuses(): Promise<AgentStatusEntry[]> {
    const outcome = await this.request('agentStatuses', this.urls.of('agentStatuses'), {});
    return decodeAgentStatuses(outcome.envelope.result, INTERFACES.agentStatuses.logName);
  }

  /** `agentgroup/{id}/agentbyworkno/{workNo}`: one agent's details. */
  async getAgent(workNo: string): Promise<AgentDetail> {
    const outcome = await this.send('agentByWorkNo', this.urls.onAgent('agentByWorkNo', workNo));
    return decodeAgentDetail(outcome.envelope.result, INTERFACES.agentByWorkNo.logName);
  }

  /** Subscribe to state changes of these agents (`beginmonitor`, batches of ≤500). */
  beginMonitor(workNos: readonly string[]): Promise<void> {
    return this.monitor('beginMonitor', workNos);
  }

  /** Stop the subscription for these agents (`endmonitor`). */
  endMonitor(workNos: readonly string[]): Promise<void> {
    return this.monitor('endMonitor', workNos);
  }

  /** `queuedevice/{id}/agentvdnskill`: the skill queues of the VDN. */
  async listSkillQueues(): Promise<SkillQueue[]> {
    const outcome = await this.request('skillQueues', this.urls.of('skillQueues'), {});
    return decodeSkillQueues(outcome.envelope.result, INTERFACES.skillQueues.logName);
  }

  /** `calldata/{id}/waitcallinfo/{skillId}`: calls waiting in a skill queue. */
  async listWaitingCalls(skillId: number): Promise<WaitingCall[]> {
    const address = this.urls.waitingCalls(skillId);
    const outcome = await this.send('waitingCalls', address);
    return decodeWaitingCalls(
      outcome.envelope.result,
      address.skill,
      INTERFACES.waitingCalls.logName,
    );
  }

  /**
   * `queuedevice/{id}/queryacdstat`: statistics of these skill queues, in batches of ≤100 sent
   * one after another (one request per interface in flight). Rows of skills not asked about
   * are dropped; an empty list asks nothing.
   */
  async queryAcdStats(skillIds: readonly number[]): Promise<AcdSkillStat[]> {
    const logName = INTERFACES.acdStats.logName;
    const batches = validateSkillBatches(skillIds, logName);
    const rows: AcdSkillStat[] = [];
    for (const batch of batches) {
      const address = this.urls.acdStats(batch);
      const outcome = await this.request('acdStats', address.url, {
        body: address.body,
        target: address.target,
      });
      const asked = new Set(batch);
      for (const row of decodeAcdStats(outcome.envelope.result, logName))
        if (asked.has(row.skillId)) rows.push(row);
    }
    return rows;
  }

  /** Take a queued call (`voicecall/{id}/requestcall/{callId}/0?skillId=…&skillid=…`). */
  async requestCall(callId: string, skillId: number): Promise<void> {
    await this.send('requestCall', this.urls.requestCall(callId, skillId));
  }

  /** Forgets the GUID and the cookies (after the session is known to be dead). */
  clearSession(): void {
    this.session.clear();
  }

  private request(name: InterfaceName, url: string, options: CallOptions): Promise<RequestOutcome> {
    const spec = INTERFACES[name];
    // Refused before the network: without a GUID the gateway can only answer 100-006.
    if (options.anonymous !== true && !this.session.hasGuid)
      return Promise.reject(notSignedInError(spec.logName));
    return this.runner.run({
      interfaceName: spec.logName,
      method: spec.method,
      url,
      body: options.body,
      timeoutMs: options.timeoutMs ?? this.requestTimeoutMs,
      target: options.target,
      anonymous: options.anonymous,
      signal: options.signal,
    });
  }

  /** A request to an address built by InterfaceUrls. */
  private send(name: InterfaceName, address: CallAddress): Promise<RequestOutcome> {
    return this.request(name, address.url, { target: address.target });
  }

  /** QC operations whose path ends in `{workNo}`. */
  private async onAgent(name: AgentInterfaceName, workNo: string): Promise<void> {
    await this.send(name, this.urls.onAgent(name, workNo));
  }

  /** An interface with a body, in turn (RequestTurns); a refusal rejects before it queues. */
  private async inTurn(
    name: 'sendNote' | 'adjustSkill',
    build: () => string,
    target: string,
  ): Promise<void> {
    const body = build();
    await this.turns.run(name, () => this.request(name, this.urls.of(name), { body, target }));
  }

  private async monitor(
    name: 'beginMonitor' | 'endMonitor',
    workNos: readonly string[],
  ): Promise<void> {
    // Never subscribe the inspector to themself: allagent includes them (ICP bridge demo skips it).
    const others = workNos.filter((workNo) => workNo !== this.agentId);
    const batches = validateMonitorBatches(others, INTERFACES[name].logName);
    return this.turns.run('monitor', async () => {
      for (const batch of batches) await this.send(name, this.urls.monitor(name, batch));
    });
  }
}
