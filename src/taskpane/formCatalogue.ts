/**
 * What the forms gallery needs to know about each form of the pack. The list itself is the forms part's
 * catalogue (src/core/forms/catalogue.ts); the gallery depends only on these fields.
 */
export interface FormCatalogueEntry {
  /** Stable id passed to actions.generateForms (e.g. 'F01', 'AS1'). */
  id: string;
  /** The number printed in the seed's list (e.g. '1', '12'). */
  number: string | number;
  group: string;
  subgroup?: string;
  title: string;
}

export interface FormGroup {
  group: string;
  forms: FormCatalogueEntry[];
}

/**
 * Forms grouped in catalogue order, keeping only those whose title, number, group or subgroup contains `query`.
 * @example groupForms([{ id: 'F01', number: 1, group: '核心流程', title: '展厅来电/店登记表' }], '来电')[0].forms.length // 1
 */
export function groupForms(forms: readonly FormCatalogueEntry[], query: string): FormGroup[] {
  const q = query.trim().toLowerCase();
  const groups = new Map<string, FormCatalogueEntry[]>();
  for (const f of forms) {
    const haystack = `${f.number} ${f.title} ${f.group} ${f.subgroup ?? ''} ${f.id}`.toLowerCase();
    if (q && !haystack.includes(q)) continue;
    let list = groups.get(f.group);
    if (!list) groups.set(f.group, (list = []));
    list.push(f);
  }
  return [...groups.entries()].map(([group, list]) => ({ group, forms: list }));
}
