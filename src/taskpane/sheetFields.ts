/**
 * Which fields each kind of sheet has, and which of them the analysis needs, for the mapping view.
 * The required groups are the input layer's (src/core/sheets/required.ts: at least one field of each group).
 */
import {
  CALL_FIELDS,
  CUSTOMER_FIELDS,
  PROSPECT_FIELDS,
  REGISTER_FIELDS,
  type Field,
  type SheetKind,
} from '../core/sheets/types';
import { REQUIRED } from '../core/sheets/required';

export const FIELDS_BY_KIND: Record<SheetKind, readonly Field[]> = {
  customers: CUSTOMER_FIELDS,
  calls: CALL_FIELDS,
  register: REGISTER_FIELDS,
  prospects: PROSPECT_FIELDS,
};

/** Per kind: groups of fields of which at least one must be mapped (the input layer's own rule). */
export const REQUIRED_GROUPS: Record<SheetKind, readonly (readonly Field[])[]> = REQUIRED;

/**
 * True when the field belongs to one of the kind's required groups.
 * @example isRequiredField('calls', 'result') // true
 */
export function isRequiredField(kind: SheetKind, field: Field): boolean {
  return REQUIRED_GROUPS[kind].some((group) => group.includes(field));
}

/**
 * The groups still unsatisfied by a mapping, for a warning before saving.
 * @example unsatisfiedGroups('calls', { callDate: '回访日期', vin: '车架号' }) // [['result']]
 */
export function unsatisfiedGroups(kind: SheetKind, mapping: Partial<Record<Field, string>>): (readonly Field[])[] {
  return REQUIRED_GROUPS[kind].filter((group) => !group.some((f) => Boolean(mapping[f])));
}
