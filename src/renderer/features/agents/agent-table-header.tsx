/**
 * Column headers of the agent grid; each one sorts by its column (again: reverse).
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useStore } from '../../store/store-context';
import { Icon } from '../../ui/icons';
import { AGENT_COLUMNS } from './agent-columns';

/**
 * The header row (aria-rowindex 1) with sort buttons and aria-sort. Memoised: it changes with
 * the sort and the language only, not with every roster change that re-renders the table.
 */
export const AgentTableHeader = memo(function AgentTableHeader() {
  const { t } = useTranslation();
  const store = useStore();
  const sort = useAppState((state) => state.view.sort);
  return (
    <div role="rowgroup" className="agent-grid-head">
      <div role="row" aria-rowindex={1} className="agent-row agent-head-row">
        {AGENT_COLUMNS.map((column) => {
          const active = sort.key === column.id;
          const label = t(column.labelKey);
          return (
            <div
              key={column.id}
              role="columnheader"
              className={`cell cell-head cell-${column.id}${active ? ' is-sorted' : ''}`}
              aria-sort={
                active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined
              }
            >
              <button
                type="button"
                className="sort-button"
                onClick={() => store.toggleSort(column.id)}
                title={t('agents.sortBy', { column: label })}
              >
                {column.iconOnly ? (
                  <>
                    <Icon name="alert" />
                    <span className="visually-hidden">{label}</span>
                  </>
                ) : (
                  <span>{label}</span>
                )}
                {active ? (
                  <Icon
                    name={sort.direction === 'asc' ? 'sortAsc' : 'sortDesc'}
                    className="sort-icon"
                  />
                ) : null}
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
});
