/**
 * The CC-Gateway client: one typed method per interface the product uses (§3–§8). Arguments
 * are validated before the network, answers are decoded into the types of gateway-types.ts,
 * and every failure is a GatewayError. The transport is the injected fetch.
 */
import { INTERFACES, LIMITS, type InterfaceName } from '../../shared/gateway-paths';
import { SWITCH_TYPE } from '../../shared/gateway-status-codes';
import { decodeAgentDetail, decodeAgentStatuses, decodeMonitorableAgents } from './agent-decoders';
import { decodeEvent } from './event-decoding';
import { GatewayError } from './gateway-error';
import { GatewaySession } from './gateway-session';
import type {
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
  normaliseBaseUrl,
  validateCallId,
  validateSkillId,
  validateTimeoutMs,
  validateWorkNo,
} from './gateway-validators';
import { decodeSkillQueues, decodeWaitingCalls } from './queue-decoders';
import { RequestRunner, type RequestOutcome } from './request-runner';
import { decodeGuidResult, decodeOwnStatus, decodeSignInResult } from './session-decoders';
import { SessionGate } from './session-gate';
import { buildSignInBody } from './sign-in-body';

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
  /** Interface URLs with the base and the inspector's id already filled in. */
  private readonly urls: Record<InterfaceName, string>;
  /** beginmonitor/endmonitor calls never overlap, whatever their lists. */
  private monitorChain: Promise<unknown> = Promise.resolve();

  constructor(options: GatewayClientOptions) {
    this.baseUrl = normaliseBaseUrl(options.baseUrl);
    this.agentId = validateWorkNo(options.agentId, 'inspector agent id', 'configure');
    if (typeof options.fetch !== 'function') {
      throw new GatewayError({
        kind: 'invalid-argument',
        interfaceName: 'configure',
        message: 'Invalid fetch: expected a function.',
      });
    }
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
    const agent = encodeURIComponent(this.agentId);
    const urls = {} as Record<InterfaceName, string>;
    for (const name of Object.keys(INTERFACES) as InterfaceName[]) {
      urls[name] = this.baseUrl + INTERFACES[name].path.replace('{agentid}', agent);
    }
    this.urls = urls;
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
      const outcome = await this.request(name, this.urls[name], {
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
        await this.request(name, this.urls[name], { target: this.agentId });
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
    const outcome = await this.request('updateGuid', this.urls.updateGuid, {
      target: this.agentId,
    });
    this.session.adoptGuid(
      decodeGuidResult(outcome.envelope.result, INTERFACES.updateGuid.logName),
      outcome.epoch,
    );
  }

  /** `GET onlineagent/{id}/agentstatus`: the inspector's own state. */
  async getOwnStatus(): Promise<OwnStatus> {
    const outcome = await this.request('ownStatus', this.urls.ownStatus, { target: this.agentId });
    return decodeOwnStatus(outcome.envelope.result, INTERFACES.ownStatus.logName);
  }

  /** One long poll (`GET agentevent/{id}`); null when the gateway answered without an event. */
  async pollEvent(signal?: AbortSignal): Promise<GatewayEvent | null> {
    const outcome = await this.request('pollEvent', this.urls.pollEvent, {
      timeoutMs: this.pollTimeoutMs,
      signal,
      target: this.agentId,
    });
    return decodeEvent(outcome.envelope.event, this.now(), INTERFACES.pollEvent.logName);
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
  whisper(workNo: string): Promise<void> {
    return this.onAgentQuery('whisper', workNo, '');
  }

  /** Stop whispering (`requeststopwhisperagent?whisperagentid=`). */
  stopWhisper(workNo: string): Promise<void> {
    return this.onAgentQuery('stopWhisper', workNo, '');
  }

  /** Switch among listen / insert / whisper (`requestswitchinsertwhisperagent`). */
  switchMode(workNo: string, to: QcSwitchTarget): Promise<void> {
    if (!Object.hasOwn(SWITCH_TYPE, to))
      return this.refuse('switchMode', 'Invalid switch target: use listen, insert or whisper.');
    return this.onAgentQuery('switchMode', workNo, `&switchtype=${SWITCH_TYPE[to]}`);
  }

  /** Take over the agent's call (`intercept`); with `callId` the specified-call variant. */
  async intercept(workNo: string, callId?: string): Promise<void> {
    if (callId === undefined) return this.onAgent('intercept', workNo);
    const logName = INTERFACES.interceptCall.logName;
    const agent = validateWorkNo(workNo, 'agent id', logName);
    const call = validateCallId(callId, 'call id', logName);
    const url = this.urls.interceptCall
      .replace('{workNo}', encodeURIComponent(agent))
      .replace('{callId}', encodeURIComponent(call));
    await this.request('interceptCall', url, { target: agent });
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

  /** `qualitycontrol/{id}/allagent`: agents this inspector may monitor. */
  async listMonitorableAgents(): Promise<MonitorableAgent[]> {
    const outcome = await this.request('monitorableAgents', this.urls.monitorableAgents, {});
    return decodeMonitorableAgents(outcome.envelope.result, INTERFACES.monitorableAgents.logName);
  }

  /** `agentgroup/{id}/allagentstatus`: every agent of the VDN with its status. */
  async listAgentStatuses(): Promise<AgentStatusEntry[]> {
    const outcome = await this.request('agentStatuses', this.urls.agentStatuses, {});
    return decodeAgentStatuses(outcome.envelope.result, INTERFACES.agentStatuses.logName);
  }

  /** `agentgroup/{id}/agentbyworkno/{workNo}`: one agent's details. */
  async getAgent(workNo: string): Promise<AgentDetail> {
    const logName = INTERFACES.agentByWorkNo.logName;
    const agent = validateWorkNo(workNo, 'agent id', logName);
    const outcome = await this.request(
      'agentByWorkNo',
      this.urls.agentByWorkNo.replace('{workNo}', agent),
      { target: agent },
    );
    return decodeAgentDetail(outcome.envelope.result, logName);
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
    const outcome = await this.request('skillQueues', this.urls.skillQueues, {});
    return decodeSkillQueues(outcome.envelope.result, INTERFACES.skillQueues.logName);
  }

  /** `calldata/{id}/waitcallinfo/{skillId}`: calls waiting in a skill queue. */
  async listWaitingCalls(skillId: number): Promise<WaitingCall[]> {
    const logName = INTERFACES.waitingCalls.logName;
    const skill = validateSkillId(skillId, 'skill id', logName);
    const outcome = await this.request(
      'waitingCalls',
      this.urls.waitingCalls.replace('{skillId}', String(skill)),
      { target: String(skill) },
    );
    return decodeWaitingCalls(outcome.envelope.result, skill, logName);
  }

  /** Take a queued call (`voicecall/{id}/requestcall/{callId}/0?skillId=…&skillid=…`). */
  async requestCall(callId: string, skillId: number): Promise<void> {
    const logName = INTERFACES.requestCall.logName;
    const call = validateCallId(callId, 'call id', logName);
    const skill = validateSkillId(skillId, 'skill id', logName);
    // The doc spells skillId, a generated client skillid; query names are case-sensitive.
    const url = `${this.urls.requestCall.replace('{callId}', encodeURIComponent(call)).replace('{skillType}', '0')}?skillId=${skill}&skillid=${skill}`;
    await this.request('requestCall', url, { target: call });
  }

  /** Forgets the GUID and the cookies (after the session is known to be dead). */
  clearSession(): void {
    this.session.clear();
  }

  private request(name: InterfaceName, url: string, options: CallOptions): Promise<RequestOutcome> {
    const spec = INTERFACES[name];
    if (options.anonymous !== true && !this.session.hasGuid) {
      // Refused before the network: without a GUID the gateway can only answer 100-006.
      return Promise.reject(
        new GatewayError({
          kind: 'retcode',
          interfaceName: spec.logName,
          retcode: '100-006',
          message: 'Not signed in: there is no gateway session (sign in first).',
        }),
      );
    }
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

  private refuse(name: InterfaceName, message: string): Promise<never> {
    return Promise.reject(
      new GatewayError({
        kind: 'invalid-argument',
        interfaceName: INTERFACES[name].logName,
        message,
      }),
    );
  }

  /** QC operations whose path ends in `{workNo}`. */
  private async onAgent(name: InterfaceName, workNo: string): Promise<void> {
    const agent = validateWorkNo(workNo, 'agent id', INTERFACES[name].logName);
    await this.request(name, this.urls[name].replace('{workNo}', agent), { target: agent });
  }

  /** Whisper operations that take the agent as `?whisperagentid=`. */
  private async onAgentQuery(
    name: InterfaceName,
    workNo: string,
    extraQuery: string,
  ): Promise<void> {
    const agent = validateWorkNo(workNo, 'agent id', INTERFACES[name].logName);
    await this.request(name, `${this.urls[name]}?whisperagentid=${agent}${extraQuery}`, {
      target: agent,
    });
  }

  private async monitor(
    name: 'beginMonitor' | 'endMonitor',
    workNos: readonly string[],
  ): Promise<void> {
    const logName = INTERFACES[name].logName;
    if (!Array.isArray(workNos))
      throw new GatewayError({
        kind: 'invalid-argument',
        interfaceName: logName,
        message: 'Invalid agent list: expected a list of agent ids.',
      });
    const unique = [
      ...new Set(workNos.map((workNo) => validateWorkNo(workNo, 'agent id', logName))),
    ];
    const run = async (): Promise<void> => {
      for (let start = 0; start < unique.length; start += LIMITS.monitorBatch) {
        const batch = unique.slice(start, start + LIMITS.monitorBatch);
        // Digits only after validation, so ';' can go in literally, as Huawei's demo sends it.
        await this.request(name, `${this.urls[name]}?agents=${batch.join(';')}`, {
          target: `${batch.length} agents`,
        });
      }
    };
    const result = this.monitorChain.then(run, run);
    this.monitorChain = result.catch(() => undefined);
    return result;
  }
}
