/**
 * Where each call goes: the interface URLs of one inspector (base and inspector id filled in
 * once), with a call's arguments validated and encoded into the path or the query. Every
 * refusal is a GatewayError of kind `invalid-argument`, raised before the network.
 */
import { INTERFACES, type InterfaceName } from '../../../shared/gateway-protocol/gateway-paths';
import { SWITCH_TYPE } from '../../../shared/gateway-protocol/gateway-status-codes';
import type { QcSwitchTarget } from '../gateway-types';
import { validateRestReason, validateRestSeconds } from './coaching-requests';
import {
  invalidArgument,
  validateCallId,
  validateSkillId,
  validateWorkNo,
} from './gateway-validators';

/** A call's URL and what its log line names as the target (an agent, call or queue). */
export interface CallAddress {
  url: string;
  target: string;
}

/** Interfaces whose path ends in `{workNo}`. */
export type AgentInterfaceName =
  | 'listen'
  | 'insert'
  | 'switchListenInsert'
  | 'intercept'
  | 'cancel'
  | 'forceBusy'
  | 'forceIdle'
  | 'forceAgentSignOut';

export class InterfaceUrls {
  private readonly urls: Record<InterfaceName, string>;

  constructor(baseUrl: string, agentId: string) {
    const agent = encodeURIComponent(agentId);
    this.urls = Object.fromEntries(
      Object.entries(INTERFACES).map(([name, spec]) => [
        name,
        baseUrl + spec.path.replace('{agentid}', agent),
      ]),
    ) as Record<InterfaceName, string>;
  }

  /** An interface without arguments of its own. */
  of(name: InterfaceName): string {
    return this.urls[name];
  }

  /** A QC operation on an agent, `…/{workNo}`. */
  onAgent(name: AgentInterfaceName | 'agentByWorkNo', workNo: string): CallAddress {
    const agent = validateWorkNo(workNo, 'agent id', INTERFACES[name].logName);
    return { url: this.urls[name].replace('{workNo}', agent), target: agent };
  }

  /** A whisper operation, which names the agent as `?whisperagentid=`. */
  whisper(name: 'whisper' | 'stopWhisper', workNo: string): CallAddress {
    const agent = validateWorkNo(workNo, 'agent id', INTERFACES[name].logName);
    return { url: `${this.urls[name]}?whisperagentid=${agent}`, target: agent };
  }

  /** Switch among listen / insert / whisper (`&switchtype=`). */
  switchMode(workNo: string, to: QcSwitchTarget): CallAddress {
    const logName = INTERFACES.switchMode.logName;
    if (!Object.hasOwn(SWITCH_TYPE, to))
      throw invalidArgument(logName, 'Invalid switch target: use listen, insert or whisper.');
    const agent = validateWorkNo(workNo, 'agent id', logName);
    return {
      url: `${this.urls.switchMode}?whisperagentid=${agent}&switchtype=${SWITCH_TYPE[to]}`,
      target: agent,
    };
  }

  /** Intercept one specified call of the agent. */
  interceptCall(workNo: string, callId: string): CallAddress {
    const logName = INTERFACES.interceptCall.logName;
    const agent = validateWorkNo(workNo, 'agent id', logName);
    const call = validateCallId(callId, 'call id', logName);
    const url = this.urls.interceptCall
      .replace('{workNo}', encodeURIComponent(agent))
      .replace('{callId}', encodeURIComponent(call));
    return { url, target: agent };
  }

  /** The calls waiting in one skill queue. */
  waitingCalls(skillId: number): CallAddress & { skill: number } {
    const skill = validateSkillId(skillId, 'skill id', INTERFACES.waitingCalls.logName);
    return {
      url: this.urls.waitingCalls.replace('{skillId}', String(skill)),
      target: String(skill),
      skill,
    };
  }

  /** Take a queued call (`voicecall/{id}/requestcall/{callId}/0?skillId=…&skillid=…`). */
  requestCall(callId: string, skillId: number): CallAddress {
    const logName = INTERFACES.requestCall.logName;
    const call = validateCallId(callId, 'call id', logName);
    const skill = validateSkillId(skillId, 'skill id', logName);
    const path = this.urls.requestCall
      .replace('{callId}', encodeURIComponent(call))
      .replace('{skillType}', '0');
    // The doc spells skillId, a generated client skillid; query names are case-sensitive.
    return { url: `${path}?skillId=${skill}&skillid=${skill}`, target: call };
  }

  /** Force an agent to rest (`forcerest/{workNo}/{time}/{reason}`, cec_07_2411). */
  forceRest(workNo: string, seconds: number, reason: number): CallAddress {
    const logName = INTERFACES.forceRest.logName;
    const agent = validateWorkNo(workNo, 'agent id', logName);
    const time = validateRestSeconds(seconds, logName);
    const cause = validateRestReason(reason, logName);
    const url = this.urls.forceRest
      .replace('{workNo}', agent)
      .replace('{time}', String(time))
      .replace('{reason}', String(cause));
    return { url, target: agent };
  }

  /** Release a call by its id (`forcedropcall/{callid}`, cec_07_2408 / cec_07_0442). */
  forceDropCall(callId: string): CallAddress {
    const call = validateCallId(callId, 'call id', INTERFACES.forceDropCall.logName);
    return {
      url: this.urls.forceDropCall.replace('{callId}', encodeURIComponent(call)),
      target: call,
    };
  }

  /** One queryacdstat batch: the URL, and the body naming the (validated) skills. */
  acdStats(batch: readonly number[]): CallAddress & { body: string } {
    return {
      url: this.urls.acdStats,
      target: `${batch.length} skills`,
      body: JSON.stringify({ skills: batch }),
    };
  }

  /** One beginmonitor/endmonitor batch of validated agent ids. */
  monitor(name: 'beginMonitor' | 'endMonitor', batch: readonly string[]): CallAddress {
    // Digits only after validation, so ';' can go in literally, as Huawei's demo sends it.
    return {
      url: `${this.urls[name]}?agents=${batch.join(';')}`,
      target: `${batch.length} agents`,
    };
  }
}
