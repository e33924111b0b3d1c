import { useCallback } from 'react';
import { useI18n } from '../index.js';
import type { Lang } from '../lang.js';
import { frenchForIssue } from './fr-issues.js';
import { frenchForMessage } from './fr-messages.js';
import { factsOfEnglish, factsOfIssue, type IssueFacts } from './issue-facts.js';

/**
 * A field error as the panel keeps it: the English sentence (as zod or the server wrote it) and,
 * when it comes from a zod issue in the panel, that issue's facts. Shown in the panel's language.
 */
export interface Reason {
  message: string;
  facts?: IssueFacts;
}

/** A zod issue from a `safeParse` in the panel. */
export function reasonOfIssue(issue: { code: string; message: string }): Reason {
  return { message: issue.message, facts: factsOfIssue(issue) };
}

/**
 * Rapport's own messages through the FR table; zod's by their code and parameters (read back from
 * the English when only the sentence is known, as with the server's issues); anything else as is.
 */
export function translateReason(lang: Lang, reason: Reason | string): string {
  const { message, facts } = typeof reason === 'string' ? { message: reason, facts: undefined } : reason;
  if (lang === 'en') return message;
  const own = frenchForMessage(message);
  if (own !== null) return own;
  const read = factsOfEnglish(message);
  const merged = facts && facts.code !== 'custom' ? { ...read, ...facts } : read;
  return (merged && frenchForIssue(merged)) ?? message;
}

/** `(reason) => text` in the panel's language. */
export function useReasonText(): (reason: Reason | string) => string {
  const { lang } = useI18n();
  return useCallback((reason: Reason | string) => translateReason(lang, reason), [lang]);
}
