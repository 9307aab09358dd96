/**
 * The plan's named styles and number formats as exceljs styles, defined once so every rendered sheet looks alike.
 * Fonts: 'Microsoft YaHei' renders CJK on Windows and Mac Office; other viewers fall back to their CJK font.
 */
import type ExcelJS from 'exceljs';
import type { StyleName } from '../core/plan/types';
export { KIND_FORMATS, numberFormatOf } from '../core/plan/numberFormats';

const FONT = 'Microsoft YaHei';
const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const box: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function fill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** Style per StyleName. Each is a frozen object shared by every cell that uses it. */
export const CELL_STYLES: Record<StyleName, Partial<ExcelJS.Style>> = {
  title: { font: { name: FONT, size: 16, bold: true, color: { argb: 'FF1F3864' } }, alignment: { vertical: 'middle' } },
  subtitle: { font: { name: FONT, size: 10, color: { argb: 'FF595959' } } },
  conclusion: { font: { name: FONT, size: 11, bold: true, color: { argb: 'FF833C0B' } }, alignment: { wrapText: true, vertical: 'top' } },
  note: { font: { name: FONT, size: 9, italic: true, color: { argb: 'FF7F7F7F' } } },
  label: { font: { name: FONT, size: 11, bold: true } },
  input: { font: { name: FONT, size: 11 }, border: { bottom: { style: 'thin', color: { argb: 'FF000000' } } } },
  header: {
    font: { name: FONT, size: 10, bold: true, color: { argb: 'FFFFFFFF' } },
    fill: fill('FF2F5597'),
    border: box,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  },
  cell: { font: { name: FONT, size: 10 }, border: box, alignment: { vertical: 'middle' } },
  total: { font: { name: FONT, size: 10, bold: true }, border: { ...box, top: { style: 'double', color: { argb: 'FF000000' } } } },
  warning: { font: { name: FONT, size: 11, bold: true, color: { argb: 'FF9C0006' } }, fill: fill('FFFFC7CE') },
};

/** Header style of the columns ChurnDesk appends to a source sheet (distinct from the dealer's own headers). */
export const APPENDED_HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 10, bold: true, color: { argb: 'FFFFFFFF' } },
  fill: fill('FF548235'),
  border: box,
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};



/** Conditional format fills (light fill, dark text, as Excel's presets). */
export const CF_FILLS: Record<'red' | 'orange' | 'yellow' | 'green' | 'grey', Partial<ExcelJS.Style>> = {
  red: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } }, font: { color: { argb: 'FF9C0006' } } },
  orange: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFCE4D6' } }, font: { color: { argb: 'FF833C0B' } } },
  yellow: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFEB9C' } }, font: { color: { argb: 'FF9C5700' } } },
  green: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFC6EFCE' } }, font: { color: { argb: 'FF006100' } } },
  grey: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFEDEDED' } }, font: { color: { argb: 'FF595959' } } },
};

/** The note written where a chart would go (exceljs cannot write charts). Also in the i18n catalogue (cli.chartNote). */
export const CHART_NOTE_FALLBACK = '图表在 Excel 加载项中生成;此文件中以表格呈现';
