/** The input layer: header detection, column mapping by meaning, sheet-kind detection, appended-column placement. */
export { SYNONYMS, fieldsOf } from './synonyms';
export type { FieldSynonyms } from './synonyms';
export { headerKey, headerBaseKey } from './normaliseHeader';
export { matchColumns, matchScore } from './matchColumns';
export { findHeaderRow, findHeaderRowScored, HEADER_SCAN_ROWS } from './findHeaderRow';
export { findFollowUpGroups, findTwoRowFollowUpGroups, parseGroupHeader, parseNumeral } from './followUpGroups';
export { REQUIRED, missingRequirements, missingRequiredFields } from './required';
export { isBlankRow, isTotalsRow, isRepeatedHeader } from './rowKinds';
export { mapSheet } from './mapSheet';
export type { MapSheetOptions } from './mapSheet';
export { detectSheets, kindRank, SHEET_KINDS, IGNORED_REASON } from './detectSheets';
export type { DetectOptions } from './detectSheets';
export { placeAppendedColumns, firstFreeColumn } from './placeColumns';
export type { OwnedColumns } from './placeColumns';
export { cellIssue, ISSUE_REASON } from './cellIssue';
export { findOwnedStart } from './ownedColumns';
