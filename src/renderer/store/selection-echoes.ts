/**
 * Main echoes every selection the screen sends (`selection.changed`). While the user keeps
 * moving, an echo of an earlier selection must not pull the selection back; only a change made
 * elsewhere (the tray) is taken. Echoes arrive in the order the selections were sent.
 */
export interface SelectionEchoes {
  /** A selection was sent to main. */
  sent(workNo: string | null): void;
  /** Main answered that selection; an entry still here was never echoed. */
  answered(workNo: string | null): void;
  /** Whether `selection.changed` carries an echo of our own selection (consumed if so). */
  consume(workNo: string | null): boolean;
}

/** Tracks the selections in flight, oldest first. */
export function createSelectionEchoes(): SelectionEchoes {
  const inFlight: Array<string | null> = [];
  return {
    sent(workNo) {
      inFlight.push(workNo);
    },
    answered(workNo) {
      const pending = inFlight.indexOf(workNo);
      if (pending >= 0) inFlight.splice(pending, 1);
    },
    consume(workNo) {
      const echoed = inFlight.indexOf(workNo);
      if (echoed >= 0) {
        inFlight.splice(0, echoed + 1);
        return true;
      }
      inFlight.length = 0;
      return false;
    },
  };
}
