/**
 * The supervisor's main screen: strip, one action bar (coaching in its menu at the end),
 * coaching notices when there are any, the insight line (charts on request), then the agent
 * table with its glance figures and the queue panel; journal, settings and sign-out are dialogs
 * over it.
 */
import { Suspense, useState } from 'react';
import { AgentFilters } from './features/agents/agent-filters';
import { AgentTable } from './features/agents/agent-table';
import { GlanceBar } from './features/agents/glance-bar';
import { ActionBar } from './features/inspection/action-bar';
import { ConnectionBanner } from './features/inspection/connection-indicator';
import { InspectorStrip } from './features/inspection/inspector-strip';
import { StateAnnouncements } from './features/inspection/state-announcements';
import { QueuePanel } from './features/queue/queue-panel';
import { CoachMenu } from './features/coaching/coach-menu';
import { CoachingNotices } from './features/coaching/coaching-notices';
import { FollowStatus } from './features/coaching/follow-status';
import { useNoteRequests } from './features/coaching/use-note-requests';
import { CoachingProvider } from './features/coaching/coaching-context';
import { isCoachingDialog, type CoachingDialogKey } from './features/coaching/coaching-dialog-keys';
import { InsightProvider } from './features/insight/insight-context';
import { InsightPanel } from './features/insight/insight-panel';
import { useRememberedFlag } from './ui/remembered-flag';
import { lazyPart } from './ui/lazy-part';

// Dialogs load when first opened: the main screen's first paint does not parse them (nor the
// settings form's validation, zod).
const JournalDialog = lazyPart(() =>
  import('./features/journal/journal-dialog').then((module) => module.JournalDialog),
);
const SignOutDialog = lazyPart(() =>
  import('./features/session/sign-out-dialog').then((module) => module.SignOutDialog),
);
const SettingsDialog = lazyPart(() =>
  import('./features/settings/settings-dialog').then((module) => module.SettingsDialog),
);
const CoachingDialogs = lazyPart(() =>
  import('./features/coaching/coaching-dialogs').then((module) => module.CoachingDialogs),
);

type OpenDialog = 'journal' | 'settings' | 'sign-out' | CoachingDialogKey | null;

/** Everything a signed-in supervisor works with. */
export function MainScreen() {
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [queuesCollapsed, setQueuesCollapsed] = useState(false);
  // Charts are asked for, not imposed: closed by default, the last choice remembered.
  const [insightOpen, setInsightOpen] = useRememberedFlag('insight-open', false);
  const close = (): void => setDialog(null);
  useNoteRequests(() => setDialog('note'));
  return (
    <InsightProvider>
      <CoachingProvider>
        <div
          className={queuesCollapsed ? 'main-screen queues-collapsed' : 'main-screen'}
          inert={dialog !== null}
        >
          <InspectorStrip
            onOpenJournal={() => setDialog('journal')}
            onOpenSettings={() => setDialog('settings')}
            onSignOut={() => setDialog('sign-out')}
            status={<FollowStatus />}
          />
          <ConnectionBanner />
          <ActionBar end={<CoachMenu onOpen={setDialog} />} />
          <CoachingNotices onOpen={setDialog} />
          <InsightPanel open={insightOpen} onToggle={() => setInsightOpen((current) => !current)} />
          <div className="workspace">
            <main className="agents-pane">
              <GlanceBar />
              <AgentFilters />
              <AgentTable />
            </main>
            <QueuePanel
              collapsed={queuesCollapsed}
              onToggleCollapsed={() => setQueuesCollapsed((current) => !current)}
            />
          </div>
        </div>
        <StateAnnouncements />
        <Suspense fallback={null}>
          {dialog === 'journal' ? <JournalDialog onClose={close} /> : null}
          {dialog === 'settings' ? (
            <SettingsDialog onClose={close} onOpenCoaching={() => setDialog('coaching-settings')} />
          ) : null}
          {dialog === 'sign-out' ? <SignOutDialog onClose={close} /> : null}
          {isCoachingDialog(dialog) ? <CoachingDialogs open={dialog} onClose={close} /> : null}
        </Suspense>
      </CoachingProvider>
    </InsightProvider>
  );
}
