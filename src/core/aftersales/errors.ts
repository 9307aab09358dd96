import type { Field, NeedsMapping } from '../sheets/types';

/**
 * The column a refusal is about: the sheet and the field whose column was read wrong or not at all. A host opens its
 * mapping on it (the pane's 列映射) instead of showing a bare error: the user's fix is a mapping, not a retry.
 */
export interface RefusedColumn {
  sheet: string;
  field: Field;
}

/** The typed error of unusable input: an i18n key and its params, so each host shows it in the user's language. */
export class AnalysisInputError extends Error {
  constructor(
    /** i18n key, e.g. 'aftersales.error.missingFields'. */
    public readonly key: string,
    public readonly params: Record<string, string | number> = {},
    /**
     * The fields concerned, in the shape of the detection's needsMapping (sheet, kind, fields, candidate columns), when
     * the refusal is about columns the user can map: the pane opens 列映射 on them, the CLI lists them.
     */
    public readonly needsMapping?: NeedsMapping[],
    /** Set when the refusal is about one column (issue 10: the pane opens 列映射 on it before writing anything). */
    public readonly column?: RefusedColumn,
  ) {
    // The message is the bare key, so a host that only sees `message` can still look it up in the catalogue.
    super(key);
    this.name = 'AnalysisInputError';
  }
}
