/** Reason-code time per agent this shift (rest, busy, wrap-up), over-budget rows marked. */
import { useTranslation } from 'react-i18next';
import type { AgentReasonTime } from '../../../shared/insight';
import { formatDuration } from '../../i18n/format';

export function ReasonTimeTable(props: { rows: readonly AgentReasonTime[]; limit?: number }) {
  const { t } = useTranslation();
  const rows = props.rows.slice(0, props.limit ?? 10);
  if (rows.length === 0) return <p className="muted">{t('insight.reasonTime.empty')}</p>;
  const cell = (ms: number, over: boolean) => (
    <td className={over ? 'is-over' : undefined}>
      {formatDuration(ms)}
      {over ? <span className="tone-word">{t('insight.reasonTime.over')}</span> : null}
    </td>
  );
  return (
    <table className="reason-time">
      <caption>{t('insight.reasonTime.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('insight.reasonTime.agent')}</th>
          <th scope="col">{t('insight.series.resting')}</th>
          <th scope="col">{t('insight.series.busy')}</th>
          <th scope="col">{t('insight.series.wrapUp')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.workNo}>
            <th scope="row">
              {row.workNo} {row.name}
            </th>
            {cell(row.restMs, row.over.includes('rest'))}
            {cell(row.busyMs, row.over.includes('busy'))}
            {cell(row.wrapUpMs, row.over.includes('wrap-up'))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
