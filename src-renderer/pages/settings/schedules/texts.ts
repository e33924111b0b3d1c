import { defineTexts } from '../../../i18n/index.js';

export const useTexts = defineTexts({
  en: {
    title: 'Schedules',
    explain: 'When runs start on their own, as cron expressions (minute hour day month weekday), in your time zone. Leave empty for no scheduled run. A random delay up to the jitter is added to each start.',
    birthday: 'Birthday wishes (cron)',
    birthdayHint: 'For example 0 9 * * * = every day at 09:00. The time and jitter are also under Campaigns → Birthday.',
    sourcing: 'Sourcing (cron)',
    sourcingHint: 'For example 30 10 * * 1-5 = weekdays at 10:30. Runs the saved searches without a schedule of their own; a search’s own schedule is under Campaigns → Sourcing.',
    search: 'Search “{name}”',
    jitter: 'Jitter (minutes)',
    next: 'Next runs',
    none: 'not scheduled',
  },
  fr: {
    title: 'Planification',
    explain: 'Quand les exécutions démarrent seules, en expressions cron (minute heure jour mois jour-de-semaine), dans votre fuseau. Laissez vide pour ne rien planifier. Un délai aléatoire jusqu’à la gigue s’ajoute à chaque départ.',
    birthday: 'Vœux d’anniversaire (cron)',
    birthdayHint: 'Par exemple 0 9 * * * = chaque jour à 09:00. L’heure et la gigue sont aussi dans Campagnes → Anniversaires.',
    sourcing: 'Recherche de profils (cron)',
    sourcingHint: 'Par exemple 30 10 * * 1-5 = en semaine à 10:30. Exécute les recherches enregistrées sans planification propre ; celle d’une recherche se règle dans Campagnes → Recherche de profils.',
    search: 'Recherche « {name} »',
    jitter: 'Gigue (minutes)',
    next: 'Prochaines exécutions',
    none: 'non planifiée',
  },
});
