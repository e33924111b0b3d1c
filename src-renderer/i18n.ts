import { createContext, useContext } from 'react';
import type { AccountStatus, AppState, Run } from '../src-shared/domain.js';
import type { ApiErrorCode } from './api/client.js';

export type Lang = 'en' | 'fr';

const en = {
  appName: 'Rapport',
  skipToContent: 'Skip to content',
  mainNav: 'Main',
  loading: 'Loading…',
  retry: 'Try again',
  today: 'Today',
  errorLabel: 'Error',
  errorDetails: 'Details',
  statusHeading: 'Status',
  statusUntil: 'until {time}',
  statusNext: 'next: {time}',
  liveUpdatesStopped: 'Live updates stopped; reload the page to see new activity.',
  tokenTitle: 'Connect to Rapport',
  tokenIntro:
    'This control panel needs the API token of the Rapport server. It is the one-line file named api-token in Rapport’s data folder, and the address printed by “rapport serve” already contains it.',
  tokenLabel: 'API token',
  tokenSubmit: 'Connect',
  accountHeading: 'LinkedIn account',
  accountConnectedSince: 'Connected since {time}',
  accountLastVerified: 'Last checked {time}',
  quotasHeading: 'Quotas',
  quotasCaption: 'Actions used in the current windows',
  quotaColumn: 'Quota',
  dayColumn: 'Today',
  weekColumn: 'This week',
  quotaUsage: '{used} / {limit}',
  quotaUsageLabel: '{quota}, {window}: {used} of {limit} used',
  resetsAt: 'resets {time}',
  warmup: 'Warm-up: limits are halved during the first 14 days.',
  quota_messages: 'Messages',
  quota_visits: 'Profile visits',
  quotaStore_redis: 'Counts kept in Redis.',
  'quotaStore_memory-fallback': 'Redis is unreachable: counts are kept in memory and on disk until it answers again.',
  quotaStore_memory: 'Counts kept in memory and on disk.',
  dryRunHeading: 'Dry run',
  dryRunOn: 'On — runs go through every step but send nothing, so you can check what would be sent.',
  dryRunOff: 'Off — runs send real messages.',
  lastRunHeading: 'Last run',
  noRunYet: 'No run yet.',
  runKindLabel: 'Campaign',
  runStatusLabel: 'Result',
  runTriggerLabel: 'Started by',
  runStartedLabel: 'Started',
  runFinishedLabel: 'Finished',
  runCountsLabel: 'Counts',
  runErrorLabel: 'Error',
  runDryRunBadge: 'dry run',
  runKind_birthday: 'Birthday wishes',
  runKind_sourcing: 'Profile visits',
  runTrigger_manual: 'you',
  runTrigger_schedule: 'the schedule',
  runStatus_running: 'Running',
  runStatus_succeeded: 'Succeeded',
  runStatus_failed: 'Failed',
  runStatus_stopped: 'Stopped',
  runStatus_interrupted: 'Interrupted',
  installHeading: 'This installation',
  versionLabel: 'Version',
  dataDirLabel: 'Data folder',
  state_running: 'Running',
  state_scheduled: 'Scheduled',
  state_waiting: 'Waiting',
  'state_needs-you': 'Needs you',
  state_paused: 'Paused',
  'state_done-today': 'Done for today',
  state_off: 'Off',
  'account_not-connected': 'Not connected',
  account_connected: 'Connected',
  account_expired: 'Session expired',
  account_checkpoint: 'Security check needed',
  account_restricted: 'Restricted',
  'action_account.connect': 'Connect LinkedIn',
  'action_schedule.resume': 'Resume the schedule',
  'action_campaigns.birthday.run': 'Run birthday wishes now',
  'action_runs.stop': 'Stop the run',
  actionWorking: 'Working…',
  actionDone: 'Done.',
};

export type MessageKey = keyof typeof en;
type Messages = Record<MessageKey, string>;

