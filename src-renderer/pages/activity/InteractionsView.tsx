import { useId, useState } from 'react';
import { INTERACTION_STATUSES, INTERACTION_TYPES, type Interaction } from '../../../src-shared/domain.js';
import { useOperation } from '../../api/operations.js';
import { InteractionList } from './InteractionList.js';
import { Pager } from './Pager.js';
import { useTexts } from './texts.js';

const PAGE_SIZE = 500;

/** All interactions, filtered by type and status; a page holds 500, virtualised. */
export function InteractionsView() {
  const t = useTexts();
  const ids = useId();
  const [type, setType] = useState<Interaction['type'] | ''>('');
  const [status, setStatus] = useState<Interaction['status'] | ''>('');
  const [page, setPage] = useState(1);
  const { data } = useOperation('interactions.list', { page, pageSize: PAGE_SIZE, type: type || undefined, status: status || undefined });
  return (
    <section className="card card-wide" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('interactionsHeading')}</h2>
      <div className="filters">
        <label>
          {t('filterType')}{' '}
          <select value={type} onChange={(e) => (setType(e.target.value as Interaction['type'] | ''), setPage(1))}>
            <option value="">{t('filterAll')}</option>
            {INTERACTION_TYPES.map((k) => (
              <option key={k} value={k}>
                {t(`type_${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterStatus')}{' '}
          <select value={status} onChange={(e) => (setStatus(e.target.value as Interaction['status'] | ''), setPage(1))}>
            <option value="">{t('filterAll')}</option>
            {INTERACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`istatus_${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {data && data.items.length === 0 && <p>{t('noInteractions')}</p>}
      {data && data.items.length > 0 && (
        <>
          <p className="note">{t('showing', { n: data.items.length, total: data.total })}</p>
          <InteractionList items={data.items} label={t('interactionsList')} />
        </>
      )}
      {data && <Pager label={t('interactionsHeading')} page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} />}
    </section>
  );
}
