/**
 * A packaged CC Inspector refuses to start with a debugger door open: Chromium's
 * `--remote-debugging-port` / `--remote-debugging-pipe` would let any local program drive the
 * window (and read the session) over the DevTools protocol, and Node's `--inspect*` would do
 * the same for main (the EnableNodeCliInspectArguments fuse already ignores those; this is the
 * second lock). Development builds keep them for debugging.
 */

const DEBUGGING_SWITCH =
  /^--(?:remote-debugging-(?:port|pipe|address|targets)|inspect(?:-brk|-port|-publish-uid|-wait)?|debug(?:-brk|-port)?)(?:=|$)/i;

/** The debugging switches on a command line (empty when there are none). */
export function findDebuggingSwitches(argv: readonly string[]): string[] {
  return argv.filter((argument) => DEBUGGING_SWITCH.test(argument));
}

/** Whether this start must be refused: a packaged app launched with a debugging switch. */
export function refuseDebuggingLaunch(isPackaged: boolean, argv: readonly string[]): string[] {
  return isPackaged ? findDebuggingSwitches(argv) : [];
}
