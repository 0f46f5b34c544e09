const DIGITS_ONLY = /^\d+$/;

function assertDigits(digits: string): void {
  // A Luhn digit over anything but ASCII digits would be meaningless; callers validate first.
  if (!DIGITS_ONLY.test(digits)) {
    throw new Error(`Luhn needs ASCII digits only, got "${digits}"`);
  }
}

/** The Luhn check digit (0–9) that completes `payload`, as used by IMEI and ICCID. */
export function luhnCheckDigit(payload: string): number {
  assertDigits(payload);
  let sum = 0;
  // Walk from the right: the digit next to the (future) check digit is doubled, then every second one.
  for (let offset = 0; offset < payload.length; offset++) {
    const digit = payload.charCodeAt(payload.length - 1 - offset) - 48;
    if (offset % 2 === 0) {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else {
      sum += digit;
    }
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of `digits` is the Luhn check digit of the digits before it. */
export function hasValidLuhnCheckDigit(digits: string): boolean {
  assertDigits(digits);
  if (digits.length < 2) {
    return false;
  }
  const payload = digits.slice(0, -1);
  const checkDigit = digits.charCodeAt(digits.length - 1) - 48;
  return luhnCheckDigit(payload) === checkDigit;
}
