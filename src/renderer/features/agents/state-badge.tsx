/**
 * An agent state as icon + colour + word.
 */
import { useTranslation } from 'react-i18next';
import type { AgentState } from '../../../shared/domain';
import { Icon } from '../../ui/icons';
import { STATE_ICON } from './agent-states';

/** The state of an agent, readable without colour. */
export function StateBadge(props: { state: AgentState }) {
  const { t } = useTranslation();
  return (
    <span className={`state-badge state-${props.state}`}>
      <Icon name={STATE_ICON[props.state]} />
      <span>{t(`agentState.${props.state}`)}</span>
    </span>
  );
}
