/**
 * The contract's coaching commands, one handler each, on top of the coaching room: notes (to
 * agents, a group or a saved query, in batches of ≤ 100 with per-batch results), force rest,
 * release and adjust skills, following, the sampler, scorecards and the coaching file.
 */
import type { NoteBatchView, NoteRecipients, NoteSendResult } from '../../../shared/coaching';
import type { CommandResults, Result, ValidCommandArgs } from '../../../shared/ipc/contract';
import { commandError, fail, ok, toCommandError } from '../command-errors';
import type { CoachingRoom } from './coaching-room';
import { refuseNoCall } from './coaching-actions';
import {
  buildScorecard,
  checkScorecard,
  formatScorecardsCsv,
  formatScorecardsJson,
  formatTimelineCsv,
  formatTimelineJson,
  suggestCoachingExportName,
} from './coaching-exports';
import { callKeyOf, startFollowing } from './follow-policy';
import { prepareNote } from './note-batches';
import { resolveRecipients } from './recipient-queries';

type CoachingCommand = Extract<keyof CommandResults, `coaching.${string}`>;
type Handlers = {
  [N in CoachingCommand]: (args: ValidCommandArgs<N>) => Promise<Result<CommandResults[N]>>;
};

/** Skill lookups one saved query may start before its note goes out. */
const QUERY_LOOKUPS_MAX = 50;

const NOT_AVAILABLE = commandError(
  'internal',
  'The coaching file is not available here (its database could not be opened).',
  '此处无法使用辅导档案（其数据库无法打开）。',
);

