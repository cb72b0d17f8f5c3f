/**
 * Public API of the supervisor core. The desktop shell, the CLI, the WebSocket test binding and
 * the benchmarks import from here (Node ports from '../node/node-ports').
 */
export { createSupervisor, type SupervisorCoreWithDiagnostics } from './create-supervisor';
export type { SupervisorOptions, SupervisorDiagnostics } from './supervisor-options';
export {
  DEFAULT_WARMUP_ENRICHMENT,
  type WarmupEnrichmentBudget,
  type WarmupEnrichmentDiagnostics,
} from './roster/warmup-enrichment';
export type { SupervisorCore, EventListener, TrayModel } from './supervisor-api';
export type * from './ports';
export { KeychainUnavailableError } from './ports';
export {
  createDefaultSettings,
  mergeSettings,
  DEFAULT_ALERT_THRESHOLDS,
  DEFAULT_HOTKEYS,
} from './account/settings-model';
export { mapAgentStatus, mapNotifySubtype, mapQcType } from './roster/agent-state-mapping';
export {
  transitionInspector,
  viewInspection,
  INITIAL_INSPECTOR_STATE,
} from './inspector/inspector-machine';
export type {
  InspectorState,
  InspectorInput,
  InspectionAction,
  GatewayEffect,
  Transition,
} from './inspector/inspector-machine';
export { buildTrayModel } from './tray-model';
export { formatJournalCsv, formatJournalJson } from './journal/journal-export';
export { parseJournalText, JOURNAL_FILE_NAME } from './journal/audit-journal';
