import type { AppConfig } from '@fleet/server/config';
import { ApiException } from '../errors/api.exception';
import { PdfRenderer } from './pdf-renderer';

const renderer = (documents: Partial<AppConfig['documents']>) =>
  new PdfRenderer({
    documents: {
      bureauName: '且末县公安局',
      chromiumPath: '/usr/bin/chromium',
      pdfTimeoutMs: 30_000,
      ...documents,
    },
  } as AppConfig);

/** The PDF side of the print helper, with the real Chromium (and a path where there is none). */
describe('PdfRenderer', () => {
  it('launches one browser at the first PDF, reuses it, and closes it at shutdown', async () => {
    const pdf = renderer({});
    try {
      const first = await pdf.render('<p>第一份</p>');
      const launched = (pdf as unknown as { browser: Promise<{ isConnected(): boolean }> }).browser;
      const second = await pdf.render('<p>第二份</p>');
      expect((pdf as unknown as { browser: unknown }).browser).toBe(launched);
      for (const bytes of [first, second]) expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
      await pdf.onApplicationShutdown();
      expect((await launched).isConnected()).toBe(false);
    } finally {
      await pdf.onApplicationShutdown();
    }
  });

  it('answers 503 in Chinese and English when Chromium is missing, and tries again at the next PDF', async () => {
    const pdf = renderer({ chromiumPath: '/nonexistent/chromium' });
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await pdf.render('<p>x</p>').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiException);
      expect((error as ApiException).getStatus()).toBe(503);
      expect((error as ApiException).text.zh).toContain('没有可用的 Chromium');
      expect((error as ApiException).text.en).toContain('/nonexistent/chromium');
    }
  });

  it('gives up after PDF_TIMEOUT_SECONDS with a 503', async () => {
    const pdf = renderer({ pdfTimeoutMs: 1 });
    try {
      const error = await pdf.render('<p>x</p>').catch((e: unknown) => e);
      expect((error as ApiException).getStatus()).toBe(503);
      expect((error as ApiException).text.zh).toContain('PDF 生成超时');
    } finally {
      await pdf.onApplicationShutdown();
    }
  });
});
