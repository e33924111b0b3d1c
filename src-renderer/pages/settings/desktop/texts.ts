import { defineTexts } from '../../../i18n/index.js';

export const useTexts = defineTexts({
  en: {
    title: 'Desktop app',
    startAtLogin: 'Start Rapport when I log in',
    explain: 'Rapport then starts hidden in the tray, so scheduled runs happen without opening the window. Off by default.',
    headless:
      'This applies to the desktop app: it takes effect the next time the desktop app runs on this computer. A headless host (a Raspberry Pi, a server) is started by its service instead.',
    envOverride: 'Set by the environment variable {name}: change it there.',
    saved: 'Saved.',
  },
  fr: {
    title: 'Application de bureau',
    startAtLogin: 'Lancer Rapport à l’ouverture de ma session',
    explain:
      'Rapport démarre alors masqué dans la barre système : les exécutions planifiées ont lieu sans ouvrir la fenêtre. Désactivé par défaut.',
    headless:
      'Ce réglage concerne l’application de bureau : il prend effet au prochain lancement de l’application de bureau sur cet ordinateur. Un hôte sans interface (un Raspberry Pi, un serveur) est lancé par son service.',
    envOverride: 'Défini par la variable d’environnement {name} : modifiez-la là.',
    saved: 'Enregistré.',
  },
});
