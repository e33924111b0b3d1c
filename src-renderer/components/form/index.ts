export { Field, FormActions, InputField, SettingsFormShell } from './fields.js';
export { fieldFor, getPath, patchOf } from './paths.js';
export { useFormTexts } from './texts.js';
export { useUnsavedGuard } from './unsaved-guard.js';
export { useSettingsForm, type SettingsForm } from './use-settings-form.js';
