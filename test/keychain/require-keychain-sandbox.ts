/**
 * Global set-up of the keychain suite: it must run inside scripts/with-keychain.sh's throwaway
 * Secret Service (never the user's own keychain). Run any other way, say how to run it and
 * stop, instead of failing with a stack trace or touching a real keychain.
 */
export default function requireKeychainSandbox(): void {
  if (process.env.CC_INSPECTOR_KEYCHAIN_SANDBOX) return;
  process.stderr.write(
    [
      '',
      'The keychain tests talk to a real Secret Service, so they run only inside a throwaway one:',
      'use `npm run test:keychain`, which starts a private D-Bus session with an unlocked',
      'gnome-keyring in a temporary HOME (scripts/with-keychain.sh; on Debian/Ubuntu it needs',
      '`apt-get install -y gnome-keyring dbus`).',
      '',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
