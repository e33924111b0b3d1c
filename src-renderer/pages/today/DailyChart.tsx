import type { DailyStats } from '../../../src-shared/contract.js';
import { useOperation } from '../../api/operations.js';
import { useI18n } from '../../i18n/index.js';
import { useTexts } from './texts.js';

const WIDTH = 600;
const HEIGHT = 160;
const AXIS = 18;
const SERIES = ['sent', 'failed', 'dryRun'] as const;

/** Two stacked bars a day (messages, visits), scaled to the busiest day. */
function Bars({ days }: { days: DailyStats[] }) {
  const max = Math.max(1, ...days.flatMap((d) => [total(d.messages), total(d.visits)]));
  const slot = WIDTH / days.length;
  const bar = Math.max(2, slot / 2 - 2);
  const scale = (HEIGHT - AXIS) / max;
  return (
    <>
      {days.map((d, i) => (
        <g key={d.date} transform={`translate(${i * slot + 1}, 0)`}>
          {(['messages', 'visits'] as const).map((kind, k) => {
            let y = HEIGHT - AXIS;
            return SERIES.map((series) => {
              const h = d[kind][series] * scale;
              y -= h;
              return h > 0 ? (
                <rect key={`${kind}-${series}`} className={`bar bar-${kind} bar-${series}`} x={k * (bar + 1)} y={y} width={bar} height={h} />
              ) : null;
            });
          })}
        </g>
      ))}
      <line className="axis" x1={0} x2={WIDTH} y1={HEIGHT - AXIS} y2={HEIGHT - AXIS} />
    </>
  );
}

const total = (c: DailyStats['messages']) => c.sent + c.failed + c.dryRun;

/** Messages and visits per day over 30 days, as an SVG chart with the same figures in a table behind it. */
export function DailyChart() {
  const { formatDate, formatNumber } = useI18n();
  const t = useTexts();
  const { data } = useOperation('stats.daily', { days: 30 });
  if (!data) return null;
  const { days } = data;
  const day = (iso: string) => formatDate(`${iso}T12:00:00`);
  const messages = days.reduce((n, d) => n + d.messages.sent, 0);
  const visits = days.reduce((n, d) => n + d.visits.sent, 0);
  const summary = t('chartSummary', { messages: formatNumber(messages), visits: formatNumber(visits) });
  return (
    <section className="card card-wide chart-card" aria-labelledby="chart-heading">
      <h2 id="chart-heading">{t('chartHeading')}</h2>
      <p>{summary}</p>
      <svg className="daily-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
        <Bars days={days} />
        <text className="axis-label" x={0} y={HEIGHT - 4}>
          {day(days[0].date)}
        </text>
        <text className="axis-label" x={WIDTH} y={HEIGHT - 4} textAnchor="end">
          {day(days[days.length - 1].date)}
        </text>
      </svg>
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="swatch bar-messages bar-sent" /> {t('chartMessages')} — {t('chartLegendSent')}
        </li>
        <li>
          <span className="swatch bar-visits bar-sent" /> {t('chartVisits')} — {t('chartLegendSent')}
        </li>
        <li>
          <span className="swatch bar-failed" /> {t('chartLegendFailed')}
        </li>
        <li>
          <span className="swatch bar-dryRun" /> {t('chartLegendDryRun')}
        </li>
      </ul>
      <details className="chart-table">
        <summary>{t('chartTableToggle')}</summary>
        <table>
          <caption>{t('chartTableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chartDate')}</th>
              <th scope="col">{t('chartMessagesSent')}</th>
              <th scope="col">{t('chartMessagesFailed')}</th>
              <th scope="col">{t('chartMessagesDry')}</th>
              <th scope="col">{t('chartVisitsOk')}</th>
              <th scope="col">{t('chartVisitsFailed')}</th>
              <th scope="col">{t('chartVisitsDry')}</th>
            </tr>
          </thead>
          <tbody>
            {[...days].reverse().map((d) => (
              <tr key={d.date} data-date={d.date}>
                <th scope="row">{day(d.date)}</th>
                <td>{d.messages.sent}</td>
                <td>{d.messages.failed}</td>
                <td>{d.messages.dryRun}</td>
                <td>{d.visits.sent}</td>
                <td>{d.visits.failed}</td>
                <td>{d.visits.dryRun}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
