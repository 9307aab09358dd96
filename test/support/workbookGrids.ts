/** Every sheet of an .xlsx as the product reads it (src/xlsx/readWorkbook): sheet name -> grid. */
import type { CellValue } from '../../src/core/plan/types';
import { readWorkbook } from '../../src/xlsx/readWorkbook';

export async function workbookGrids(file: string): Promise<Map<string, CellValue[][]>> {
  const { sheets } = await readWorkbook(file);
  return new Map(sheets.map((s) => [s.name, s.grid as CellValue[][]]));
}
