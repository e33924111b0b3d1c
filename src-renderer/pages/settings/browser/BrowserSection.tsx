import { useOperationMutation } from '../../../api/operations.js';
import { Field, SettingsFormShell, useFormTexts, useSettingsForm } from '../../../components/form/index.js';
import { useTexts } from './texts.js';

const FIELDS = ['browser.executablePath', 'browser.headless'];

export function BrowserSection() {
  const tx = useTexts();
  const form = useSettingsForm(FIELDS, useFormTexts()('leaveQuestion'));
  const test = useOperationMutation('settings.testBrowser');
  if (!form.ready) return null;
  const path = form.value<string | undefined>('browser.executablePath');
  const result = test.data;
  return (
    <section className="card" aria-labelledby="settings-browser-heading" id="settings-browser">
      <h2 id="settings-browser-heading">{tx('title')}</h2>
      <p className="note">{tx('explain')}</p>
      <SettingsFormShell form={form} labelledBy="settings-browser-heading">
        <Field form={form} path="browser.executablePath" label={tx('path')} />
        <Field form={form} path="browser.headless" label={tx('headless')} type="checkbox" />
      </SettingsFormShell>
      <div className="tool-test">
        <button type="button" disabled={test.isPending} aria-busy={test.isPending} onClick={() => test.mutate(path ? { executablePath: path } : {})}>
          {test.isPending ? tx('testing') : tx('test')}
        </button>
        {result && (
          <p className={result.ok ? 'notice' : 'notice notice-error'} role="status">
            <strong>{result.ok ? tx('works', { version: result.version ?? '' }) : tx('fails')}</strong> — {result.message}
          </p>
        )}
      </div>
    </section>
  );
}
