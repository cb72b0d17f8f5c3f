/**
 * The agent table's columns, in display order. Widths live in CSS (one grid template shared by
 * the header and the rows).
 */
import type { SortKey } from '../../../shared/roster-view/agent-view';

export interface AgentColumn {
  id: SortKey;
  /** i18n key of the header word. */
  labelKey: string;
  /** Show the header as an icon only (the word stays for screen readers). */
  iconOnly?: boolean;
  numeric?: boolean;
}

export const AGENT_COLUMNS: readonly AgentColumn[] = [
  { id: 'attention', labelKey: 'agents.columns.attention', iconOnly: true },
  { id: 'workNo', labelKey: 'agents.columns.workNo', numeric: true },
  { id: 'name', labelKey: 'agents.columns.name' },
  { id: 'group', labelKey: 'agents.columns.group' },
  { id: 'state', labelKey: 'agents.columns.state' },
  { id: 'timeInState', labelKey: 'agents.columns.timeInState', numeric: true },
  { id: 'call', labelKey: 'agents.columns.call' },
  { id: 'inspectedBy', labelKey: 'agents.columns.inspectedBy' },
];
