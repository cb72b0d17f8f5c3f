/**
 * Search by id or name, filter by group, and how many agents are shown.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useStore } from '../../store/store-context';
import { Icon } from '../../ui/icons';

/** The search box, the group filter and the result count. */
export function AgentFilters() {
  const { t } = useTranslation();
  const store = useStore();
  const search = useAppState((state) => state.view.search);
  const group = useAppState((state) => state.view.group);
  const groups = useAppState((state) => state.summary.groups);
  const shown = useAppState((state) => state.summary.ids.length);
  const total = useAppState((state) => state.summary.total);
  const arriving = useAppState((state) => state.roster.arriving !== null);
  const filtered = useAppState(
    (state) =>
      state.view.search !== '' || state.view.states.length > 0 || state.view.group !== null,
  );
  const searchRef = useRef<HTMLInputElement>(null);

  // Ctrl/Cmd+F jumps to the search box from anywhere on the main screen.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="agent-filters">
      <label className="search-box">
        <Icon name="search" />
        <span className="visually-hidden">{t('agents.searchLabel')}</span>
        <input
          ref={searchRef}
          type="search"
          value={search}
          placeholder={t('agents.searchPlaceholder')}
          onChange={(event) => store.setView({ search: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && search !== '') {
              event.preventDefault();
              store.setView({ search: '' });
            }
          }}
        />
      </label>
      <label className="inline-field">
        <span>{t('agents.groupLabel')}</span>
        <select
          value={group ?? ''}
          onChange={(event) =>
            store.setView({ group: event.target.value === '' ? null : event.target.value })
          }
        >
          <option value="">{t('agents.allGroups')}</option>
          {groups.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <span className="result-count">
        {arriving ? t('glance.agentsArriving') : t('agents.showing', { shown, total })}
      </span>
      {filtered ? (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => store.setView({ search: '', states: [], group: null })}
        >
          {t('agents.clearFilters')}
        </button>
      ) : null}
    </div>
  );
}
