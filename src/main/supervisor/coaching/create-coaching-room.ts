/**
 * The coaching room over the runtime: the one place that says which parts of the core the room
 * reaches (its deps), so the runtime does not grow a coaching concern of its own.
 */
import type { SupervisorPorts } from '../ports';
import type { SupervisorRuntime } from '../supervisor-runtime';
import { CoachingRoom } from './coaching-room';

export function createCoachingRoom(rt: SupervisorRuntime, ports: SupervisorPorts): CoachingRoom {
  const liveClient = () => (rt.session.isLive ? rt.session.currentClient : null);
  return new CoachingRoom({
    clock: rt.clock,
    logger: rt.logger,
    settings: () => rt.settings,
    emit: (name, payload) => rt.emit(name, payload),
    subscribe: (listener) => rt.subscribe(listener),
    journal: (entry) => rt.appendJournal(entry),
    readJournal: () => rt.journal.readAll(),
    notice: (notice) => rt.notice(notice),
    liveClient,
    isRecovering: () => rt.session.connectionState().phase === 'reconnecting',
    inspectorId: () => rt.session.currentTarget?.inspectorId ?? null,
    row: (workNo) => rt.roster.peek(workNo),
    rows: () => rt.roster.list(),
    talkingRows: () => rt.roster.rowsInState('talking'),
    queues: () => rt.queues.list(),
    inspection: () => rt.inspection,
    listen: (workNo) => rt.actions.runInspection({ action: 'listen', workNo, source: 'system' }),
    cancel: () => rt.actions.runInspection({ action: 'cancel', source: 'system' }),
    reportFailure: (error) => rt.session.reportFailure(error),
    fileSaver: ports.fileSaver,
    database: ports.coachingDatabase ?? null,
  });
}
