import { useState } from 'react';
import { Route, useLocation } from 'wouter';
import { CONTACT_SOURCES, CONTACT_STATUSES } from '../../../src-shared/domain.js';
import { LAST_INTERACTION_FILTERS, type ContactsFilter } from '../../../src-shared/contract.js';
import { asApiError } from '../../api/client.js';
import { useClient } from '../../api/client-context.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/index.js';
import { ContactDetail } from './ContactDetail.js';
import { ContactsTable } from './ContactsTable.js';
import { cleanFilter, useDebounced } from './filters.js';
import { useTexts } from './texts.js';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export function ContactsPage() {
  const { t, lang } = useI18n();
  const tx = useTexts();
  const client = useClient();
  const toasts = useToasts();
  const [, navigate] = useLocation();
  const [text, setText] = useState('');
  const [draft, setDraft] = useState<Partial<ContactsFilter>>({ sort: 'name' });
  const query = useDebounced(text, 250);
  const filter = cleanFilter({ ...draft, query: query.trim() || undefined });
  const [exporting, setExporting] = useState(false);
  const monthName = (m: number) => new Intl.DateTimeFormat(lang, { month: 'long' }).format(new Date(2000, m - 1, 1));

  const exportCsv = async () => {
    setExporting(true);
    try {
      const csv = await client.call('contacts.export', filter);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'rapport-contacts.csv';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      toasts.error(asApiError(e));
    } finally {
      setExporting(false);
    }
  };

  const select = <K extends keyof ContactsFilter>(key: K, label: string, options: { value: string; label: string }[], numeric = false) => (
    <div className="field">
      <label htmlFor={`contacts-${key}`}>{label}</label>
      <select
        id={`contacts-${key}`}
        value={draft[key] === undefined ? '' : String(draft[key])}
        onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value === '' ? undefined : numeric ? Number(e.target.value) : e.target.value }))}
      >
        <option value="">{tx('any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <>
      <h1>{t('contacts')}</h1>
      <form className="contacts-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="contacts-search">{tx('search')}</label>
          <input id="contacts-search" type="search" value={text} placeholder={tx('searchHint')} onChange={(e) => setText(e.target.value)} />
        </div>
        {select('status', tx('status'), CONTACT_STATUSES.map((s) => ({ value: s, label: tx(s) })))}
        {select('source', tx('source'), CONTACT_SOURCES.map((s) => ({ value: s, label: tx(`src-${s}`) })))}
        {select('birthMonth', tx('birthMonth'), MONTHS.map((m) => ({ value: String(m), label: monthName(m) })), true)}
        {select('lastInteraction', tx('lastInteraction'), LAST_INTERACTION_FILTERS.map((f) => ({ value: f, label: tx(f) })))}
        <div className="field">
          <label htmlFor="contacts-minScore">{tx('minScore')}</label>
          <input
            id="contacts-minScore"
            type="number"
            min={0}
            max={100}
            value={draft.minScore ?? ''}
            onChange={(e) => setDraft((d) => ({ ...d, minScore: e.target.value === '' ? undefined : Math.max(0, Math.min(100, Number(e.target.value))) }))}
          />
        </div>
        <button type="button" onClick={() => void exportCsv()} disabled={exporting} aria-busy={exporting}>
          {exporting ? tx('exporting') : tx('export')}
        </button>
      </form>
      <div className="contacts-layout">
        <ContactsTable filter={filter} onSort={(sort) => setDraft((d) => ({ ...d, sort }))} onOpen={(c) => navigate(`/${c.id}`)} />
        <Route path="/:id">{(params) => <ContactDetail id={Number(params.id)} onClose={() => navigate('/')} />}</Route>
      </div>
    </>
  );
}