const fr: Messages = {
  appName: 'Rapport',
  skipToContent: 'Aller au contenu',
  mainNav: 'Principale',
  loading: 'Chargement…',
  retry: 'Réessayer',
  today: 'Aujourd’hui',
  errorLabel: 'Erreur',
  errorDetails: 'Détails',
  statusHeading: 'État',
  statusUntil: 'jusqu’à {time}',
  statusNext: 'prochaine : {time}',
  liveUpdatesStopped: 'Les mises à jour en direct sont arrêtées ; rechargez la page pour voir la nouvelle activité.',
  tokenTitle: 'Se connecter à Rapport',
  tokenIntro:
    'Ce panneau a besoin du jeton d’API du serveur Rapport. C’est le fichier d’une ligne nommé api-token dans le dossier de données de Rapport, et l’adresse affichée par « rapport serve » le contient déjà.',
  tokenLabel: 'Jeton d’API',
  tokenSubmit: 'Se connecter',
  accountHeading: 'Compte LinkedIn',
  accountConnectedSince: 'Connecté depuis {time}',
  accountLastVerified: 'Dernière vérification {time}',
  quotasHeading: 'Quotas',
  quotasCaption: 'Actions utilisées dans les périodes en cours',
  quotaColumn: 'Quota',
  dayColumn: 'Aujourd’hui',
  weekColumn: 'Cette semaine',
  quotaUsage: '{used} / {limit}',
  quotaUsageLabel: '{quota}, {window} : {used} sur {limit} utilisés',
  resetsAt: 'remise à zéro {time}',
  warmup: 'Démarrage progressif : les limites sont divisées par deux pendant les 14 premiers jours.',
  quota_messages: 'Messages',
  quota_visits: 'Visites de profil',
  quotaStore_redis: 'Compteurs conservés dans Redis.',
  'quotaStore_memory-fallback':
    'Redis ne répond pas : les compteurs sont conservés en mémoire et sur disque jusqu’à son retour.',
  quotaStore_memory: 'Compteurs conservés en mémoire et sur disque.',
  dryRunHeading: 'Simulation',
  dryRunOn: 'Activée — les exécutions font toutes les étapes sans rien envoyer, pour vérifier ce qui serait envoyé.',
  dryRunOff: 'Désactivée — les exécutions envoient de vrais messages.',
  lastRunHeading: 'Dernière exécution',
  noRunYet: 'Aucune exécution pour l’instant.',
  runKindLabel: 'Campagne',
  runStatusLabel: 'Résultat',
  runTriggerLabel: 'Lancée par',
  runStartedLabel: 'Début',
  runFinishedLabel: 'Fin',
  runCountsLabel: 'Compteurs',
  runErrorLabel: 'Erreur',
  runDryRunBadge: 'simulation',
  runKind_birthday: 'Vœux d’anniversaire',
  runKind_sourcing: 'Visites de profil',
  runTrigger_manual: 'vous',
  runTrigger_schedule: 'le planning',
  runStatus_running: 'En cours',
  runStatus_succeeded: 'Réussie',
  runStatus_failed: 'Échouée',
  runStatus_stopped: 'Arrêtée',
  runStatus_interrupted: 'Interrompue',
  installHeading: 'Cette installation',
  versionLabel: 'Version',
  dataDirLabel: 'Dossier de données',
  state_running: 'En cours',
  state_scheduled: 'Planifié',
  state_waiting: 'En attente',
  'state_needs-you': 'Action requise',
  state_paused: 'En pause',
  'state_done-today': 'Terminé pour aujourd’hui',
  state_off: 'Arrêté',
  'account_not-connected': 'Non connecté',
  account_connected: 'Connecté',
  account_expired: 'Session expirée',
  account_checkpoint: 'Vérification de sécurité requise',
  account_restricted: 'Restreint',
  'action_account.connect': 'Connecter LinkedIn',
  'action_schedule.resume': 'Reprendre le planning',
  'action_campaigns.birthday.run': 'Lancer les vœux maintenant',
  'action_runs.stop': 'Arrêter l’exécution',
  actionWorking: 'En cours…',
  actionDone: 'Fait.',
};

