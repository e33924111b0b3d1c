import { useState } from 'react';
import { contract } from '../../../../src-shared/contract.js';
import { useOperationMutation } from '../../../api/operations.js';
import { Field, SettingsFormShell, useFormTexts, useSettingsForm } from '../../../components/form/index.js';
import { reasonOfIssue, useReasonText } from '../../../i18n/validation/index.js';
import { useTexts } from './texts.js';

const FIELDS = ['limits.redisUrl'];

export function RedisSection() {
  const tx = useTexts();
  const reasonText = useReasonText();
  const form = useSettingsForm(FIELDS, useFormTexts()('leaveQuestion'));
  const test = useOperationMutation('settings.testRedis', { toastErrors: false });
  const [urlProblem, setUrlProblem] = useState<string | null>(null);
  if (!form.ready) return null;
  const url = form.value<string | undefined>('limits.redisUrl') ?? '';
  const runTest = () => {
    test.reset();
    if (!url) return setUrlProblem(tx('needUrl'));
    const checked = contract['settings.testRedis'].input.safeParse({ url });
    const issue = checked.success ? undefined : checked.error.issues[0];
    if (!checked.success) return setUrlProblem(issue ? reasonText(reasonOfIssue(issue)) : tx('needUrl'));
    setUrlProblem(null);
    test.mutate({ url });
  };
  const result = test.data;
  return (
    <section className="card" aria-labelledby="settings-redis-heading" id="settings-redis">
      <h2 id="settings-redis-heading">{tx('title')}</h2>
      <p className="note">{tx('explain')}</p>
      <SettingsFormShell form={form} labelledBy="settings-redis-heading">
        <Field form={form} path="limits.redisUrl" label={tx('url')} hint={tx('urlHint')} />
      </SettingsFormShell>
      <div className="tool-test">
        <button type="button" disabled={test.isPending} aria-busy={test.isPending} onClick={runTest}>
          {test.isPending ? tx('testing') : tx('test')}
        </button>
        {urlProblem && (
          <p className="notice notice-error" role="alert">
            {urlProblem}
          </p>
        )}
        {test.error && (
          <p className="notice notice-error" role="alert">
            {test.error.code}: {test.error.message}
          </p>
        )}
        {result && (
          <div className={result.ok ? 'notice' : 'notice notice-error'} role={result.ok ? 'status' : 'alert'}>
            <p>
              <strong>{result.ok ? tx('answers', { ms: result.latencyMs ?? 0 }) : tx('noAnswer')}</strong> — {result.message}
            </p>
            <p>{tx('breaker', { state: tx(result.breaker) })}</p>
            <p>{tx('store', { store: tx(result.quotaStore) })}</p>
          </div>
        )}
      </div>
    </section>
  );
}
