/**
 * What every figure gets from the runner and what it gives back.
 */
import type { FigureRow } from './report';

export interface BenchContext {
  /** The short CI run: smaller samples and windows, same code paths. */
  quick: boolean;
  /** Progress line on stderr (the table goes to stdout). */
  log(message: string): void;
}

export interface Figure {
  /** Name used by `--only`, e.g. `client-overhead`. */
  name: string;
  run(context: BenchContext): Promise<FigureRow[]>;
  /** Started first and awaited last: the figure only waits (in its own thread). */
  background?: boolean;
}
