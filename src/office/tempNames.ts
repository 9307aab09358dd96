/**
 * The prefix of the sheets a refresh builds before it swaps them in (src/office/applyPlan.ts): every reader leaves
 * them out, and the next refresh removes any a stopped one left behind. Its own module so that the readers do not
 * load the write path, which the pane fetches on the first click.
 */
export const TEMP_PREFIX = '~cd_tmp_';
