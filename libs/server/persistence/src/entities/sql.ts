/** `"col" IN ('a', 'b')` for a CHECK constraint over a fixed list of values. */
export function inList(column: string, values: readonly string[]): string {
  return `"${column}" IN (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`;
}
