import { defineTexts } from '../i18n/index.js';

/** The account card's texts: the card is shared by Today and Settings, so its texts live beside it. */
export const useAccountTexts = defineTexts({
  en: {
    connect: 'Connect LinkedIn',
    connectHint: 'Opens a browser window where you sign in to LinkedIn yourself; Rapport never sees your password.',
    importLabel: 'Import a cookie file',
    importHint: 'A Playwright storage state or a cookie list exported from your browser (JSON).',
    importing: 'Importing…',
    imported: 'Session imported.',
    importEmpty: 'The file is empty.',
    disconnect: 'Disconnect',
    confirmDisconnect: 'Forget the stored LinkedIn session? Runs stop until you connect again.',
    confirmYes: 'Yes, disconnect',
    confirmNo: 'Cancel',
    disconnected: 'Disconnected.',
  },
  fr: {
    connect: 'Connecter LinkedIn',
    connectHint: 'Ouvre une fenêtre de navigateur où vous vous connectez vous-même à LinkedIn ; Rapport ne voit jamais votre mot de passe.',
    importLabel: 'Importer un fichier de cookies',
    importHint: 'Un « storage state » Playwright ou une liste de cookies exportée de votre navigateur (JSON).',
    importing: 'Import…',
    imported: 'Session importée.',
    importEmpty: 'Le fichier est vide.',
    disconnect: 'Déconnecter',
    confirmDisconnect: 'Oublier la session LinkedIn enregistrée ? Les exécutions s’arrêtent jusqu’à la prochaine connexion.',
    confirmYes: 'Oui, déconnecter',
    confirmNo: 'Annuler',
    disconnected: 'Déconnecté.',
  },
});
