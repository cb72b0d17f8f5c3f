/**
 * A labelled form field with its hint and error wired for assistive technology.
 */
import { useId, type ReactElement, type ReactNode } from 'react';

export interface FormFieldProps {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  /** Render the control with the ids it must carry. */
  children: (control: {
    id: string;
    'aria-invalid': boolean | undefined;
    'aria-describedby': string | undefined;
  }) => ReactElement;
}

/** Label, control, hint and error in one block. */
export function FormField(props: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [props.error ? errorId : null, props.hint ? hintId : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className={props.error ? 'form-field has-error' : 'form-field'}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({
        id,
        'aria-invalid': props.error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {props.error ? (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      ) : null}
      {props.hint ? (
        <p id={hintId} className="field-hint">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}
