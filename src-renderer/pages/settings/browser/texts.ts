import { defineTexts } from '../../../i18n/index.js';

export const useTexts = defineTexts({
  en: {
    title: 'Browser',
    explain: 'The Chromium-based browser Rapport drives. Leave the path empty to let Rapport find Chromium, Chrome or Edge.',
    path: 'Browser executable path',
    headless: 'Run the browser without a window (headless)',
    test: 'Test the browser',
    testing: 'Starting the browser…',
    works: 'It works: {version}',
    fails: 'It does not start',
  },
  fr: {
    title: 'Navigateur',
    explain: 'Le navigateur Chromium que Rapport pilote. Laissez le chemin vide pour que Rapport trouve Chromium, Chrome ou Edge.',
    path: 'Chemin de l’exécutable du navigateur',
    headless: 'Lancer le navigateur sans fenêtre (headless)',
    test: 'Tester le navigateur',
    testing: 'Démarrage du navigateur…',
    works: 'Il fonctionne : {version}',
    fails: 'Il ne démarre pas',
  },
});
