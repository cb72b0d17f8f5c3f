import { KeychainUnavailableError } from '../supervisor/ports';
import { explainKeychainFailure, KeychainOperationError } from './keychain-failure';

// Texts as @napi-rs/keyring 2.1 reports them on Linux (captured from real runs).
const NO_BUS =
  'Platform failure: DBus error: Failed to connect to socket /nonexistent: No such file or directory';
const NO_BUS_ADDRESS =
  'Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead';
const NO_BUS_FIND =
  'zbus error: Failed to connect to address `unix:path=/run/user/0/bus`: No such file or directory (os error 2)';
const LOCKED = "Couldn't access platform storage: Secret Service: unlock prompt was dismissed";
const NO_SERVICE =
  'Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files';

describe('explainKeychainFailure', () => {
  it('says a D-Bus session is missing and how to get one', () => {
    for (const text of [NO_BUS, NO_BUS_ADDRESS, NO_BUS_FIND]) {
      const error = explainKeychainFailure(new Error(text), 'read the password');
      expect(error).toBeInstanceOf(KeychainUnavailableError);
      expect(error.message).toMatch(/No D-Bus session bus/);
      expect(error.message).toMatch(/dbus-run-session/);
      expect(error.message).toContain(`Could not read the password: ${text}`);
    }
  });

  it('says the keychain is locked and to unlock it', () => {
    const error = explainKeychainFailure(new Error(LOCKED), 'store the password');
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(error.message).toMatch(/locked or refused access\. Unlock it/);
  });

  it('says no Secret Service runs and which ones to install', () => {
    const error = explainKeychainFailure(new Error(NO_SERVICE), 'store the password');
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(error.message).toMatch(/No Secret Service is running.*GNOME Keyring/);
  });

  it('keeps other refusals apart from "no keychain"', () => {
    const error = explainKeychainFailure(
      new Error('Entry is matched by 2 credentials'),
      'read the password',
    );
    expect(error).toBeInstanceOf(KeychainOperationError);
    expect(error).not.toBeInstanceOf(KeychainUnavailableError);
    expect(error.message).toBe(
      'The OS keychain refused to read the password: Entry is matched by 2 credentials',
    );
  });

  it('keeps the original error as the cause and accepts non-Error values', () => {
    const original = new Error(NO_BUS);
    expect(explainKeychainFailure(original, 'x').cause).toBe(original);
    expect(explainKeychainFailure('Platform failure: broken', 'x')).toBeInstanceOf(
      KeychainUnavailableError,
    );
  });
});
