/** The local control endpoint: server (app, `session --serve`) and client (the command line). */
export {
  controlLocation,
  controlLocationOfThisProcess,
  CONTROL_DIR_VARIABLE,
  type ControlLocation,
} from './control-location';
export {
  startControlServer,
  ControlEndpointBusyError,
  type ControlServer,
  type ControlServerOptions,
} from './control-server';
export { UnsafeControlFolderError } from './control-folder';
export type { ControlInfo, ControlOwner } from './control-wire';
