/**
 * Characters that make Excel, WPS or LibreOffice read a cell as a formula (CSV injection). Tab and
 * carriage return are included because a spreadsheet strips them and then sees the next character.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell value that a spreadsheet shows as text: one that would start a formula gets a leading single
 * quote, which spreadsheets treat as "this is text" and do not display.
 */
export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
