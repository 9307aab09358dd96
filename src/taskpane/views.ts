/** The pane's views, in tab order, and how the ribbon's `?view=` query picks the first one. */

export const VIEWS = ['home', 'mapping', 'settings', 'forms', 'share'] as const;
export type ViewId = (typeof VIEWS)[number];

/**
 * The view named by a URL query string, or 'home'.
 * @example viewFromQuery('?view=forms') // 'forms'
 * @example viewFromQuery('?view=nope') // 'home'
 */
export function viewFromQuery(search: string): ViewId {
  const wanted = new URLSearchParams(search).get('view');
  return (VIEWS as readonly string[]).includes(wanted ?? '') ? (wanted as ViewId) : 'home';
}
