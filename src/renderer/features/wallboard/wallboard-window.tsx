/** The wallboard window's content: the insight store and the wallboard screen. */
import { InsightProvider } from '../insight/insight-context';
import { WallboardScreen } from './wallboard-screen';

export function WallboardWindow() {
  return (
    <InsightProvider>
      <WallboardScreen />
    </InsightProvider>
  );
}
