/**
 * A dealer form as DATA. One renderer (renderForm.ts) turns any FormDefinition into a SheetSpec, so adding a form
 * means adding a definition, never code.
 *
 * Formula templates (column `formula`, `total`, `summaries`) use placeholders the renderer fills in:
 * - `{r}`         the 1-based Excel row number of the current data row (row formulas only)
 * - `{c:key}`     the column letter of the column with that key
 * - `{first}`     first data row number, `{last}` last data row number
 * - `{t:key}`     the A1 address of that column's totals cell
 * English function names only (SUM, COUNTA, IFERROR …), so Excel and LibreOffice compute them alike.
 *
 * @example
 * const f: FormBody = { id: 'F99', kind: 'grid', headerFields: [{ label: '经销商', source: 'dealerName' }],
 *   columns: [{ key: 'no', header: '序号', type: 'integer' }, { key: 'qty', header: '数量', type: 'integer', total: 'sum' }],
 *   blankRows: 20 };
 */

import type { FillDatasetName } from './fillData';

/** Where a form sits in the OEM's pack: the seed's number, group and subgroup, and its title. */
export interface CatalogueEntry {
  /** Stable id: 'F01' … 'F51', 'F51-1', 'F51-2' for the dealer pack, 'AS1' … 'AS5' for the after-sales reports. */
  id: string;
  /** The seed's number as printed ('1' … '51', '51-1', '51-2'; 'AS1' … for after-sales). */
  number: string;
  group: string;
  subgroup: string;
  title: string;
}

/**
 * grid: a register (header row + rows); matrix: preset rows; document: numbered clauses; cards: one card per record
 * (意向客户跟踪卡: the card's fields, then its own small grid of follow-ups), several cards per printed page and none
 * cut by a page break.
 */
export type FormKind = 'grid' | 'document' | 'matrix' | 'cards';

export type FormColumnType = 'text' | 'date' | 'time' | 'integer' | 'number' | 'percent' | 'money' | 'yesno' | 'list';

/** A labelled fill-in cell above (or below) the grid, e.g. 经销商: ______. */
export interface FormField {
  label: string;
  /** Pre-filled from settings / the run: dealer name, the period ('2026年10月'), or the analysis date. */
  source?: 'dealerName' | 'period' | 'date';
  /** A fixed default text. */
  value?: string;
  /** Takes the whole row width (long answers). */
  wide?: boolean;
}

export type TotalRule = 'sum' | 'count' | 'average' | { formula: string };

export interface FormColumn {
  /** Unique within the form; referenced by formula placeholders and by fill data. */
  key: string;
  header: string;
  /** Upper header over consecutive columns with the same group (two header rows). */
  group?: string;
  type: FormColumnType;
  /** Width in characters; default from the header. */
  width?: number;
  /** Drop-down values for type 'list' ('yesno' is 是/否). */
  values?: readonly string[];
  /** Row formula with `{r}` etc.; the column is computed, never typed in. */
  formula?: string;
  total?: TotalRule;
  /**
   * Filling: the property of the dataset row that goes into this column (a dotted path into arrays allowed,
   * e.g. 'visitsBySlot.0'). Columns without `field` stay blank (or keep their formula) in a filled form.
   */
  field?: string;
  /** Cards forms: the column takes this many sheet columns, merged (the card's fields above are laid out over them). */
  span?: number;
  /** Filling: the header is FormFillData.labels[headerLabel] when the data gives one (e.g. 'model.1': a model's name). */
  headerLabel?: string;
}

/** A field of a card (cards forms): label, and the dataset property shown beside it. */
export interface CardField {
  label: string;
  field?: string;
  type?: 'text' | 'date';
}

/** The rows of one card of a filled cards form: its fields (by CardField.field) and its grid rows (by column key). */
export interface CardValues {
  fields: Record<string, string | number>;
  rows: Record<string, string | number | boolean | undefined>[];
}

/** A rate or result printed under the grid: label and formula (placeholders allowed). */
export interface FormSummary {
  label: string;
  formula: string;
  format: 'percent' | 'number' | 'money';
}

/** A numbered clause of a document form (agreement, contract, application). */
export interface FormClause {
  heading?: string;
  text: string;
  /** Fill-in fields that belong to the clause, printed under it. */
  fields?: FormField[];
}

export interface FormDefinition extends CatalogueEntry {
  kind: FormKind;
  /** Fields above the grid / document body. */
  headerFields?: FormField[];
  /** Grid and matrix forms: the columns. */
  columns?: FormColumn[];
  /**
   * Matrix forms: preset rows (values of the leading columns, by column key), e.g. the 5S check items.
   * Blank rows are added after them.
   */
  presetRows?: Record<string, string | number>[];
  /** Empty rows to print for hand filling (grid default 15, matrix default 0). */
  blankRows?: number;
  /** Label of the totals row (in the first column); a totals row is written when any column has `total`. */
  totalsLabel?: string;
  summaries?: FormSummary[];
  /** Document forms: the body. */
  preamble?: string;
  clauses?: FormClause[];
  /** Fields printed after the grid or clauses. */
  footerFields?: FormField[];
  notes?: string[];
  /** Signature lines: each a label ('客服经理') followed by a blank to sign. */
  signatures?: string[];
  /** Forced orientation; default: landscape when wide. */
  orientation?: 'portrait' | 'landscape';
  /** Cards forms: the fields at the top of each card; the card's grid is `columns`. */
  cardFields?: CardField[];
  /** Cards forms: the dataset property holding a card's grid rows (e.g. 'followUps'). */
  cardRowsOf?: string;
  /** Cards forms: grid rows per card at least (blank lines to write on); a blank form prints 3 cards. */
  cardRows?: number;
  /**
   * A monthly report (跟踪失败分析表, 月销售计划分配表 …): its figures are one month's. When the pack is built for
   * 'all', it shows the analysis date's month; its 月份 says which.
   */
  monthly?: boolean;
  /** Filling: the FormFillData dataset whose rows become this form's rows (see fillData.ts). */
  fillFrom?: FillDatasetName;
  /**
   * Filling a dated form: the dataset property holding each row's date (a serial, a month 'YYYY-MM' for monthly
   * statistics, '' when undated). The rows shown
   * are those of the chosen period (FormPeriod: every row, or one month's), and the 期间/月份 header says which.
   */
  fillDateOf?: string;
  /**
   * Filling a matrix: the column whose value matches a data row to a preset row (e.g. 'category' of 跟踪失败分析表),
   * so the data lands on the preset row instead of below it. Unmatched data rows are appended.
   */
  fillKey?: string;
  /** With fillKey: data rows matching no preset row are left out (a matrix of fixed indicators), not appended. */
  fillPresetOnly?: boolean;
  /** true when filled rows hold names / phones (share-safe copy masks them). */
  personalData?: boolean;
}

/** What a definition file writes: the body; the catalogue supplies number, group, subgroup and title by id. */
export type FormBody = Omit<FormDefinition, 'number' | 'group' | 'subgroup' | 'title'>;
