/** The standard form pack: catalogue, definitions, renderer, filling and the plan builder. */
export * from './types';
export * from './catalogue';
export * from './fillData';
export { FORM_DEFINITIONS, formDefinition } from './definitions';
export { renderForm, formColumnWidths, isWide, FORM_FOOTER, type FormContext, type FormRowValues } from './renderForm';
export { fillRows, fillForm, type FilledForm } from './fill';
export * from './period';
export { buildFormsPlan, formContext, UnknownFormError, type BuildFormsOptions } from './buildFormsPlan';