export function createCoachingHandlers(room: CoachingRoom): Handlers {
  const { deps } = room;
  const now = (): number => deps.clock.now();
  /** The coaching file, opened first if the session was not live yet. */
  const openedStore = async () => {
    await room.openFile();
    return room.records.current;
  };

  async function resolve(recipients: NoteRecipients): Promise<Result<string[]>> {
    const settings = deps.settings().coaching;
    const evaluate = () =>
      resolveRecipients(recipients, settings.savedQueries, deps.rows(), now(), (workNo) =>
        room.skills.skillsOf(workNo),
      );
    let resolved = evaluate();
    if (resolved === null)
      return fail(
        commandError(
          'invalid-argument',
          'That saved query no longer exists.',
          '该保存的查询已不存在。',
          null,
          'recipients',
        ),
      );
    if (resolved.unknownSkills.length > 0 && deps.liveClient()) {
      await room.skills.request(resolved.unknownSkills, QUERY_LOOKUPS_MAX);
      resolved = evaluate() ?? resolved;
    }
    return ok(resolved.workNos);
  }

  const signedIn = (workNo: string): boolean => {
    const state = deps.row(workNo)?.state;
    return state !== undefined && state !== 'signed-out';
  };

  async function sendNote(
    args: ValidCommandArgs<'coaching.sendNote'>,
  ): Promise<Result<NoteSendResult>> {
    const resolved = await resolve(args.recipients);
    if (!resolved.ok) return resolved;
    if (resolved.value.length === 0)
      return fail(
        commandError(
          'invalid-argument',
          'Nobody matches: the note has no receiver.',
          '没有符合条件的座席：便签没有接收人。',
          null,
          'recipients',
        ),
      );
    let batches: string[][];
    try {
      batches = prepareNote(resolved.value, args.text);
    } catch (error) {
      return fail(toCommandError(error));
    }
    const at = now();
    const views: NoteBatchView[] = [];
    for (const [index, batch] of batches.entries()) {
      const present = batch.filter(signedIn);
      const result = await room.actions.run({
        action: 'note',
        target: batch.join(','),
        source: args.source,
        agent: null,
        run: (client) => client.sendNote(batch, args.text),
      });
      views.push({
        index,
        workNos: batch,
        outcome: result.ok ? 'ok' : 'failed',
        retcode: result.ok ? null : result.error.retcode,
        message: result.ok ? null : result.error.message,
        messageZh: result.ok ? null : result.error.messageZh,
        signedIn: present,
      });
      // Refused before the network (signed out, reconnecting): the other batches would be too.
      if (!result.ok && result.error.code !== 'gateway') break;
    }
    room.records.write((store) =>
      store.recordNote({
        at,
        content: args.text,
        source: args.source,
        recipients: views.flatMap((view) =>
          view.workNos.map((workNo) => ({
            workNo,
            batch: view.index,
            outcome: view.outcome,
            retcode: view.retcode,
            signedIn: view.signedIn.includes(workNo),
          })),
        ),
      }),
    );
    return ok({ recipients: resolved.value.length, batches: views });
  }

  return {
    'coaching.getView': async () => ok(room.view()),
    'coaching.previewRecipients': async ({ recipients }) => {
      const resolved = await resolve(recipients);
      if (!resolved.ok) return resolved;
      const workNos = resolved.value;
      return ok({
        workNos,
        signedIn: workNos.filter(signedIn).length,
        batches: Math.ceil(workNos.length / 100),
      });
    },
    'coaching.sendNote': sendNote,
    'coaching.forceRest': ({ workNo, seconds, reason, source }) =>
      room.actions.run({
        action: 'force-rest',
        target: workNo,
        source,
        agent: workNo,
        run: (client) => client.forceRest(workNo, seconds, reason).then(() => null),
      }),
    'coaching.forceRelease': ({ workNo, source }) =>
      room.actions.run({
        action: 'force-release',
        target: workNo,
        source,
        agent: workNo,
        refuse: () => (deps.row(workNo)?.state === 'talking' ? null : refuseNoCall(workNo)),
        run: async (client) => {
          // The roster knows the call id once the agent's details are in; else ask for them.
          const known = deps.row(workNo)?.call?.callId;
          const callId = known ?? (await client.getAgent(workNo)).callIds[0];
          if (!callId) throw new Error(`agent ${workNo} has no call to release`);
          await client.forceDropCall(callId);
          return null;
        },
      }),
    'coaching.adjustSkills': ({ workNo, skillIds, source }) =>
      room.actions.run({
        action: 'adjust-skills',
        target: workNo,
        source,
        agent: workNo,
        run: async (client) => {
          await client.adjustSkills(workNo, skillIds);
          room.skills.learn(workNo, [...new Set(skillIds)]);
          return null;
        },
      }),
    'coaching.follow': async ({ workNo, calls, minutes }) => {
      if (calls === null && minutes === null)
        return fail(
          commandError(
            'invalid-argument',
            'Follow for a number of calls, minutes, or both.',
            '请设置跟听的通话数或分钟数（或两者）。',
            null,
            'calls',
          ),
        );
      const refusal = room.actions.guard(workNo);
      if (refusal) return fail(refusal);
      const row = deps.row(workNo);
      room.setFollow(
        startFollowing(workNo, { calls, minutes }, now(), row ? callKeyOf(row) : null),
      );
      return ok(room.view().follow!);
    },
    'coaching.stopFollow': async () => {
      room.setFollow(null);
      return ok(null);
    },
    'coaching.sampleNext': async () => {
      room.sample();
      const proposal = room.view().sampler.proposal;
      if (!proposal)
        return fail(
          commandError(
            'forbidden-state',
            'No call matches the sampling rules right now.',
            '当前没有符合抽检规则的通话。',
          ),
        );
      return room.listenFor(proposal.workNo, 'sampler');
    },
    'coaching.saveScorecard': async (input) => {
      const store = await openedStore();
      if (!store) return fail(NOT_AVAILABLE);
      const form = deps.settings().coaching.scorecardForms.find((f) => f.id === input.formId);
      if (!form)
        return fail(
          commandError(
            'invalid-argument',
            'That form no longer exists.',
            '该评分表已不存在。',
            null,
            'formId',
          ),
        );
      const problem = checkScorecard(form, input);
      if (problem)
        return fail(
          commandError(
            'invalid-argument',
            `Scorecard: ${problem}.`,
            `评分表不完整：${problem}。`,
            null,
            'scores',
          ),
        );
      const card = buildScorecard(form, input, now());
      const id = store.saveScorecard(card);
      if (room.view().scorecardDue?.workNo === input.workNo) room.clearScorecardDue();
      return ok({ ...card, id });
    },
    'coaching.dismissScorecard': async () => {
      room.clearScorecardDue();
      return ok(null);
    },
    'coaching.timeline': async ({ workNo, kinds, from, to, limit }) => {
      const store = await openedStore();
      if (!store) return fail(NOT_AVAILABLE);
      return ok(store.timeline({ workNo, kinds, from, to, limit }));
    },
    'coaching.exportFile': async ({ workNo, kinds, from, format }) => {
      const store = await openedStore();
      if (!store) return fail(NOT_AVAILABLE);
      if (!deps.fileSaver) return fail(noSaver());
      const entries = store.timeline({ workNo, kinds, from, to: null, limit: 100_000 });
      const content =
        format === 'csv' ? formatTimelineCsv(workNo, entries) : formatTimelineJson(workNo, entries);
      const savedTo = await deps.fileSaver.save(
        suggestCoachingExportName('coaching', workNo, format, now()),
        content,
      );
      return ok({ savedTo, entries: entries.length });
    },
    'coaching.exportScorecards': async ({ workNo, from, format }) => {
      const store = await openedStore();
      if (!store) return fail(NOT_AVAILABLE);
      if (!deps.fileSaver) return fail(noSaver());
      const cards = store.listScorecards(workNo, from);
      const content = format === 'csv' ? formatScorecardsCsv(cards) : formatScorecardsJson(cards);
      const savedTo = await deps.fileSaver.save(
        suggestCoachingExportName('scorecards', workNo, format, now()),
        content,
      );
      return ok({ savedTo, entries: cards.length });
    },
  };
}

function noSaver() {
  return commandError('internal', 'Saving files is not available here.', '此处无法保存文件。');
}
