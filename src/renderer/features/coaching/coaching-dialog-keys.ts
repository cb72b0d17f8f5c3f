/**
 * The coaching dialogs' names, apart from the dialogs themselves: the main screen and the menu
 * need the names at once, the dialogs only when one is opened (they load on demand).
 */
export type CoachingDialogKey =
  'note' | 'follow' | 'rest' | 'release' | 'skills' | 'scorecard' | 'file' | 'coaching-settings';

export const COACHING_DIALOGS: readonly CoachingDialogKey[] = [
  'note',
  'follow',
  'rest',
  'release',
  'skills',
  'scorecard',
  'file',
  'coaching-settings',
];

export function isCoachingDialog(value: string | null): value is CoachingDialogKey {
  return value !== null && (COACHING_DIALOGS as readonly string[]).includes(value);
}
