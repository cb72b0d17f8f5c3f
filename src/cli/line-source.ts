import { createInterface } from 'node:readline';

/** Lines of a stream, read one at a time and shared by everyone who reads standard input. */
export interface LineSource {
  /** The next line without its line ending, or null at end of input. */
  next(): Promise<string | null>;
  close(): void;
}

/** Reads `input` line by line (LF or CRLF), lazily: nothing is read before the first next(). */
export function createLineSource(input: NodeJS.ReadableStream): LineSource {
  let lines: AsyncIterator<string> | null = null;
  let closeReader: (() => void) | null = null;
  let ended = false;
  return {
    async next() {
      if (ended) return null;
      if (lines === null) {
        const reader = createInterface({ input, crlfDelay: Infinity, terminal: false });
        closeReader = () => reader.close();
        lines = reader[Symbol.asyncIterator]();
      }
      const step = await lines.next();
      if (step.done) {
        ended = true;
        return null;
      }
      return step.value;
    },
    close() {
      ended = true;
      closeReader?.();
    },
  };
}
