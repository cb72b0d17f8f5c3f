/**
 * beginmonitor/endmonitor subscriptions: which sessions watch which agents, indexed by the
 * watched agent so a state change finds its watchers in O(watchers).
 */
import type { GatewaySession } from './session-registry';

export class MonitorRegistry {
  private readonly watchersByAgent = new Map<string, Set<GatewaySession>>();

  /** Subscribe a session to agents' state changes. */
  begin(session: GatewaySession, workNos: Iterable<string>): void {
    for (const workNo of workNos) {
      let watchers = this.watchersByAgent.get(workNo);
      if (!watchers) {
        watchers = new Set();
        this.watchersByAgent.set(workNo, watchers);
      }
      watchers.add(session);
      session.monitored.add(workNo);
    }
  }

  /** Unsubscribe a session from some agents. */
  end(session: GatewaySession, workNos: Iterable<string>): void {
    for (const workNo of workNos) {
      const watchers = this.watchersByAgent.get(workNo);
      watchers?.delete(session);
      if (watchers?.size === 0) this.watchersByAgent.delete(workNo);
      session.monitored.delete(workNo);
    }
  }

  /** Drop every subscription of a session (it ended). */
  removeSession(session: GatewaySession): void {
    this.end(session, [...session.monitored]);
  }

  /** Sessions watching an agent. */
  findWatchers(workNo: string): ReadonlySet<GatewaySession> | undefined {
    return this.watchersByAgent.get(workNo);
  }

  clear(): void {
    this.watchersByAgent.clear();
  }
}
