/**
 * The tray's coaching items, pure like the rest of the menu: a note to the focus agent from a
 * template (or "Write a note…", which opens the window's note composer on that agent), and
 * following — who is followed, how many calls are left, and "Stop following".
 */
import type { TrayModel } from '../../supervisor/supervisor-api';
import type { TrayLabels } from './tray-labels';
import type { TrayCommand, TrayMenuItem } from './tray-menu';

const action = (label: string, enabled: boolean, command: TrayCommand): TrayMenuItem => ({
  type: 'normal',
  label,
  enabled,
  command,
});

/** "Note to 1001 Alice ▸" with one item per template, then "Write a note…". */
export function buildNoteSubmenu(
  model: TrayModel,
  labels: TrayLabels,
  agentWorkNo: string,
  agentLabel: string,
  canAct: boolean,
): TrayMenuItem {
  const templates = model.coaching?.noteTemplates ?? [];
  return {
    type: 'submenu',
    label: labels.coaching.noteTo(agentLabel),
    enabled: canAct,
    submenu: [
      ...templates.map((template) =>
        action(template.name, canAct, {
          kind: 'note-template',
          workNo: agentWorkNo,
          text: template.text,
        }),
      ),
      ...(templates.length > 0 ? [{ type: 'separator' } as const] : []),
      action(labels.coaching.writeNote, true, { kind: 'compose-note', workNo: agentWorkNo }),
    ],
  };
}

/** While following: who, how many calls are left (no running times: the menu must not churn). */
export function buildFollowSection(model: TrayModel, labels: TrayLabels): TrayMenuItem[] {
  const follow = model.coaching?.follow;
  if (!follow) return [];
  return [
    {
      type: 'normal',
      label: labels.coaching.following(follow.workNo, follow.callsLeft),
      enabled: false,
      command: null,
    },
    action(labels.coaching.stopFollowing, true, { kind: 'stop-follow' }),
    { type: 'separator' },
  ];
}

/** Tooltip line while following. */
export function describeFollowing(model: TrayModel, labels: TrayLabels): string | null {
  const follow = model.coaching?.follow;
  return follow ? labels.coaching.following(follow.workNo, follow.callsLeft) : null;
}
