import { useCallback } from 'react';
import { defineTexts } from '../i18n/index.js';

/** Why a plan skips someone, in words: Today's plan and the Campaigns preview say it the same way. */
const useTexts = defineTexts({
  en: {
    upcoming: 'birthday not today',
    already_wished: 'already wished this year',
    too_late: 'too late for a belated wish',
    belated_off: 'belated wishes are off',
    blocked: 'blocked contact',
    ignored: 'ignored contact',
    quota: 'no quota left today',
  },
  fr: {
    upcoming: 'anniversaire pas aujourd’hui',
    already_wished: 'déjà souhaité cette année',
    too_late: 'trop tard pour des vœux en retard',
    belated_off: 'les vœux en retard sont désactivés',
    blocked: 'contact bloqué',
    ignored: 'contact ignoré',
    quota: 'plus de quota aujourd’hui',
  },
});

const SKIP_REASONS = ['upcoming', 'already_wished', 'too_late', 'belated_off', 'blocked', 'ignored', 'quota'] as const;

/** `(reason) => words`; a reason this panel does not know (a newer core) is shown as its code. */
export function useSkipReason(): (reason: string) => string {
  const t = useTexts();
  return useCallback((reason: string) => {
    const known = SKIP_REASONS.find((r) => r === reason);
    return known ? t(known) : reason;
  }, [t]);
}
