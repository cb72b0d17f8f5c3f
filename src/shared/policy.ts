/**
 * What the screen learns about the administrator's policy (managed settings): which settings
 * are locked, by which policy key and from where, so the settings dialog can show them locked
 * with the reason. Plain data; the policy itself is read and applied in main (src/main/policy).
 */

/** One locked setting: the policy key that locks it and where that key was read. */
export interface PolicyLock {
  /** The policy key, e.g. `GatewayUrl`. */
  key: string;
  /** Where it was read, e.g. `HKLM\Software\Policies\CC Inspector` or `/etc/cc-inspector/policy.json`. */
  source: string;
}

export interface PolicyView {
  /**
   * Locked settings by settings path (`gateway.url`, `hotkeys.listen`, `alerts.longCallSeconds`,
   * `language`, `updates.channel`, `demoMode`, …). A path not listed is the person's to change.
   */
  locked: Record<string, PolicyLock>;
  /** Whether demo mode may be started (policy `DemoModeAllowed`; true without a policy). */
  demoModeAllowed: boolean;
  /** Whether a policy was found at all (any source, even one with problems). */
  managed: boolean;
}

/** No policy: nothing locked, demo mode allowed. */
export const UNMANAGED_POLICY_VIEW: PolicyView = Object.freeze({
  locked: Object.freeze({}) as Record<string, PolicyLock>,
  demoModeAllowed: true,
  managed: false,
});
