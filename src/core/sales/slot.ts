/**
 * The two-hour slots of the showroom traffic table (展厅客流量统计表): 08:00–10:00 … 18:00–20:00.
 * Arrivals before 08:00 count in the first slot and from 20:00 on in the last (DOMAIN.md).
 */

/** Slot labels as the seed's form prints them, index 0..5. */
export const SLOT_LABELS = ['08:00-10:00', '10:00-12:00', '12:00-14:00', '14:00-16:00', '16:00-18:00', '18:00-20:00'] as const;
export const SLOT_COUNT = SLOT_LABELS.length;

const FIRST_SLOT_START = 8 * 60;
const SLOT_MINUTES = 120;

/**
 * Slot index 0..5 of an arrival time in minutes since midnight.
 * @example slotOf(599) // 0 (09:59)
 * @example slotOf(600) // 1 (10:00)
 * @example slotOf(470) // 0 (07:50, before opening)
 * @example slotOf(1210) // 5 (20:10, after closing)
 */
export function slotOf(minutes: number): number {
  const index = Math.floor((minutes - FIRST_SLOT_START) / SLOT_MINUTES);
  return index < 0 ? 0 : index >= SLOT_COUNT ? SLOT_COUNT - 1 : index;
}
