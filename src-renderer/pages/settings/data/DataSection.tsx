import type { ContactsImportReport, LegacyImportReport } from '../../../../src-shared/contract.js';
import { asApiError } from '../../../api/client.js';
import { useClient } from '../../../api/client-context.js';
import { useToasts } from '../../../components/toasts.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FileImport } from './FileImport.js';
import { cleanFilter, InteractionsFilterFields, type InteractionsExportFilter } from './InteractionsFilterFields.js';
import { useTexts } from './texts.js';

function Counts({ label, counts }: { label: string; counts: Record<string, number> }) {
  const tx = useTexts();
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  return (
    <>
      <dt>{label}</dt>
      <dd>{entries.length ? entries.map(([k, n]) => `${k} ${n}`).join(', ') : tx('none')}</dd>
    </>
  );
}

function LegacyReport({ report }: { report: LegacyImportReport }) {
  const tx = useTexts();
  return (
    <>
      <p>{tx('layout', { layout: report.layout })}</p>
      <dl className="data-counts">
        <Counts label={tx('found')} counts={report.found} />
        <Counts label={tx('imported')} counts={report.imported} />
        <Counts label={tx('merged')} counts={report.merged} />
        <Counts label={tx('skipped')} counts={report.skipped} />
      </dl>
      <p>{tx('unmatched', { n: report.unmatchedCount })}</p>
      {report.unmatched.length > 0 && (
        <ul className="data-unmatched">
          {report.unmatched.slice(0, 20).map((u) => (
            <li key={`${u.table}-${u.legacyId}`}>
              {u.contactName} — {u.sentAt} ({u.reason})
            </li>
          ))}
        </ul>
      )}
      {report.backup && <p className="note">{tx('backup', { path: report.backup })}</p>}
    </>
  );
}

function CsvReport({ report }: { report: ContactsImportReport }) {
  const tx = useTexts();
  return (
    <>
      <p>{tx('csvCounts', { found: report.found, created: report.created, updated: report.updated, unchanged: report.unchanged })}</p>
      <dl className="data-counts">
        <Counts label={tx('skipped')} counts={report.skipped} />
      </dl>
    </>
  );
}

/** Saves text as a file through a blob link: the panel has no file system, the browser does the saving. */
function saveCsv(text: string, file: string): void {
  const body = text.startsWith('\uFEFF') ? text : `\uFEFF${text}`;
  const url = URL.createObjectURL(new Blob([body], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DataSection() {
  const tx = useTexts();
  const client = useClient();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries();
  const call = async <R,>(fn: () => Promise<R>, dryRun: boolean): Promise<R> => {
    try {
      const result = await fn();
      if (!dryRun) await refresh();
      return result;
    } catch (e) {
      throw asApiError(e);
    }
  };
  const [filter, setFilter] = useState<InteractionsExportFilter>({});
  const download = async (what: 'contacts' | 'interactions') => {
    try {
      const text = what === 'contacts' ? await client.call('contacts.export', {}) : await client.call('interactions.export', cleanFilter(filter));
      const file = `rapport-${what}-${new Date().toISOString().slice(0, 10)}.csv`;
      saveCsv(text, file);
      toasts.info(tx('downloaded', { file }));
    } catch (e) {
      toasts.error(asApiError(e));
    }
  };

  return (
    <section className="card" aria-labelledby="settings-data-heading">
      <h2 id="settings-data-heading">{tx('title')}</h2>
      <FileImport<LegacyImportReport>
        testId="legacy-import"
        title={tx('legacyTitle')}
        explain={tx('legacyExplain')}
        pathLabel={tx('legacyPath')}
        run={(input) => call(() => client.call('legacy.import', input), input.dryRun)}
        renderReport={(report) => <LegacyReport report={report} />}
      />
      <FileImport<ContactsImportReport>
        testId="contacts-import"
        title={tx('csvTitle')}
        explain={tx('csvExplain')}
        pathLabel={tx('csvPath')}
        run={(input) => call(() => client.call('contacts.import', input), input.dryRun)}
        renderReport={(report) => <CsvReport report={report} />}
      />
      <div className="data-export">
        <h3>{tx('exportTitle')}</h3>
        <p className="note">{tx('exportExplain')}</p>
        <div className="data-export-buttons">
          <button type="button" onClick={() => void download('contacts')}>
            {tx('exportContacts')}
          </button>
        </div>
        <InteractionsFilterFields value={filter} onChange={setFilter} />
        <div className="data-export-buttons">
          <button type="button" onClick={() => void download('interactions')}>
            {tx('exportInteractions')}
          </button>
        </div>
      </div>
    </section>
  );
}
