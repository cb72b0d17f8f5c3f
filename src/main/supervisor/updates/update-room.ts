/**
 * The update flow over the UpdaterPort: a first check a minute after start, then every 4 h (a
 * failure retries sooner, quietly); an offered update downloads in the background; once it is
 * ready the person is told once, and it installs when they confirm while neither inspecting nor
 * on a call — or at quit. A check the person asked for reports its failure; a background one
 * only logs it. Nothing here ever throws into the core.
 */
import type { InspectorMode, UpdateChannel } from '../../../shared/domain';
import type { UpdateView } from '../../../shared/updates';
import type { CommandError, Result } from '../../../shared/ipc/contract';
import { commandError, fail, ok } from '../command-errors';
import { errorMessage } from '../error-text';
import type { Clock, Logger, Notifier, PersonConfirmation, UpdaterPort } from '../ports';
import { judgeInstall, nextCheckDelayMs, UPDATE_TIMING, waitingReason } from './update-decision';

export interface UpdateRoomDeps {
  port: UpdaterPort | undefined;
  /** Policy UpdatesEnabled (default true). */
  enabled: boolean;
  clock: Clock;
  logger: Logger;
  channel: () => UpdateChannel;
  mode: () => InspectorMode;
  language: () => 'en' | 'zh-CN';
  emit: (view: UpdateView) => void;
  notifier?: Notifier;
  confirm?: PersonConfirmation;
}

export class UpdateRoom {
  private view: UpdateView;
  private timer: unknown = null;
  private failures = 0;
  private running: Promise<void> | null = null;
  private announced: string | null = null;
  private disposed = false;

  constructor(private readonly deps: UpdateRoomDeps) {
    this.view = {
      phase: deps.port && deps.enabled ? 'idle' : 'disabled',
      currentVersion: deps.port?.currentVersion ?? '',
      version: null,
      percent: null,
      waitingFor: null,
      checkedAt: null,
      failure: null,
      feed: deps.port && deps.enabled ? deps.port.feed : null,
      channel: deps.channel(),
    };
  }

  get active(): boolean {
    return this.view.phase !== 'disabled';
  }

  /** Start the background schedule. */
  start(): void {
    if (!this.active) return;
    this.deps.port?.setChannel(this.deps.channel());
    this.schedule(UPDATE_TIMING.firstCheckMs);
  }

  state(): UpdateView {
    const waitingFor = this.view.phase === 'ready' ? waitingReason(this.deps.mode()) : null;
    return { ...this.view, waitingFor, channel: this.deps.channel() };
  }

  /** The channel setting changed: the next check uses it. */
  channelChanged(): void {
    if (!this.active) return;
    this.deps.port?.setChannel(this.deps.channel());
    this.publish({});
  }

  /** A check the person asked for (menu, tray, settings): its failure is reported. */
  async checkNow(): Promise<Result<UpdateView>> {
    if (!this.active) return fail(DISABLED);
    await this.runCheck(true);
    return ok(this.state());
  }

  /** Install the ready update now: only when not inspecting, not on a call, and confirmed. */
  async installNow(): Promise<Result<null>> {
    const verdict = judgeInstall({
      phase: this.view.phase,
      mode: this.deps.mode(),
      quitting: false,
    });
    if (verdict.kind === 'nothing-to-install') return fail(NOTHING_READY);
    if (verdict.kind === 'wait') return fail(waitError(verdict.waitingFor));
    const version = this.view.version ?? '';
    const confirmed = (await this.deps.confirm?.confirmInstallUpdate?.(version)) ?? false;
    if (!confirmed) return ok(null);
    // The person may have started an inspection while the dialog was open.
    const again = judgeInstall({ phase: this.view.phase, mode: this.deps.mode(), quitting: false });
    if (again.kind !== 'ask')
      return fail(again.kind === 'wait' ? waitError(again.waitingFor) : NOTHING_READY);
    this.deps.logger.info('installing update', { version });
    this.deps.port?.installNow();
    return ok(null);
  }

  dispose(): void {
    this.disposed = true;
    this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    // A check that finishes after dispose() schedules nothing more.
    if (this.disposed) return;
    this.deps.clock.clearTimeout(this.timer);
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = null;
      void this.runCheck(false).then(() => this.schedule(nextCheckDelayMs(this.failures)));
    }, delayMs);
  }

  /** One check (and download); concurrent callers share it. */
  private runCheck(manual: boolean): Promise<void> {
    if (this.view.phase === 'ready' || this.view.phase === 'downloading')
      return this.running ?? Promise.resolve();
    this.running ??= this.check(manual).finally(() => (this.running = null));
    return this.running;
  }

  private async check(manual: boolean): Promise<void> {
    const port = this.deps.port;
    if (!port) return;
    this.publish({ phase: 'checking', failure: null });
    let offered: { version: string } | null;
    try {
      offered = await port.check();
    } catch (error) {
      return this.failed(error, manual);
    }
    const checkedAt = this.deps.clock.now();
    if (offered === null) {
      this.failures = 0;
      return this.publish({ phase: 'up-to-date', checkedAt, version: null, percent: null });
    }
    this.publish({ phase: 'downloading', checkedAt, version: offered.version, percent: 0 });
    try {
      await port.download((percent) => this.publish({ percent: Math.round(percent) }));
    } catch (error) {
      return this.failed(error, manual);
    }
    this.failures = 0;
    this.publish({ phase: 'ready', percent: 100 });
    this.announceReady(offered.version);
  }

  private failed(error: unknown, manual: boolean): void {
    this.failures += 1;
    const reason = errorMessage(error);
    // Offline or a failing server never disturbs work: logged, shown only when asked for.
    this.deps.logger.warn('update check failed', { reason, manual, failures: this.failures });
    this.publish({
      phase: 'failed',
      checkedAt: this.deps.clock.now(),
      percent: null,
      failure: {
        message: `The update server could not be reached or refused the update (${reason}).`,
        messageZh: `无法连接更新服务器，或服务器拒绝了更新（${reason}）。`,
      },
    });
  }

  /** Tell the person once per version that an update waits. */
  private announceReady(version: string): void {
    if (this.announced === version) return;
    this.announced = version;
    const zh = this.deps.language() === 'zh-CN';
    const text = zh
      ? `CC Inspector ${version} 已下载。空闲时可在菜单或托盘中选择“安装更新”，或在退出时安装。`
      : `CC Inspector ${version} is downloaded. Install it from the menu or tray when you are free, or it installs when you quit.`;
    this.deps.notifier?.notify({ title: 'CC Inspector', body: text, level: 'info' });
  }

  private publish(patch: Partial<UpdateView>): void {
    this.view = { ...this.view, ...patch };
    this.deps.emit(this.state());
  }
}

const DISABLED: CommandError = commandError(
  'forbidden-state',
  'Updates are turned off here (by your administrator, or in a development build).',
  '此处已关闭更新（由管理员关闭，或为开发版本）。',
);

const NOTHING_READY: CommandError = commandError(
  'forbidden-state',
  'No update is ready to install yet.',
  '尚无可安装的更新。',
);

function waitError(waitingFor: 'inspection' | 'call'): CommandError {
  return waitingFor === 'inspection'
    ? commandError(
        'forbidden-state',
        'The update installs after your inspection ends (or when you quit): installing restarts CC Inspector.',
        '检查结束后（或退出时）再安装更新：安装会重启 CC Inspector。',
      )
    : commandError(
        'forbidden-state',
        'The update installs after your call (or when you quit): installing restarts CC Inspector.',
        '通话结束后（或退出时）再安装更新：安装会重启 CC Inspector。',
      );
}
