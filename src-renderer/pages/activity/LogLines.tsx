import type { EventPayload } from '../../../src-shared/contract.js';
import { useI18n } from '../../i18n/index.js';

type LogLine = EventPayload<'log.line'>;

/** Log lines, oldest first, in a focusable scroller (keyboard users can scroll it); `live` announces new ones. */
export function LogLines({ lines, label, live = false }: { lines: LogLine[]; label: string; live?: boolean }) {
  const { formatTime } = useI18n();
  const list = (
    <ol className="log-lines" tabIndex={live ? undefined : 0} aria-label={label}>
      {lines.map((line, i) => (
        <li key={`${line.time}-${i}`} className={`log-line log-${line.level}`}>
          <time dateTime={line.time}>{formatTime(line.time)}</time> <span className="log-level">{line.level}</span>
          {line.runId !== null && <span className="log-run">#{line.runId}</span>} <span className="log-msg">{line.msg}</span>
          {line.details && <code className="log-details">{line.details}</code>}
        </li>
      ))}
    </ol>
  );
  if (!live) return list;
  return (
    <div className="log-scroll" role="log" tabIndex={0} aria-label={label}>
      {list}
    </div>
  );
}
