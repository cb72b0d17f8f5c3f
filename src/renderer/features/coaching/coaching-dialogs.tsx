/**
 * The one place the main screen opens a coaching dialog from: which dialog, on which agent.
 */
import { useAppState } from '../../store/store-context';
import { FollowDialog, ReleaseDialog, RestDialog, SkillsDialog } from './agent-control-dialogs';
import { CoachingFileDialog } from './coaching-file-dialog';
import { CoachingSettingsDialog } from './coaching-settings-dialog';
import { useCoachingView } from './coaching-context';
import { NoteComposer } from './note-composer';
import { ScorecardDialog } from './scorecard-dialog';
import type { CoachingDialogKey } from './coaching-dialog-keys';

export function CoachingDialogs(props: { open: CoachingDialogKey; onClose: () => void }) {
  const selected = useAppState((state) => state.selectedWorkNo);
  const view = useCoachingView();
  const { open, onClose } = props;
  if (open === 'note') return <NoteComposer onClose={onClose} />;
  if (open === 'coaching-settings') return <CoachingSettingsDialog onClose={onClose} />;
  if (open === 'file') return <CoachingFileDialog workNo={selected} onClose={onClose} />;
  if (open === 'scorecard') {
    const due = view.scorecardDue;
    const workNo = due?.workNo ?? selected;
    return workNo ? <ScorecardDialog inspection={due} workNo={workNo} onClose={onClose} /> : null;
  }
  if (!selected) return null;
  if (open === 'follow') return <FollowDialog workNo={selected} onClose={onClose} />;
  if (open === 'rest') return <RestDialog workNo={selected} onClose={onClose} />;
  if (open === 'release') return <ReleaseDialog workNo={selected} onClose={onClose} />;
  return <SkillsDialog workNo={selected} onClose={onClose} />;
}
