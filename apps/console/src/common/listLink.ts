/** A react-admin list URL showing only the records matching `filter` (the list reads `?filter=` on load). */
export function listLink(resource: string, filter: Record<string, unknown>): string {
  return `/${resource}?${new URLSearchParams({ filter: JSON.stringify(filter) }).toString()}`;
}
