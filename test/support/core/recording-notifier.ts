import type { Notifier } from '../../../src/main/supervisor/ports';

/** A notifier that collects notifications, for tests that assert what the supervisor was told. */
export function createRecordingNotifier(): Notifier & {
  notifications: Parameters<Notifier['notify']>[0][];
} {
  const notifications: Parameters<Notifier['notify']>[0][] = [];
  return { notifications, notify: (notification) => void notifications.push(notification) };
}
