import { useState } from 'react';
import { Link } from 'wouter';
import { useOperation, useOperationMutation } from '../../../api/operations.js';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { useI18n } from '../../../i18n/index.js';
import { useTexts } from './texts.js';

function SelectorTable() {
  const tx = useTexts();
  const { formatDate, formatTime } = useI18n();
  const { data, error } = useOperation('selectors.health', {});
  if (error) return <ErrorNotice error={error} />;
  if (!data) return null;
  const rows = data.flatMap((t) => t.candidates.map((c, i) => ({ ...c, target: t.target, state: t.state, first: i === 0, span: t.candidates.length })));
  if (rows.length === 0) return <p>{tx('noSelectors')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{tx('selectors')}</caption>
        <thead>
          <tr>
            <th scope="col">{tx('target')}</th>
            <th scope="col">{tx('state')}</th>
            <th scope="col">{tx('locator')}</th>
            <th scope="col">{tx('locale')}</th>
            <th scope="col">{tx('successes')}</th>
            <th scope="col">{tx('failures')}</th>
            <th scope="col">{tx('lastSuccess')}</th>
            <th scope="col">{tx('origin')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.target} ${r.locator}`} className={`selector-${r.state}`}>
              <th scope="row">{r.target}</th>
              <td>{tx(r.state)}</td>
              <td>
                <code>{r.locator}</code>
              </td>
              <td>{r.locale ?? tx('any')}</td>
              <td>{r.successes}</td>
              <td>{r.failures}</td>
              <td>{r.lastSuccessAt ? `${formatDate(r.lastSuccessAt)} ${formatTime(r.lastSuccessAt)}` : tx('never')}</td>
              <td>{tx(r.origin)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Screenshot({ name, target, createdAt }: { name: string; target: string | null; createdAt: string }) {
  const tx = useTexts();
  const { formatDate, formatTime } = useI18n();
  const image = useOperation('diagnostics.file', { name, kind: 'screenshot' });
  const [showHtml, setShowHtml] = useState(false);
  const html = useOperation('diagnostics.file', { name, kind: 'html' }, { enabled: showHtml });
  const label = tx('screenshotOf', { target: target ?? name, time: `${formatDate(createdAt)} ${formatTime(createdAt)}` });
  return (
    <li className="diagnostic">
      <p>{label}</p>
      {image.data?.dataUrl && <img src={image.data.dataUrl} alt={label} className="diagnostic-image" />}
      <button type="button" aria-expanded={showHtml} onClick={() => setShowHtml((s) => !s)}>
        {tx('showHtml')}
      </button>
      {showHtml && html.data?.text && (
        <pre className="diagnostic-html" tabIndex={0}>
          {html.data.text}
        </pre>
      )}
    </li>
  );
}

export function DiagnosticsPage() {
  const tx = useTexts();
  const { data: diagnostics } = useOperation('diagnostics.list', {});
  const bundle = useOperationMutation('diagnostics.bundle');
  return (
    <>
      <p>
        <Link href="/">{tx('back')}</Link>
      </p>
      <h1>{tx('title')}</h1>
      <section className="card" aria-labelledby="diag-selectors">
        <h2 id="diag-selectors">{tx('selectors')}</h2>
        <p className="note">{tx('selectorsExplain')}</p>
        <SelectorTable />
      </section>
      <section className="card" aria-labelledby="diag-screenshots">
        <h2 id="diag-screenshots">{tx('screenshots')}</h2>
        <p className="note">{tx('screenshotsExplain')}</p>
        {diagnostics && diagnostics.length === 0 && <p>{tx('noScreenshots')}</p>}
        <ul className="diagnostics">
          {diagnostics?.map((d) => <Screenshot key={d.name} name={d.name} target={d.target} createdAt={d.createdAt} />)}
        </ul>
      </section>
      <section className="card" aria-labelledby="diag-bundle">
        <h2 id="diag-bundle">{tx('bundle')}</h2>
        <p className="note">{tx('bundleExplain')}</p>
        <button type="button" disabled={bundle.isPending} aria-busy={bundle.isPending} onClick={() => bundle.mutate({})}>
          {bundle.isPending ? tx('writing') : tx('write')}
        </button>
        {bundle.data && (
          <p role="status">
            {tx('written', { path: bundle.data.path, n: bundle.data.files.length })}
          </p>
        )}
      </section>
    </>
  );
}
