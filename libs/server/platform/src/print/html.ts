import { escapeHtml } from '../html/escape-html';

/** Markup that is already safe: built by `html`, never from text a person typed. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = SafeHtml | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return (part as readonly Part[]).map(render).join('');
  return escapeHtml(part as string | number);
}

/**
 * Builds printable markup: every interpolated value is escaped unless it is itself `html` (or an array
 * of it), so a document cannot forget to escape a name or a fault description someone typed.
 * `false`, null and undefined print nothing, for `${cond && html`...`}`.
 */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new SafeHtml(out);
}

/** Markup made elsewhere and known to be safe (an SVG the QR library drew). */
export const trustedHtml = (markup: string): SafeHtml => new SafeHtml(markup);