/** What to do about each error, in the user's language; the server's own message is shown as details. */
const errorHints: Record<Lang, Record<ApiErrorCode, string>> = {
  en: {
    VALIDATION_FAILED: 'Some values are not valid; correct the fields named below and try again.',
    NOT_FOUND: 'That item no longer exists; refresh the page.',
    METHOD_NOT_ALLOWED: 'This panel and the server disagree on the API; update Rapport.',
    UNAUTHORIZED: 'The API token is missing or wrong. Copy it from the api-token file in Rapport’s data folder.',
    TOO_MANY_ATTEMPTS: 'Too many wrong tokens were tried; wait a few minutes, then enter the right one.',
    PAYLOAD_TOO_LARGE: 'What you sent is too large; send something smaller.',
    INVALID_JSON: 'The server could not read the request; reload the page and try again.',
    FORBIDDEN_HOST: 'Open the panel through 127.0.0.1 or localhost.',
    NOT_IMPLEMENTED: 'This version of Rapport cannot do that yet.',
    RUN_IN_PROGRESS: 'A run is already in progress; wait for it to finish or stop it.',
    ALREADY_RUNNING: 'Another Rapport process is using this data folder; run the command from it or quit it first.',
    QUOTA_EXHAUSTED: 'A quota is used up; runs start again when it resets.',
    OUTSIDE_WORKING_HOURS: 'It is outside your working hours; wait, or allow runs outside them.',
    SESSION_EXPIRED: 'The LinkedIn session expired; reconnect your account.',
    NOT_CONNECTED: 'Connect your LinkedIn account first.',
    LINKEDIN_CHECKPOINT: 'LinkedIn asks for a security check; open the browser and clear it yourself.',
    LINKEDIN_RESTRICTED: 'LinkedIn is limiting this account; runs are paused for a day.',
    SELECTOR_NOT_FOUND: 'A LinkedIn page looked different than expected; a screenshot was saved in diagnostics.',
    RECIPIENT_MISMATCH: 'The message window showed someone else, so nothing was sent; try again later.',
    BROWSER_NOT_FOUND: 'No Chromium browser was found; install Chromium or set its path in Settings.',
    BROWSER_FAILED: 'The browser crashed or stopped answering; try again.',
    DATABASE_CORRUPT: 'The database is damaged; restore a backup from the backups folder.',
    DATABASE_UNAVAILABLE: 'The database cannot be opened; check the disk and that no other Rapport is running.',
    MIGRATION_FAILED: 'The database could not be upgraded; your backup is in the backups folder.',
    ABORTED: 'The run was stopped.',
    INTERNAL: 'Something unexpected went wrong; the log file in the data folder has the details.',
    UNREACHABLE: 'The Rapport server does not answer; check that it is still running.',
    BAD_RESPONSE: 'The server sent an answer this panel cannot read; reload the page or update Rapport.',
  },
  fr: {
    VALIDATION_FAILED: 'Certaines valeurs ne sont pas valides ; corrigez les champs indiqués et réessayez.',
    NOT_FOUND: 'Cet élément n’existe plus ; actualisez la page.',
    METHOD_NOT_ALLOWED: 'Ce panneau et le serveur ne parlent pas la même API ; mettez Rapport à jour.',
    UNAUTHORIZED: 'Le jeton d’API est absent ou faux. Copiez-le depuis le fichier api-token du dossier de données de Rapport.',
    TOO_MANY_ATTEMPTS: 'Trop de jetons erronés ont été essayés ; attendez quelques minutes puis saisissez le bon.',
    PAYLOAD_TOO_LARGE: 'L’envoi est trop volumineux ; envoyez quelque chose de plus petit.',
    INVALID_JSON: 'Le serveur n’a pas pu lire la requête ; rechargez la page et réessayez.',
    FORBIDDEN_HOST: 'Ouvrez le panneau via 127.0.0.1 ou localhost.',
    NOT_IMPLEMENTED: 'Cette version de Rapport ne sait pas encore le faire.',
    RUN_IN_PROGRESS: 'Une exécution est déjà en cours ; attendez sa fin ou arrêtez-la.',
    ALREADY_RUNNING: 'Un autre processus Rapport utilise ce dossier de données ; lancez la commande depuis celui-ci ou quittez-le.',
    QUOTA_EXHAUSTED: 'Un quota est épuisé ; les exécutions reprendront à sa remise à zéro.',
    OUTSIDE_WORKING_HOURS: 'Vous êtes hors des heures de travail ; attendez, ou autorisez les exécutions en dehors.',
    SESSION_EXPIRED: 'La session LinkedIn a expiré ; reconnectez votre compte.',
    NOT_CONNECTED: 'Connectez d’abord votre compte LinkedIn.',
    LINKEDIN_CHECKPOINT: 'LinkedIn demande une vérification de sécurité ; ouvrez le navigateur et validez-la vous-même.',
    LINKEDIN_RESTRICTED: 'LinkedIn limite ce compte ; les exécutions sont suspendues pour une journée.',
    SELECTOR_NOT_FOUND: 'Une page LinkedIn ne ressemblait pas à l’attendu ; une capture est enregistrée dans les diagnostics.',
    RECIPIENT_MISMATCH: 'La fenêtre de message montrait quelqu’un d’autre, rien n’a été envoyé ; réessayez plus tard.',
    BROWSER_NOT_FOUND: 'Aucun navigateur Chromium trouvé ; installez Chromium ou indiquez son chemin dans les Réglages.',
    BROWSER_FAILED: 'Le navigateur a planté ou ne répond plus ; réessayez.',
    DATABASE_CORRUPT: 'La base de données est endommagée ; restaurez une sauvegarde du dossier backups.',
    DATABASE_UNAVAILABLE: 'La base de données ne s’ouvre pas ; vérifiez le disque et qu’aucun autre Rapport ne tourne.',
    MIGRATION_FAILED: 'La base de données n’a pas pu être mise à jour ; votre sauvegarde est dans le dossier backups.',
    ABORTED: 'L’exécution a été arrêtée.',
    INTERNAL: 'Une erreur inattendue s’est produite ; le journal dans le dossier de données donne les détails.',
    UNREACHABLE: 'Le serveur Rapport ne répond pas ; vérifiez qu’il tourne toujours.',
    BAD_RESPONSE: 'Le serveur a envoyé une réponse illisible pour ce panneau ; rechargez la page ou mettez Rapport à jour.',
  },
};

const dictionaries: Record<Lang, Messages> = { en, fr };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface I18n {
  lang: Lang;
  t: Translate;
  errorHint(code: ApiErrorCode): string;
  formatTime(iso: string): string;
  stateLabel(state: AppState): string;
  accountLabel(state: AccountStatus['state']): string;
  runStatusLabel(status: Run['status']): string;
}

export function createI18n(lang: Lang): I18n {
  const messages = dictionaries[lang];
  const dateFormat = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const t: Translate = (key, vars = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  return {
    lang,
    t,
    errorHint: (code) => errorHints[lang][code],
    formatTime: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
    },
    stateLabel: (state) => messages[`state_${state}`],
    accountLabel: (state) => messages[`account_${state}`],
    runStatusLabel: (status) => messages[`runStatus_${status}`],
  };
}

/** The browser's language until the server's `ui.language` setting is known. */
export function browserLanguage(languages: readonly string[]): Lang {
  return languages[0]?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export const I18nContext = createContext<I18n>(createI18n('en'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
