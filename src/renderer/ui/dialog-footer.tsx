/**
 * The usual footer of a dialog: a button that leaves without doing anything, then the primary
 * action. A busy or not-yet-allowed action stays focusable and says why (aria-disabled, title)
 * instead of vanishing from the Tab order; clicking it then does nothing.
 */
export interface DialogFooterProps {
  dismissLabel: string;
  onDismiss: () => void;
  confirmLabel: string;
  /** Runs on click (a button), unless blocked. Leave out with `form`. */
  onConfirm?: () => void;
  /** The id of the form the action submits (a submit button; the form's handler decides). */
  form?: string;
  /** Busy, or not allowed yet. */
  blocked?: boolean;
  /** Why the action is not allowed yet. */
  blockedReason?: string;
}

export function DialogFooter(props: DialogFooterProps) {
  const { onConfirm, blocked } = props;
  return (
    <>
      <button type="button" className="button" onClick={props.onDismiss}>
        {props.dismissLabel}
      </button>
      <button
        type={props.form ? 'submit' : 'button'}
        form={props.form}
        className="button tone-primary"
        aria-disabled={blocked || undefined}
        title={props.blockedReason}
        onClick={onConfirm ? () => blocked || onConfirm() : undefined}
      >
        {props.confirmLabel}
      </button>
    </>
  );
}
