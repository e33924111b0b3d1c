import type { NotificationChannel } from '../../../../src-shared/settings.js';
import { useOperationMutation } from '../../../api/operations.js';
import { useTexts } from './texts.js';

/** "Send a test": the channel's real delivery path, with success or the exact error shown next to the button. */
export function SendTest({ channel, disabled }: { channel: NotificationChannel; disabled?: boolean }) {
  const tx = useTexts();
  const test = useOperationMutation('notifications.test', { invalidates: [] });
  const result = test.data;
  return (
    <div className="notify-test">
      <button type="button" onClick={() => test.mutate({ channel })} disabled={disabled || test.isPending} aria-busy={test.isPending}>
        {test.isPending ? tx('sending') : tx('sendTest')}
      </button>
      <div role="status" className="notify-test-result">
        {result && !test.isPending && (
          <p className={result.ok ? 'notify-ok' : 'notify-failed'}>
            {result.ok ? tx('testOk') : tx('testFailed', { problem: tx(`problem_${result.problem ?? 'other'}`) })}
            {result.message && (
              <>
                {' '}
                <code className="notify-test-detail">{result.message}</code>
              </>
            )}
          </p>
        )}
      </div>
    </div>
  );
}
