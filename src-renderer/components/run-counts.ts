import { useCallback } from 'react';
import { defineTexts } from '../i18n/index.js';

/** A run's counts in words ("sent (6), skipped: birthday not today (2)"), wherever a run is summed up. */
const EN = {
    seen: 'seen',
    sent: 'sent',
    visited: 'visited',
    failed: 'failed',
    dry_run: 'in the dry run',
    resolved_sent: 'pending found sent',
    resolved_failed: 'pending found not sent',
    skipped_upcoming: 'skipped: birthday not today',
    skipped_already_wished: 'skipped: already wished',
    skipped_too_late: 'skipped: too late',
    skipped_belated_off: 'skipped: belated wishes off',
    skipped_blocked: 'skipped: blocked',
    skipped_ignored: 'skipped: ignored',
    skipped_quota: 'skipped: no quota left',
    skipped_recent: 'skipped: visited recently',
    skipped_degree: 'skipped: connection degree',
};

const FR: Record<keyof typeof EN, string> = {
    seen: 'vus',
    sent: 'envoyés',
    visited: 'visités',
    failed: 'échoués',
    dry_run: 'dans la simulation',
    resolved_sent: 'en attente retrouvés envoyés',
    resolved_failed: 'en attente retrouvés non envoyés',
    skipped_upcoming: 'ignorés : anniversaire pas aujourd’hui',
    skipped_already_wished: 'ignorés : déjà souhaités',
    skipped_too_late: 'ignorés : trop tard',
    skipped_belated_off: 'ignorés : vœux en retard désactivés',
    skipped_blocked: 'ignorés : bloqués',
    skipped_ignored: 'ignorés : contacts ignorés',
    skipped_quota: 'ignorés : plus de quota',
    skipped_recent: 'ignorés : visités récemment',
    skipped_degree: 'ignorés : degré de relation',
};

const useTexts = defineTexts({ en: EN, fr: FR });
const isKnown = (key: string): key is keyof typeof EN => Object.hasOwn(EN, key);

/** `(counts) => "seen (9), sent (6), …"` in the panel's language; a count this panel does not know keeps its key. */
export function useCountsText(): (counts: Record<string, number>) => string {
  const t = useTexts();
  return useCallback(
    (counts: Record<string, number>) =>
      Object.entries(counts)
        .map(([key, n]) => (isKnown(key) ? `${t(key)} (${n})` : `${key} (${n})`))
        .join(', '),
    [t],
  );
}
