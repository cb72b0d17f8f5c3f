/**
 * Kept for importers outside this folder (test/security): the defaults now live in
 * src/shared/settings-defaults.ts and the document shape in ./settings-document.ts.
 */
export {
  createDefaultSettings,
  DEFAULT_HOTKEYS,
  SETTINGS_SCHEMA_VERSION,
} from '../../../shared/settings-defaults';
export {
  createDefaultDocument,
  type SettingsDocument,
  type WindowBounds,
  type WindowState,
} from './settings-document';
