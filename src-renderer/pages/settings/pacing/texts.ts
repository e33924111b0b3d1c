import { defineTexts } from '../../../i18n/index.js';

export const useTexts = defineTexts({
  en: {
    title: 'Pacing',
    explain: 'Pauses between actions, drawn at random between the two bounds so the rhythm looks human. The scale multiplies them all (0 = no pauses, for tests only).',
    scale: 'Scale',
    messageGapMin: 'Gap between messages, shortest (s)',
    messageGapMax: 'Gap between messages, longest (s)',
    visitGapMin: 'Gap between visits, shortest (s)',
    visitGapMax: 'Gap between visits, longest (s)',
    typingMin: 'Typing delay per key, shortest (ms)',
    typingMax: 'Typing delay per key, longest (ms)',
  },
  fr: {
    title: 'Rythme',
    explain: 'Pauses entre les actions, tirées au hasard entre les deux bornes pour un rythme humain. L’échelle les multiplie toutes (0 = aucune pause, pour les tests seulement).',
    scale: 'Échelle',
    messageGapMin: 'Écart entre messages, minimum (s)',
    messageGapMax: 'Écart entre messages, maximum (s)',
    visitGapMin: 'Écart entre visites, minimum (s)',
    visitGapMax: 'Écart entre visites, maximum (s)',
    typingMin: 'Délai de frappe par touche, minimum (ms)',
    typingMax: 'Délai de frappe par touche, maximum (ms)',
  },
});
