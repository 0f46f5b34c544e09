import { execFile } from 'node:child_process';
import { join } from 'node:path';

// Fonts map some glyphs to their radical code points in the PDF's text (用 as ⽤ U+2F64, 角 as ⻆
// U+2EC6): NFKC folds the Kangxi radicals, this table the supplement's that occur in our documents.
const RADICALS: Record<string, string> = {
  '⻆': '角',
  '⻓': '长',
  '⻔': '门',
  '⻅': '见',
  '⻋': '车',
  '⻚': '页',
};

/**
 * The text of a PDF, page after page, as pdfjs-dist reads it (in a child process: pdfjs is ESM only and
 * jest runs CommonJS), folded to the characters a person typed and without spaces, for `toContain`.
 */
export function pdfText(pdf: Uint8Array): Promise<{ pages: number; text: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [join(__dirname, 'pdf-text-reader.mjs')],
      { maxBuffer: 64 * 1024 * 1024, cwd: join(__dirname, '../..') },
      (error, stdout) => {
        if (error) return reject(new Error(`pdf-text-reader failed: ${error.message}`));
        const { pages, text } = JSON.parse(stdout) as { pages: number; text: string };
        resolve({
          pages,
          text: text
            .normalize('NFKC')
            .replace(/[\u2E80-\u2EFF]/g, (c) => RADICALS[c] ?? c)
            .replace(/\s+/g, ''),
        });
      },
    );
    child.stdin!.end(Buffer.from(pdf));
  });
}
