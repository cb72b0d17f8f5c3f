/**
 * Plain-words fixes for the failures a supervisor or IT meets when starting out, from the
 * catalogue's `fix` section: per retcode, else per retcode class, else per kind of failure.
 */
import { GatewayError } from '../main/gateway/gateway-error';
import type { Translate } from './cli-i18n';
import en from './locales/en.json';

const RETCODE_FIXES = new Set(Object.keys(en.fix.retcode));
const CLASS_FIXES = new Set(Object.keys(en.fix.class));
const KIND_FIXES = new Set(Object.keys(en.fix.kind));

/** The fix of a retcode that has its own, else null. */
export function fixOfRetcode(retcode: string | null, t: Translate): string | null {
  return retcode !== null && RETCODE_FIXES.has(retcode) ? t(`fix.retcode.${retcode}`) : null;
}

/** The likely fix for a failure, in plain words, when there is a useful one to give. */
export function suggestFix(error: unknown, t: Translate): string | null {
  if (!(error instanceof GatewayError)) return null;
  if (error.kind === 'retcode' && error.retcode) {
    return (
      fixOfRetcode(error.retcode, t) ??
      (error.retcodeClass !== null && CLASS_FIXES.has(error.retcodeClass)
        ? t(`fix.class.${error.retcodeClass}`)
        : null)
    );
  }
  if (error.kind === 'http-status' && error.needsSignIn) return t('fix.kind.sessionRefused');
  return KIND_FIXES.has(error.kind) ? t(`fix.kind.${error.kind}`) : null;
}
