import { defineTexts } from '../../../i18n/index.js';

export const useTexts = defineTexts({
  en: { explain: 'The language of this panel, the tray and the notifications. Saved at once.' },
  fr: { explain: 'La langue de ce panneau, de l’icône de la barre système et des notifications. Enregistrée aussitôt.' },
});
