/**
 * Rules every input obeys before any controller sees it (issue 12, "hard edges"): text without NUL or
 * unpaired UTF-16 surrogates (PostgreSQL refuses both, and the audit log's JSON with them), finite
 * numbers, ids in canonical decimal within int32, JSON nested no deeper than a limit. Pure: no Nest.
 */

export const INT32_MAX = 2_147_483_647;
export const INT32_MIN = -2_147_483_648;

export type TextFault = 'nul' | 'surrogate';

/** Why a string may not be stored, or null when it may. */
export function textFault(text: string): TextFault | null {
  if (text.includes('\u0000')) return 'nul';
  // A high surrogate not followed by a low one, or a low one not preceded by a high one.
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)) return 'surrogate';
  return null;
}

export type ValueFault = TextFault | 'nonFinite';

export interface InputFault {
  /** Dotted path of the field at fault (`lines.2.name`); a key at fault is named by itself. */
  field: string;
  fault: ValueFault;
}

/** The first string (value or key) or number in a parsed JSON value or query that may not be taken. */
export function findInputFault(value: unknown, path = ''): InputFault | null {
  if (typeof value === 'string') {
    const fault = textFault(value);
    return fault ? { field: path, fault } : null;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? null : { field: path, fault: 'nonFinite' };
  if (value === null || typeof value !== 'object') return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    const field = path ? `${path}.${key}` : key;
    const keyFault = textFault(key);
    if (keyFault) return { field, fault: keyFault };
    const fault = findInputFault(child, field);
    if (fault) return fault;
  }
  return null;
}

/**
 * Whether JSON text nests arrays and objects deeper than `maxDepth`, read without parsing (so a body
 * nested 100,000 deep costs one pass and no stack). Brackets inside strings do not count.
 */
export function jsonDepthExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * An id as a path or filter carries it: canonical decimal (no sign, no leading zero, no exponent, no
 * hex), 1 to INT32_MAX; null when it is anything else.
 */
export function parseId(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 1 && raw <= INT32_MAX ? raw : null;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= INT32_MAX ? id : null;
}
