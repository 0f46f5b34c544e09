import { HttpStatus, Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import { type Browser, chromium } from 'playwright-core';
import { ApiException } from '../errors/api.exception';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** A page number at the foot of every PDF page (Chromium's own footer, in the bottom margin). */
const FOOTER = `<div style="width:100%;font-size:8px;text-align:center;color:#555;font-family:'Noto Serif CJK SC',serif">第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</div>`;

/**
 * Turns a print page into PDF with headless Chromium (CHROMIUM_PATH). One browser, launched at the first
 * PDF and reused (a launch costs a second or more), closed when the app shuts down; each PDF gets its own
 * context with scripts off and every request refused, so a document can only show what its HTML holds.
 */
@Injectable()
export class PdfRenderer implements OnApplicationShutdown {
  private readonly logger = new Logger(PdfRenderer.name);
  private browser: Promise<Browser> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async render(page: string, options: { landscape?: boolean; footer?: boolean } = {}): Promise<Buffer> {
    const { pdfTimeoutMs } = this.config.documents;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            this.unavailable(
              `PDF 生成超时（超过 ${pdfTimeoutMs / 1000} 秒），请稍后重试或先打印网页版`,
              `Rendering the PDF took longer than ${pdfTimeoutMs / 1000} s; try again later or print the HTML page`,
            ),
          ),
        pdfTimeoutMs,
      );
    });
    try {
      return await Promise.race([this.print(page, options, pdfTimeoutMs), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const launched = this.browser;
    this.browser = null;
    if (launched) await launched.then((b) => b.close()).catch(() => undefined);
  }

  private async print(
    html: string,
    options: { landscape?: boolean; footer?: boolean },
    timeoutMs: number,
  ): Promise<Buffer> {
    const browser = await this.launched();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(timeoutMs);
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      const footer = options.footer ?? true;
      return await page.pdf({
        format: 'A4',
        landscape: options.landscape,
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: footer,
        headerTemplate: '<span></span>',
        footerTemplate: footer ? FOOTER : '<span></span>',
      });
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  /** The shared browser, launched once; a crashed or missing one is launched again at the next PDF. */
  private launched(): Promise<Browser> {
    if (!this.browser) {
      const { chromiumPath } = this.config.documents;
      const launching = chromium
        .launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS })
        .then((browser) => {
          browser.on('disconnected', () => {
            if (this.browser === launching) this.browser = null;
          });
          return browser;
        })
        .catch((error: unknown) => {
          this.browser = null;
          this.logger.error(`Chromium at ${chromiumPath} did not start: ${String(error)}`);
          throw this.unavailable(
            `无法生成 PDF：服务器上没有可用的 Chromium（CHROMIUM_PATH=${chromiumPath}），请联系系统管理员；网页版仍可打印`,
            `Cannot make the PDF: no working Chromium on the server (CHROMIUM_PATH=${chromiumPath}); ask the system administrator. The HTML page still prints`,
          );
        });
      this.browser = launching;
    }
    return this.browser;
  }

  private unavailable(zh: string, en: string): ApiException {
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, { zh, en });
  }
}
