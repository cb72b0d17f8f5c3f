/**
 * What the coaching interfaces send, checked before the network: notes to agents
 * (`sendnoteletex`, cec_07_1205), forced rest (`forcerest`, cec_07_2411), releasing a call
 * (`forcedropcall`, cec_07_2408 / cec_07_0442) and adjusting skills (`adjustskill`,
 * cec_07_2409 / cec_07_0443). Each refusal is a GatewayError of kind `invalid-argument`.
 */
import { LIMITS } from '../../../shared/gateway-protocol/gateway-paths';
import { invalidArgument, validateSkillId, validateWorkNo } from './gateway-validators';

/** C0 controls other than tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const NOTE_FORBIDDEN_CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
/** A UTF-16 surrogate without its partner: it has no UTF-8 form and would arrive changed. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const encoder = new TextEncoder();

/** The length of `text` in UTF-8 bytes, as the gateway counts the note's content. */
export function utf8ByteLength(text: string): number {
  return encoder.encode(text).length;
}

/**
 * Note receivers: validated agent ids without repeats, in order, split into batches of at most
 * LIMITS.noteRecipientsMax (the page allows 100 ids per request).
 */
export function planNoteBatches(workNos: unknown, interfaceName = 'sendNoteletEx'): string[][] {
  if (!Array.isArray(workNos) || workNos.length === 0)
    throw invalidArgument(interfaceName, 'Invalid receivers: name at least one agent.');
  const unique = [
    ...new Set(workNos.map((workNo: unknown) => validateWorkNo(workNo, 'agent id', interfaceName))),
  ];
  const batches: string[][] = [];
  for (let start = 0; start < unique.length; start += LIMITS.noteRecipientsMax)
    batches.push(unique.slice(start, start + LIMITS.noteRecipientsMax));
  return batches;
}

/** A note's text: 0 to 1,023 UTF-8 bytes, Chinese allowed, no control characters but tab and newlines. */
export function validateNoteContent(value: unknown, interfaceName = 'sendNoteletEx'): string {
  if (typeof value !== 'string')
    throw invalidArgument(interfaceName, 'Invalid note: expected text.');
  if (LONE_SURROGATE.test(value))
    throw invalidArgument(interfaceName, 'Invalid note: it contains a broken character.');
  if (NOTE_FORBIDDEN_CONTROLS.test(value))
    throw invalidArgument(interfaceName, 'Invalid note: it contains control characters.');
  const bytes = utf8ByteLength(value);
  if (bytes > LIMITS.noteContentMaxBytes)
    throw invalidArgument(
      interfaceName,
      `Invalid note: it is ${bytes} bytes long; a note holds at most ${LIMITS.noteContentMaxBytes} bytes (UTF-8).`,
    );
  return value;
}

/** The JSON body of one sendnoteletex request: ids as integers, as the page types them. */
export function buildNoteBody(batch: readonly string[], content: string): string {
  if (batch.length === 0 || batch.length > LIMITS.noteRecipientsMax)
    throw invalidArgument(
      'sendNoteletEx',
      `Invalid receivers: one request names 1 to ${LIMITS.noteRecipientsMax} agents.`,
    );
  const agentIds = batch.map((workNo) =>
    Number(validateWorkNo(workNo, 'agent id', 'sendNoteletEx')),
  );
  return JSON.stringify({ agentIds, content: validateNoteContent(content) });
}

function validateWholeNumber(
  value: unknown,
  field: string,
  min: number,
  max: number,
  interfaceName: string,
): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max)
    throw invalidArgument(interfaceName, `Invalid ${field}: a whole number from ${min} to ${max}.`);
  return value;
}

/** Rest duration in seconds: 1 to 86,399. */
export function validateRestSeconds(value: unknown, interfaceName = 'forceRest'): number {
  return validateWholeNumber(
    value,
    'rest duration',
    LIMITS.restSecondsMin,
    LIMITS.restSecondsMax,
    interfaceName,
  );
}

/** Rest reason code: 1 to 255. */
export function validateRestReason(value: unknown, interfaceName = 'forceRest'): number {
  return validateWholeNumber(
    value,
    'rest reason',
    LIMITS.restReasonMin,
    LIMITS.restReasonMax,
    interfaceName,
  );
}

/** Skill ids for adjustskill: 1 to 1,000 non-negative integers, repeats dropped. */
export function validateSkillList(value: unknown, interfaceName = 'adjustSkill'): number[] {
  if (!Array.isArray(value) || value.length === 0)
    throw invalidArgument(interfaceName, 'Invalid skills: name at least one skill queue.');
  const unique = [
    ...new Set(value.map((skill: unknown) => validateSkillId(skill, 'skill id', interfaceName))),
  ];
  if (unique.length > LIMITS.adjustSkillsMax)
    throw invalidArgument(
      interfaceName,
      `Invalid skills: ${unique.length} skills; one request sets at most ${LIMITS.adjustSkillsMax}.`,
    );
  return unique;
}

/** The JSON body of adjustskill: `workNo` as text, skills as numbers (the page's example). */
export function buildAdjustSkillBody(workNo: string, skills: readonly number[]): string {
  return JSON.stringify({
    workNo: validateWorkNo(workNo, 'agent id', 'adjustSkill'),
    skills: validateSkillList(skills),
  });
}
