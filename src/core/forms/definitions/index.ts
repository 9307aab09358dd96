/**
 * Every form definition, in catalogue order: the catalogue's number, group, subgroup and title merged with each
 * group file's body. A body without a catalogue entry (or the reverse) is a bug the tests catch.
 */
import { FORM_CATALOGUE } from '../catalogue';
import type { FormBody, FormDefinition } from '../types';
import { CORE_PROCESS_FORMS } from './coreProcess';
import { BASIC_MANAGEMENT_FORMS } from './basicManagement';
import { BUSINESS_MANAGEMENT_FORMS } from './businessManagement';
import { SUPERVISION_FORMS } from './supervision';
import { IMPROVEMENT_FORMS } from './improvement';
import { AFTER_SALES_FORMS } from './afterSales';

/** All bodies, as written by the group files. */
export const FORM_BODIES: readonly FormBody[] = [
  ...CORE_PROCESS_FORMS,
  ...BASIC_MANAGEMENT_FORMS,
  ...BUSINESS_MANAGEMENT_FORMS,
  ...SUPERVISION_FORMS,
  ...IMPROVEMENT_FORMS,
  ...AFTER_SALES_FORMS,
];

const BODY_BY_ID = new Map(FORM_BODIES.map((b) => [b.id, b]));

/** The full definitions, in catalogue order (catalogue entries without a body are left out; tests require none). */
export const FORM_DEFINITIONS: readonly FormDefinition[] = FORM_CATALOGUE.flatMap((entry) => {
  const body = BODY_BY_ID.get(entry.id);
  return body ? [{ ...body, ...entry }] : [];
});

const DEF_BY_ID = new Map(FORM_DEFINITIONS.map((d) => [d.id, d]));

/** @example formDefinition('F01')?.columns?.[1].header // '日期' */
export function formDefinition(id: string): FormDefinition | undefined {
  return DEF_BY_ID.get(id);
}
