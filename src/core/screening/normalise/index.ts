export { nameForms, nameToken } from './name-forms.ts';
export type { FormReading, NameContext, NameForm, NameKind, NameToken, TokenRole } from './name-forms.ts';
export { foldUnicode } from './unicode.ts';
export { foldConfusables, isMixedScriptToken } from './confusables.ts';
export { transliterations } from './transliterate.ts';
export { canonicalLegalForm, collapseLegalForms } from './legal-forms.ts';
export { reorderPersonName } from './person-order.ts';
