/**
 * Public API of the supervisor core. The desktop shell, the CLI, the WebSocket test binding and
 * the benchmarks import from here (Node ports from '../node/node-ports').
 */
export { createSupervisor, type SupervisorCoreWithDiagnostics } from './create-supervisor';
export type { SupervisorOptions, SupervisorDiagnostics } from './supervisor-options';
export type {
  WarmupEnrichmentBudget,
  WarmupEnrichmentDiagnostics,
} from './roster/warmup-enrichment';
export type { SupervisorCore, EventListener, TrayModel } from './supervisor-api';
export type * from './ports';
export { mapAgentStatus, mapNotifySubtype } from './roster/agent-state-mapping';
export { parseJournalText, JOURNAL_FILE_NAME } from './journal/audit-journal';
