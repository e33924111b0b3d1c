import {
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { OperationName, OpInput, OpOutput } from '../../src-shared/contract.js';
import { asApiError, type ApiError } from './client.js';
import { useClient } from './client-context.js';
import { useToasts } from '../components/toasts.js';

/** Query keys are `[operation, input]`, so invalidating `[operation]` refreshes every input of it. */
export function opKey<N extends OperationName>(name: N, input?: OpInput<N>): QueryKey {
  return input === undefined ? [name] : [name, input];
}

type QueryOptions<N extends OperationName> = Omit<UseQueryOptions<OpOutput<N>, ApiError>, 'queryKey' | 'queryFn'>;

/** Server state for one read operation of the contract, kept fresh by the live events (see live-updates). */
export function useOperation<N extends OperationName>(name: N, input: OpInput<N>, options: QueryOptions<N> = {}) {
  const client = useClient();
  return useQuery<OpOutput<N>, ApiError>({
    queryKey: opKey(name, input),
    queryFn: async () => {
      try {
        return await client.call(name, input);
      } catch (e) {
        throw asApiError(e);
      }
    },
    ...options,
  });
}

export interface OperationMutationOptions<N extends OperationName>
  extends Omit<UseMutationOptions<OpOutput<N>, ApiError, OpInput<N>>, 'mutationFn'> {
  /** Operations whose queries are refreshed after success (status is always refreshed). */
  invalidates?: OperationName[];
  /** Errors are shown as a toast unless the form shows them itself (e.g. field errors). */
  toastErrors?: boolean;
}

/** A write operation: runs through the client, refreshes what it changed, toasts its errors. */
export function useOperationMutation<N extends OperationName>(name: N, options: OperationMutationOptions<N> = {}) {
  const client = useClient();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const { invalidates = [], toastErrors = true, onSuccess, onError, ...rest } = options;
  return useMutation<OpOutput<N>, ApiError, OpInput<N>>({
    mutationFn: async (input) => {
      try {
        return await client.call(name, input);
      } catch (e) {
        throw asApiError(e);
      }
    },
    onSuccess: async (...args) => {
      await Promise.all(
        ['status.get' as const, ...invalidates].map((op) => queryClient.invalidateQueries({ queryKey: opKey(op) })),
      );
      await onSuccess?.(...args);
    },
    onError: async (error, ...args) => {
      if (toastErrors) toasts.error(error);
      await onError?.(error, ...args);
    },
    ...rest,
  });
}
