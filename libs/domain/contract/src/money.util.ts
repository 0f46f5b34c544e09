/**
 * numerator ÷ denominator rounded half up to an integer, exactly, for non-negative integers (fen).
 * Integer arithmetic only: 0.5 fen never meets a binary fraction.
 */
export function divideHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(
      `divideHalfUp needs safe integers and a positive denominator: ${numerator}/${denominator}`,
    );
  }
  if (numerator < 0) return -divideHalfUp(-numerator, denominator);
  const twice = 2 * numerator + denominator;
  if (!Number.isSafeInteger(twice)) throw new RangeError(`divideHalfUp overflow: ${numerator}`);
  return Math.floor(twice / (2 * denominator));
}

/** Basis points: 1 bp = 0.01 %, so 0.3 % is 30 bp and 30 % is 3,000 bp. */
export const BP_PER_UNIT = 10_000;
