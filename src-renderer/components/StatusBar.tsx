import type { Status } from '../../src-shared/domain.js';
import { useI18n } from '../i18n/index.js';
import { ActionButton } from './ActionButton.js';

/** The one status sentence (same as the tray tooltip and `rapport status`), with what resolves it. */
export function StatusBar({ status }: { status: Status }) {
  const { t, lang, stateLabel, formatTime } = useI18n();
  const when = status.until ? t(status.state === 'scheduled' ? 'statusNext' : 'statusUntil', { time: formatTime(status.until) }) : null;
  return (
    <section className={`status-bar state-${status.state}`} aria-labelledby="status-heading">
      <h2 id="status-heading" className="visually-hidden">
        {t('statusHeading')}
      </h2>
      <p className="status-sentence" role="status">
        <strong className="state-badge">{stateLabel(status.state)}</strong>{' '}
        <span className="status-reason">{status.reason[lang]}</span>
        {when && <span className="status-until"> ({when})</span>}
      </p>
      <ActionButton status={status} />
    </section>
  );
}
