import { act, render, screen } from '@testing-library/react';

/** The module loaded afresh, in a "browser" that reports idle time (or not). */
async function load(withIdleCallbacks: boolean) {
  const idle: Array<() => void> = [];
  vi.resetModules();
  if (withIdleCallbacks)
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
  const module = await import('./first-paint');
  return { ...module, idle };
}

afterEach(() => vi.unstubAllGlobals());

describe('first paint', () => {
  it('holds what can wait until the page is first idle, with one idle callback for everyone', async () => {
    const { useFirstPaintDone, whenFirstPaintDone, idle } = await load(true);
    function Probe(props: { name: string }) {
      return <p>{`${props.name}: ${useFirstPaintDone() ? 'mounted' : 'waiting'}`}</p>;
    }
    render(
      <>
        <Probe name="tooltips" />
        <Probe name="overscan" />
      </>,
    );
    const later = vi.fn();
    whenFirstPaintDone(later);
    expect(screen.getByText('tooltips: waiting')).toBeInTheDocument();
    expect(later).not.toHaveBeenCalled();
    expect(idle).toHaveLength(1);
    act(() => idle.shift()?.());
    expect(screen.getByText('tooltips: mounted')).toBeInTheDocument();
    expect(screen.getByText('overscan: mounted')).toBeInTheDocument();
    expect(later).toHaveBeenCalledTimes(1);
    // Once painted, always painted.
    const after = vi.fn();
    whenFirstPaintDone(after);
    expect(after).toHaveBeenCalledTimes(1);
  });

  it('waits for nothing where the platform cannot report idle time', async () => {
    const { whenFirstPaintDone } = await load(false);
    const callback = vi.fn();
    whenFirstPaintDone(callback);
    expect(callback).toHaveBeenCalledTimes(1);
  });
});
