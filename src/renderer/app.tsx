/**
 * The screen's root: providers, theme and language kept in step with settings, and the choice
 * between loading, sign-in and the main screen.
 */
import { Suspense, useLayoutEffect } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { Bridge } from './bridge';
import { resolveText } from './i18n/format';
import { MainScreen } from './main-screen';
import type { AppStore } from './store/app-store';
import { StoreProvider, useAppState, useStore } from './store/store-context';
import type { Announcer } from './ui/announcer';
import { AnnouncerProvider } from './ui/announcer-context';
import { Icon } from './ui/icons';
import { LiveRegion } from './ui/live-region';
import { Toasts } from './ui/toasts';
import { lazyPart } from './ui/lazy-part';

// Loaded when first shown, so the first screen parses less: the sign-in form (with the
// contract's validation, zod) and the wallboard are not part of a signed-in window's start.
const SignInScreen = lazyPart(() =>
  import('./features/session/sign-in-screen').then((module) => module.SignInScreen),
);
const WallboardWindow = lazyPart(() =>
  import('./features/wallboard/wallboard-window').then((module) => module.WallboardWindow),
);

/**
 * Apply the theme and language from settings to the document and to i18next. Layout effects,
 * and rendered before the screens: they run before the screen below is first laid out, so a
 * theme that differs from the boot screen's restyles nothing a second time.
 */
function SettingsSync(props: { i18n: I18n }) {
  const theme = useAppState((state) => state.settings.theme);
  const language = useAppState((state) => state.settings.language);
  const ready = useAppState((state) => state.boot.status === 'ready');
  useLayoutEffect(() => {
    if (document.documentElement.dataset.theme !== theme)
      document.documentElement.dataset.theme = theme;
  }, [theme]);
  useLayoutEffect(() => {
    if (!ready) return;
    if (props.i18n.language !== language) void props.i18n.changeLanguage(language);
    if (document.documentElement.lang !== language) document.documentElement.lang = language;
  }, [language, ready, props.i18n]);
  return null;
}

function BootScreen() {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const boot = useAppState((state) => state.boot);
  if (boot.status === 'failed') {
    return (
      <main className="boot-screen">
        <Icon name="alert" className="boot-icon tone-bad" />
        <h1>{t('boot.failedTitle')}</h1>
        <p>
          {resolveText({ en: boot.error.message, zh: boot.error.messageZh }, t, i18n.language)}
          {boot.error.retcode ? ` (${t('common.retcode', { code: boot.error.retcode })})` : ''}
        </p>
        <button type="button" className="button tone-primary" onClick={() => void store.reload()}>
          {t('common.retry')}
        </button>
      </main>
    );
  }
  return (
    <main className="boot-screen" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      <h1>{t('boot.loading')}</h1>
    </main>
  );
}

function Screens(props: { wallboard: boolean }) {
  const boot = useAppState((state) => state.boot.status);
  const phase = useAppState((state) => state.connection.phase);
  if (boot !== 'ready') return <BootScreen />;
  // The wallboard window only shows; signing in is the main window's business.
  if (props.wallboard)
    return (
      <Suspense fallback={<BootScreen />}>
        <WallboardWindow />
      </Suspense>
    );
  if (phase === 'live' || phase === 'reconnecting') return <MainScreen />;
  return (
    <Suspense fallback={<BootScreen />}>
      <SignInScreen />
    </Suspense>
  );
}

export interface AppProps {
  store: AppStore;
  bridge: Bridge;
  i18n: I18n;
  announcer: Announcer;
  /** This window is the read-only wallboard (`#wallboard`). */
  wallboard?: boolean;
}

/** The whole renderer. */
export function App(props: AppProps) {
  return (
    <I18nextProvider i18n={props.i18n}>
      <StoreProvider store={props.store} bridge={props.bridge}>
        <AnnouncerProvider announcer={props.announcer}>
          <SettingsSync i18n={props.i18n} />
          <Screens wallboard={props.wallboard === true} />
          <Toasts />
          <LiveRegion />
        </AnnouncerProvider>
      </StoreProvider>
    </I18nextProvider>
  );
}

/** Shown when the page runs outside the app (no preload bridge). */
export function NoBridgeScreen(props: { i18n: I18n }) {
  return (
    <I18nextProvider i18n={props.i18n}>
      <NoBridgeMessage />
    </I18nextProvider>
  );
}

function NoBridgeMessage() {
  const { t } = useTranslation();
  return (
    <main className="boot-screen">
      <Icon name="alert" className="boot-icon tone-bad" />
      <h1>{t('boot.noBridgeTitle')}</h1>
      <p>{t('boot.noBridgeBody')}</p>
    </main>
  );
}
