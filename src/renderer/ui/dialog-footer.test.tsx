import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DialogFooter } from './dialog-footer';

describe('DialogFooter', () => {
  it('leaves with the first button and acts with the second', async () => {
    const onDismiss = vi.fn();
    const onConfirm = vi.fn();
    render(
      <DialogFooter
        dismissLabel="Cancel"
        onDismiss={onDismiss}
        confirmLabel="Save"
        onConfirm={onConfirm}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('a blocked action stays focusable, says why and does nothing when clicked', async () => {
    const onConfirm = vi.fn();
    render(
      <DialogFooter
        dismissLabel="Close"
        onDismiss={() => undefined}
        confirmLabel="Send"
        onConfirm={onConfirm}
        blocked
        blockedReason="The note is longer than 1,023 bytes."
      />,
    );
    const send = screen.getByRole('button', { name: 'Send' });
    expect(send).toHaveAttribute('aria-disabled', 'true');
    expect(send).toHaveAttribute('title', 'The note is longer than 1,023 bytes.');
    expect(send).not.toBeDisabled();
    send.focus();
    expect(send).toHaveFocus();
    await userEvent.click(send);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('with a form, the action is that form’s submit button', () => {
    render(
      <form id="settings-form">
        <DialogFooter
          dismissLabel="Cancel"
          onDismiss={() => undefined}
          confirmLabel="Save"
          form="settings-form"
        />
      </form>,
    );
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save).toHaveAttribute('type', 'submit');
    expect(save).toHaveAttribute('form', 'settings-form');
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveAttribute('type', 'button');
  });
});
