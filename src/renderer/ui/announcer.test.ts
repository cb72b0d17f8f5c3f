// @vitest-environment node
import { createAnnouncer } from './announcer';

describe('announcer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('speaks at once, then at most once per interval, folding what came meanwhile', () => {
    const announcer = createAnnouncer({ minIntervalMs: 2000, now: () => Date.now() });
    const heard: string[] = [];
    announcer.subscribe((message) => heard.push(message));
    announcer.announce('Listening to agent 1001.');
    expect(heard).toEqual(['Listening to agent 1001.']);
    announcer.announce('Reconnecting.');
    announcer.announce('Live.');
    announcer.announce('Live.');
    expect(heard).toHaveLength(1);
    vi.advanceTimersByTime(1999);
    expect(heard).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(heard).toEqual(['Listening to agent 1001.', 'Reconnecting. Live.']);
  });

  it('keeps only the newest messages when many pile up', () => {
    const announcer = createAnnouncer({ minIntervalMs: 2000, maxFolded: 2, now: () => Date.now() });
    const heard: string[] = [];
    announcer.subscribe((message) => heard.push(message));
    announcer.announce('a');
    for (const message of ['b', 'c', 'd']) announcer.announce(message);
    vi.advanceTimersByTime(2000);
    expect(heard).toEqual(['a', 'c d']);
  });

  it('ignores empty messages and stops after dispose', () => {
    const announcer = createAnnouncer({ minIntervalMs: 2000, now: () => Date.now() });
    const heard: string[] = [];
    announcer.subscribe((message) => heard.push(message));
    announcer.announce('  ');
    announcer.announce('one');
    announcer.announce('two');
    announcer.dispose();
    vi.advanceTimersByTime(5000);
    expect(heard).toEqual(['one']);
  });
});
