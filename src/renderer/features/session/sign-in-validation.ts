/**
 * Sign-in form validation with the contract's own schema (the one main checks against), so the
 * form and main cannot disagree. Errors are i18n keys, shown next to their field.
 */
// First: zod is told not to compile with eval (the page's CSP) before a schema parses.
import '../../zod-setup';
import type { CommandArgs } from '../../../shared/ipc/contract';
import { commandArgSchemas } from '../../../shared/ipc/contract-schemas';

export interface SignInForm {
  gatewayUrl: string;
  inspectorId: string;
  phoneNumber: string;
  password: string;
  remember: boolean;
}

export type SignInField = 'gatewayUrl' | 'inspectorId' | 'phoneNumber' | 'password';
export type SignInErrors = Partial<Record<SignInField, string>>;

export type SignInValidation =
  { ok: true; args: CommandArgs<'session.signIn'> } | { ok: false; errors: SignInErrors };

const FIELDS: readonly SignInField[] = ['gatewayUrl', 'inspectorId', 'phoneNumber', 'password'];

/**
 * Check the form. `canUseRememberedPassword`: the keychain holds a password for this very
 * inspector, so an empty password field means "use it".
 */
export function validateSignIn(
  form: SignInForm,
  canUseRememberedPassword: boolean,
): SignInValidation {
  const errors: SignInErrors = {};
  const args: CommandArgs<'session.signIn'> = {
    gatewayUrl: form.gatewayUrl.trim(),
    inspectorId: form.inspectorId.trim(),
    phoneNumber: form.phoneNumber.trim(),
    remember: form.remember,
  };
  if (form.password !== '') args.password = form.password;
  else if (!canUseRememberedPassword) errors.password = 'signIn.errors.passwordRequired';

  for (const field of FIELDS) {
    if (field !== 'password' && args[field] === '')
      errors[field] = `signIn.errors.${field}Required`;
  }
  const parsed = commandArgSchemas['session.signIn'].safeParse(args);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (
        typeof field === 'string' &&
        (FIELDS as readonly string[]).includes(field) &&
        !errors[field as SignInField]
      ) {
        errors[field as SignInField] = `signIn.errors.${field}Invalid`;
      }
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, args };
}
