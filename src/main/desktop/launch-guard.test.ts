/** Issue 9: a packaged build exits at start when launched with a debugging switch. */
import { describe, expect, it } from 'vitest';
import { findDebuggingSwitches, refuseDebuggingLaunch } from './launch-guard';

describe('launch guard', () => {
  it('finds remote-debugging and inspect switches in every spelling', () => {
    const argv = [
      '/opt/CC Inspector/cc-inspector',
      '--remote-debugging-port=9222',
      '--remote-debugging-pipe',
      '--inspect',
      '--inspect=9229',
      '--inspect-brk=0.0.0.0:9229',
      '--inspect-port=9230',
      '--debug',
      '--REMOTE-DEBUGGING-PORT=1',
    ];
    expect(findDebuggingSwitches(argv)).toEqual(argv.slice(1));
  });

  it('leaves ordinary switches and look-alikes alone', () => {
    expect(
      findDebuggingSwitches(['app', '--demo', '--lang=zh-CN', '--inspector', '--remote-debugging']),
    ).toEqual([]);
  });

  it('refuses only a packaged app', () => {
    const argv = ['app', '--remote-debugging-port=9222'];
    expect(refuseDebuggingLaunch(true, argv)).toEqual(['--remote-debugging-port=9222']);
    expect(refuseDebuggingLaunch(false, argv)).toEqual([]);
  });
});
