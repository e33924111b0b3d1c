import { defineTexts } from '../../i18n/index.js';

export const useTexts = defineTexts({
  en: { birthday: 'Birthday', sourcing: 'Sourcing', sub: 'Campaign' },
  fr: { birthday: 'Anniversaires', sourcing: 'Recherche de profils', sub: 'Campagne' },
});
