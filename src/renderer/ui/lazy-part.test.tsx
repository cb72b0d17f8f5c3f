/**
 * A part loaded on demand: Suspense's fallback until its module arrives, then the part; once
 * loaded (or preloaded) it renders at once, with no fallback in between.
 */
import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { lazyPart } from './lazy-part';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

const Greeting = (props: { name: string }) => <p>Hello {props.name}</p>;

describe('lazyPart', () => {
  it('shows the fallback until the module is loaded, then the part with its props', async () => {
    const module = deferred<typeof Greeting>();
    let loads = 0;
    const Part = lazyPart(() => {
      loads++;
      return module.promise;
    });
    render(
      <Suspense fallback={<p>Loading</p>}>
        <Part name="Li" />
      </Suspense>,
    );
    expect(screen.getByText('Loading')).toBeInTheDocument();
    await act(async () => module.resolve(Greeting));
    expect(screen.getByText('Hello Li')).toBeInTheDocument();
    expect(loads).toBe(1);
  });

  it('renders a preloaded part at once, without the fallback', async () => {
    const Part = lazyPart(async () => Greeting);
    await Part.preload();
    render(
      <Suspense fallback={<p>Loading</p>}>
        <Part name="Wang" />
      </Suspense>,
    );
    expect(screen.queryByText('Loading')).toBeNull();
    expect(screen.getByText('Hello Wang')).toBeInTheDocument();
  });
});
