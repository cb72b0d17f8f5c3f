/**
 * What the note composer checks as the supervisor types: the UTF-8 length the gateway counts
 * (cec_07_1205: at most 1,023 bytes) and how many requests a number of receivers takes.
 */
export const NOTE_MAX_BYTES = 1_023;
export const NOTE_BATCH_SIZE = 100;

const encoder = new TextEncoder();

export function noteBytes(text: string): number {
  return encoder.encode(text).length;
}

export function batchesFor(receivers: number): number {
  return Math.ceil(receivers / NOTE_BATCH_SIZE);
}

/** Agent ids typed as a list (commas, spaces, new lines); the wrong ones reported apart. */
export function parseAgentList(text: string): { workNos: string[]; invalid: string[] } {
  const words = text.split(/[\s,;，；]+/).filter((word) => word !== '');
  const valid = words.filter((word) => /^[1-9][0-9]{2,5}$/.test(word));
  return {
    workNos: [...new Set(valid)],
    invalid: words.filter((word) => !/^[1-9][0-9]{2,5}$/.test(word)),
  };
}
