import { defineTexts } from '../../i18n/index.js';

export const useFormTexts = defineTexts({
  en: {
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved.',
    discard: 'Discard changes',
    unsaved: 'You have unsaved changes.',
    leaveQuestion: 'You have unsaved changes. Leave without saving?',
    setByEnv: 'Set by the environment variable {env}: change it there.',
    fixFirst: 'Nothing was saved: fix the fields marked in red first.',
  },
  fr: {
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    saved: 'Enregistré.',
    discard: 'Annuler les modifications',
    unsaved: 'Des modifications ne sont pas enregistrées.',
    leaveQuestion: 'Des modifications ne sont pas enregistrées. Quitter sans enregistrer ?',
    setByEnv: 'Défini par la variable d’environnement {env} : modifiez-la là.',
    fixFirst: 'Rien n’a été enregistré : corrigez d’abord les champs signalés en rouge.',
  },
});
