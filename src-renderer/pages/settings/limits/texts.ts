import { defineTexts } from '../../../i18n/index.js';

export const useTexts = defineTexts({
  en: {
    title: 'Limits',
    explain:
      'Hard ceilings: Rapport never goes past them, whatever runs. Safe maximums: 100 messages a day and 500 a week; 500 profile visits a day and 2,500 a week — staying well below them is safer for your account.',
    messagesPerDay: 'Messages per day',
    messagesPerWeek: 'Messages per week',
    visitsPerDay: 'Profile visits per day',
    visitsPerWeek: 'Profile visits per week',
    warmup: 'Warm-up',
    warmupHint: 'For the first 14 days after you connect an account, every limit is halved, so a new automation starts gently.',
    max: 'at most {n}',
    usage: 'Used now',
  },
  fr: {
    title: 'Limites',
    explain:
      'Des plafonds stricts : Rapport ne les dépasse jamais, quoi qu’il arrive. Maximums sûrs : 100 messages par jour et 500 par semaine ; 500 visites de profil par jour et 2 500 par semaine — rester bien en dessous protège mieux votre compte.',
    messagesPerDay: 'Messages par jour',
    messagesPerWeek: 'Messages par semaine',
    visitsPerDay: 'Visites de profil par jour',
    visitsPerWeek: 'Visites de profil par semaine',
    warmup: 'Montée en charge',
    warmupHint: 'Pendant les 14 jours qui suivent la connexion d’un compte, chaque limite est divisée par deux, pour démarrer en douceur.',
    max: '{n} au plus',
    usage: 'Utilisé maintenant',
  },
});
