/**
 * The account facts the screen shows beside the settings: whether a password is remembered for
 * the configured inspector, whether the OS keychain answers, and whether we run the demo gateway.
 * Written only by the account flows, through the methods below.
 */

/** Account facts with one writer each. */
export class AccountState {
  private remembered = false;
  private keychainReachable = true;
  private demoStarted = false;

  get passwordRemembered(): boolean {
    return this.remembered;
  }

  get keychainAvailable(): boolean {
    return this.keychainReachable;
  }

  /** The in-process demo gateway is running (started by us). */
  get demoRunning(): boolean {
    return this.demoStarted;
  }

  /** What the keychain last said about a password for the configured inspector. */
  notePasswordRemembered(remembered: boolean): void {
    this.remembered = remembered;
  }

  /** A keychain call succeeded. */
  noteKeychainAvailable(): void {
    this.keychainReachable = true;
  }

  /** A keychain call failed because no OS keychain can be reached. */
  noteKeychainUnavailable(): void {
    this.keychainReachable = false;
  }

  markDemoRunning(): void {
    this.demoStarted = true;
  }

  markDemoStopped(): void {
    this.demoStarted = false;
  }
}
