/**
 * An agent state as icon + colour + word.
 */
import { useTranslation } from 'react-i18next';
import type { AgentState } from '../../../shared/domain';
import { Icon } from '../../ui/icons';
import { STATE_ICON } from './agent-states';

/** The badge with its word given (rows pass words worked out once per table). */
function RowStateBadge(props: { state: AgentState; label: string }) {
  return (
    <span className={`state-badge state-${props.state}`}>
      <Icon name={STATE_ICON[props.state]} />
      <span>{props.label}</span>
    </span>
  );
}

/** The state of an agent, readable without colour. */
export function StateBadge(props: { state: AgentState }) {
  const { t } = useTranslation();
  return <RowStateBadge state={props.state} label={t(`agentState.${props.state}`)} />;
}
