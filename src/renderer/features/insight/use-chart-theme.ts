/** The theme the charts draw in: the setting, or the system's when it says "system". */
import { useSyncExternalStore } from 'react';
import { useAppState } from '../../store/store-context';
import type { ChartTheme } from './chart-palette';

const QUERY = '(prefers-color-scheme: dark)';

function subscribeScheme(listener: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => undefined;
  const list = matchMedia(QUERY);
  list.addEventListener('change', listener);
  return () => list.removeEventListener('change', listener);
}

const systemDark = (): boolean => typeof matchMedia === 'function' && matchMedia(QUERY).matches;

export function useChartTheme(): ChartTheme {
  const setting = useAppState((state) => state.settings.theme);
  const dark = useSyncExternalStore(subscribeScheme, systemDark, () => false);
  if (setting === 'system') return dark ? 'dark' : 'light';
  return setting;
}
