import { useEffect, useState } from 'react';
import { CONTACT_STATUSES } from '../../../src-shared/domain.js';
import { useOperation, useOperationMutation } from '../../api/operations.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/index.js';
import { useTexts } from './texts.js';

/** A contact's detail: profile facts, fit breakdown, notes, status, full history, and erase. */
export function ContactDetail({ id, onClose }: { id: number; onClose(): void }) {
  const tx = useTexts();
  const toasts = useToasts();
  const { formatDate, formatTime } = useI18n();
  const { data, error } = useOperation('contacts.get', { id });
  const update = useOperationMutation('contacts.update', { invalidates: ['contacts.get', 'contacts.list', 'plan.birthday'] });
  const erase = useOperationMutation('contacts.erase', { invalidates: ['contacts.list'] });
  const [notes, setNotes] = useState('');
  useEffect(() => setNotes(data?.contact.notes ?? ''), [data?.contact.notes]);
  if (error) return <ErrorNotice error={error} />;
  if (!data) return null;
  const { contact, interactions } = data;
  const birthday = contact.birthMonth && contact.birthDay ? `${String(contact.birthDay).padStart(2, '0')}/${String(contact.birthMonth).padStart(2, '0')}` : tx('notSet');
  return (
    <aside className="card contact-detail" aria-labelledby="contact-detail-heading">
      <div className="detail-head">
        <h2 id="contact-detail-heading">{contact.fullName}</h2>
        <button type="button" onClick={onClose}>
          {tx('close')}
        </button>
      </div>
      <dl className="facts">
        <div>
          <dt>{tx('profile')}</dt>
          <dd>
            <a href={contact.profileUrl} target="_blank" rel="noreferrer noopener">
              {contact.profileUrl}
            </a>
          </dd>
        </div>
        <div>
          <dt>{tx('headline')}</dt>
          <dd>{contact.headline ?? tx('notSet')}</dd>
        </div>
        <div>
          <dt>{tx('company')}</dt>
          <dd>{contact.company ?? tx('notSet')}</dd>
        </div>
        <div>
          <dt>{tx('location')}</dt>
          <dd>{contact.location ?? tx('notSet')}</dd>
        </div>
        <div>
          <dt>{tx('birthday')}</dt>
          <dd>{birthday}</dd>
        </div>
        <div>
          <dt>{tx('score')}</dt>
          <dd>{contact.score ?? tx('notSet')}</dd>
        </div>
      </dl>
      {contact.scoreBreakdown && (
        <>
          <h3>{tx('fitBreakdown')}</h3>
          <ul>
            {Object.entries(contact.scoreBreakdown).map(([k, v]) => (
              <li key={k}>
                {k}: {v}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="field">
        <label htmlFor="contact-status">{tx('status')}</label>
        <select
          id="contact-status"
          value={contact.status}
          onChange={(e) =>
            update.mutate(
              { id, status: e.target.value as (typeof CONTACT_STATUSES)[number] },
              { onSuccess: (c) => toasts.info(tx('statusSaved', { status: tx(c.status) })) },
            )
          }
        >
          {CONTACT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {tx(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="contact-notes">{tx('notes')}</label>
        <textarea id="contact-notes" rows={4} maxLength={10_000} value={notes} onChange={(e) => setNotes(e.target.value)} />
        <button
          type="button"
          disabled={notes === (contact.notes ?? '') || update.isPending}
          onClick={() => update.mutate({ id, notes: notes || null }, { onSuccess: () => toasts.info(tx('notesSaved')) })}
        >
          {tx('saveNotes')}
        </button>
      </div>
      <h3>{tx('history')}</h3>
      {interactions.length === 0 ? (
        <p>{tx('noHistory')}</p>
      ) : (
        <ul className="history">
          {interactions.map((i) => (
            <li key={i.id}>
              {formatDate(i.occurredAt)} {formatTime(i.occurredAt)} — {i.type} — {i.status}
              {typeof i.payload.text === 'string' && (
                <>
                  : <q>{i.payload.text}</q>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="danger"
        disabled={erase.isPending}
        onClick={() => {
          if (!window.confirm(tx('eraseConfirm', { name: contact.fullName }))) return;
          erase.mutate(
            { id },
            {
              onSuccess: () => {
                toasts.info(tx('erased', { name: contact.fullName }));
                onClose();
              },
            },
          );
        }}
      >
        {tx('erase')}
      </button>
    </aside>
  );
}
