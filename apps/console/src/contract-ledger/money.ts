import { formatFen } from '@fleet/domain/billing';

/** Fen as yuan with thousands separators for people: "¥98,100.00". */
export function yuan(fen: number): string {
  const [whole, cents] = formatFen(fen).split('.');
  return `¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** Basis points as a percentage without trailing zeros: 30 → "0.3", 3000 → "30". */
export function percentOfBp(bp: number): string {
  return String(bp / 100);
}
