/** The value readers: one cell value in, a value / null (blank) / undefined (unreadable: report a CellIssue) out. */
export { toHalfWidth } from './halfWidth';
export { isBlank, isEmptyCell } from './isBlank';
export { readDate, MIN_DATE_SERIAL, MAX_DATE_SERIAL } from './readDate';
export { readMileage, MAX_MILEAGE_KM } from './readMileage';
export { readPhone } from './readPhone';
export { readInteger } from './readInteger';
export { readText } from './readText';
export { readYesNo } from './readYesNo';
export { normaliseVin } from './normaliseVin';
export { normalisePlate } from './normalisePlate';
