import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiError } from '../../../api/client.js';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { useTexts } from './texts.js';

interface FileImportProps<R> {
  title: string;
  explain: string;
  pathLabel: string;
  /** Runs the import; `dryRun: true` is the preview. */
  run: (input: { path: string; dryRun: boolean }) => Promise<R>;
  renderReport: (report: R) => ReactNode;
  testId: string;
}

/** A path on this machine → a preview (dry run) → the user confirms → the import. */
export function FileImport<R>({ title, explain, pathLabel, run, renderReport, testId }: FileImportProps<R>) {
  const tx = useTexts();
  const inputId = useId();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<{ report: R; dryRun: boolean; path: string } | null>(null);

  const go = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const report = await run({ path: path.trim(), dryRun });
      setResult({ report, dryRun, path: path.trim() });
    } catch (e) {
      setResult(null);
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void go(true);
  };

  return (
    <div className="data-import" data-testid={testId}>
      <h3>{title}</h3>
      <p className="note">{explain}</p>
      <form onSubmit={submit} className="data-form">
        <label htmlFor={inputId}>{pathLabel}</label>
        <input
          id={inputId}
          type="text"
          value={path}
          onChange={(e) => {
            setPath(e.target.value);
            setResult(null);
          }}
          spellCheck={false}
          autoComplete="off"
          required
        />
        <button type="submit" disabled={busy || path.trim() === ''} aria-busy={busy}>
          {busy ? tx('working') : tx('preview')}
        </button>
      </form>
      {error && <ErrorNotice error={error} />}
      {result && (
        <div className="data-report" role="status">
          <h4>{result.dryRun ? tx('previewHeading') : tx('doneHeading')}</h4>
          {renderReport(result.report)}
          {result.dryRun && result.path === path.trim() && (
            <button type="button" onClick={() => void go(false)} disabled={busy} aria-busy={busy}>
              {tx('confirm')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
