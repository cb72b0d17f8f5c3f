/**
 * Test helpers that catch the GatewayError a call throws or a promise rejects with, failing
 * the test when it throws nothing or something else. Test-only.
 */
import { GatewayError } from '../../../src/main/gateway/gateway-error';

/** The GatewayError `run` throws. */
export function failureOf(run: () => unknown): GatewayError {
  try {
    run();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}

/** The message of the `malformed` GatewayError `run` throws (another kind fails the test). */
export function malformedMessage(run: () => unknown): string {
  const error = failureOf(run);
  if (error.kind !== 'malformed') throw error;
  return error.message;
}

/** The GatewayError `promise` rejects with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}
