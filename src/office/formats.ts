/**
 * Number formats of column kinds and the plan's named styles as Office.js range formats: one definition, applied
 * to whole ranges (formatting per cell is what makes large writes slow).
 */
import type { StyleName } from '../core/plan/types';
export { KIND_FORMATS, numberFormatOf } from '../core/plan/numberFormats';



interface OfficeStyle {
  font?: { name?: string; size?: number; bold?: boolean; italic?: boolean; color?: string };
  fill?: string;
  border?: 'box' | 'bottom' | 'totalTop';
  horizontalAlignment?: 'Left' | 'Center' | 'Right';
  verticalAlignment?: 'Top' | 'Center';
  wrapText?: boolean;
}

const FONT = 'Microsoft YaHei';

export const OFFICE_STYLES: Record<StyleName, OfficeStyle> = {
  title: { font: { name: FONT, size: 16, bold: true, color: '#1F3864' }, verticalAlignment: 'Center' },
  subtitle: { font: { name: FONT, size: 10, color: '#595959' } },
  conclusion: { font: { name: FONT, size: 11, bold: true, color: '#833C0B' }, wrapText: true, verticalAlignment: 'Top' },
  note: { font: { name: FONT, size: 9, italic: true, color: '#7F7F7F' } },
  label: { font: { name: FONT, size: 11, bold: true } },
  input: { font: { name: FONT, size: 11 }, border: 'bottom' },
  header: { font: { name: FONT, size: 10, bold: true, color: '#FFFFFF' }, fill: '#2F5597', border: 'box', horizontalAlignment: 'Center', verticalAlignment: 'Center', wrapText: true },
  cell: { font: { name: FONT, size: 10 }, border: 'box', verticalAlignment: 'Center' },
  total: { font: { name: FONT, size: 10, bold: true }, border: 'totalTop' },
  warning: { font: { name: FONT, size: 11, bold: true, color: '#9C0006' }, fill: '#FFC7CE' },
};

/** Header style of the columns ChurnDesk appends to a dealer's sheet (green, distinct from the dealer's headers). */
export const APPENDED_HEADER: OfficeStyle = {
  font: { name: FONT, size: 10, bold: true, color: '#FFFFFF' },
  fill: '#548235',
  border: 'box',
  horizontalAlignment: 'Center',
  verticalAlignment: 'Center',
  wrapText: true,
};

/** Conditional-format fills (light fill as Excel's presets). */
export const CF_FILLS: Record<'red' | 'orange' | 'yellow' | 'green' | 'grey', string> = {
  red: '#FFC7CE',
  orange: '#FCE4D6',
  yellow: '#FFEB9C',
  green: '#C6EFCE',
  grey: '#EDEDED',
};

/** Queues one style on a whole range (a handful of commands, whatever the range size). */
export function applyStyle(range: Excel.Range, style: OfficeStyle): void {
  const f = range.format;
  if (style.font) {
    if (style.font.name) f.font.name = style.font.name;
    if (style.font.size) f.font.size = style.font.size;
    if (style.font.bold) f.font.bold = true;
    if (style.font.italic) f.font.italic = true;
    if (style.font.color) f.font.color = style.font.color;
  }
  if (style.fill) f.fill.color = style.fill;
  if (style.horizontalAlignment) f.horizontalAlignment = style.horizontalAlignment;
  if (style.verticalAlignment) f.verticalAlignment = style.verticalAlignment;
  if (style.wrapText) f.wrapText = true;
  const edges: ('EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical')[] =
    style.border === 'box'
      ? ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical']
      : style.border === 'bottom'
        ? ['EdgeBottom']
        : style.border === 'totalTop'
          ? ['EdgeTop']
          : [];
  for (const e of edges) {
    const b = f.borders.getItem(e);
    b.style = style.border === 'totalTop' ? 'Double' : 'Continuous';
    b.color = style.border === 'box' ? '#BFBFBF' : '#000000';
  }
}

/** Excel column width in characters (as the plan gives it) to Office.js points (Calibri 11: 7 px per char + 5 px). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * Sets one number format on a whole range with a single value: Office.js copies a single input to every cell
 * ("single input copy", as Ctrl+Enter does), so the request stays a few bytes whatever the number of rows.
 */
export function setUniformFormat(range: Excel.Range, format: string): void {
  range.numberFormat = format as unknown as string[][];
}
