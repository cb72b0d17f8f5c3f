/** Event objects of preventable Electron events. */
export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

/** A fresh preventable event, with extra fields some events carry. */
export function createFakeEvent<T extends object>(extra?: T): FakeEvent & T {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...extra,
  } as FakeEvent & T;
  return event;
}
