import { useId, useState } from 'react';
import { LOG_LEVELS, type EventPayload } from '../../../src-shared/contract.js';
import { useEvent } from '../../api/live-updates.js';
import { useOperation } from '../../api/operations.js';
import { LogLines } from './LogLines.js';
import { useTexts } from './texts.js';

type LogLine = EventPayload<'log.line'>;
type Level = (typeof LOG_LEVELS)[number];
const RANK: Record<Level, number> = { info: 0, warn: 1, error: 2, fatal: 3 };
const KEEP = 500;

/** The core's log as it happens (the recent lines first, then `log.line` events), filtered by level. */
export function LiveLog() {
  const t = useTexts();
  const ids = useId();
  const [level, setLevel] = useState<Level>('info');
  const [live, setLive] = useState<LogLine[]>([]);
  const { data } = useOperation('logs.recent', { limit: KEEP }, { staleTime: Infinity });
  useEvent('log.line', (line) => setLive((lines) => [...lines, line].slice(-KEEP)));
  const all = merge(data?.lines ?? [], live).slice(-KEEP);
  const shown = all.filter((l) => RANK[l.level] >= RANK[level]);
  return (
    <section className="card card-wide" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('logHeading')}</h2>
      <div className="filters">
        <label>
          {t('logLevel')}{' '}
          <select value={level} onChange={(e) => setLevel(e.target.value as Level)}>
            {LOG_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level_${l}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {shown.length === 0 ? <p>{t('logEmpty')}</p> : <LogLines lines={shown} label={t('logLines')} live />}
    </section>
  );
}

/** The fetched lines and the streamed ones overlap while the fetch is in flight: one copy of each, by time. */
function merge(fetched: LogLine[], streamed: LogLine[]): LogLine[] {
  const byKey = new Map<string, LogLine>();
  for (const line of [...fetched, ...streamed]) byKey.set(`${line.time}|${line.runId}|${line.msg}`, line);
  return [...byKey.values()].sort((a, b) => a.time.localeCompare(b.time));
}
