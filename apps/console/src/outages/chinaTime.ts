const CST_MS = 8 * 3_600_000;

/**
 * Outage times are typed and shown in China Standard Time (domain.md §3.6 counts days in CST), whatever
 * zone the browser is in: the form's `YYYY-MM-DDTHH:mm` is sent with +08:00, and a stored moment is
 * shown as its CST wall time.
 */
export function chinaLocalOf(moment: string | null | undefined): string {
  if (!moment) return '';
  const time = Date.parse(moment);
  return Number.isNaN(time) ? moment : new Date(time + CST_MS).toISOString().slice(0, 16);
}

export function momentOfChinaLocal(local: string | null | undefined): string | null {
  if (!local) return null;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+08:00` : local;
}
