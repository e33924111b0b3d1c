import { useState } from 'react';
import type { OpInput } from '../../../../src-shared/contract.js';
import type { ApiError } from '../../../api/client.js';
import { useOperationMutation } from '../../../api/operations.js';
import { useToasts } from '../../../components/toasts.js';
import { useTexts } from './texts.js';

/** Saving a channel: its secret first (through its own operation), then the plain settings, validated whole. */
export function useSaveChannel() {
  const tx = useTexts();
  const toasts = useToasts();
  const secrets = useOperationMutation('notifications.secrets.set', { invalidates: ['notifications.secrets.get'], toastErrors: false });
  const settings = useOperationMutation('settings.update', { invalidates: ['settings.get'], toastErrors: false });
  const [error, setError] = useState<ApiError | null>(null);
  const save = async (patch: Record<string, unknown>, secret: OpInput<'notifications.secrets.set'> | null) => {
    setError(null);
    try {
      if (secret && Object.keys(secret).length > 0) await secrets.mutateAsync(secret);
      await settings.mutateAsync({ notifications: patch });
      toasts.info(tx('saved'));
      return true;
    } catch (e) {
      setError(e as ApiError);
      return false;
    }
  };
  return { save, error, pending: secrets.isPending || settings.isPending };
}
