import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  Get,
  Injectable,
} from '@nestjs/common';
import { ApiProduces, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { Role } from '@fleet/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, type RequestWithActor, Roles } from '../auth/access.decorators';
import { ApiException } from '../errors/api.exception';
import { PdfRenderer } from './pdf-renderer';

/** A printable document, rendered: the HTML page and the name its PDF is saved under (without .pdf). */
export interface PrintDocument {
  html: string;
  fileName: string;
  /** False for a sheet that fills the page edge to edge (labels): no page-number footer. */
  footer?: boolean;
}

export const PRINT_FORMATS = ['html', 'pdf'] as const;
export type PrintFormat = (typeof PRINT_FORMATS)[number];

/** `?format=html|pdf` of a print route; html when absent; anything else is a 400 naming the field. */
function formatOf(format: unknown): PrintFormat {
  if (format === undefined || format === '') return 'html';
  if (typeof format === 'string' && (PRINT_FORMATS as readonly string[]).includes(format)) {
    return format as PrintFormat;
  }
  throw ApiException.badRequest([
    { field: 'format', reason: { zh: '只能是 html 或 pdf', en: 'must be html or pdf' } },
  ]);
}

/** Where a print route's document goes: the format asked for, who asks, and the reply it leaves on. */
export interface PrintTarget {
  format: PrintFormat;
  actor: Actor;
  reply: FastifyReply;
}

/** The print route's `PrintTarget`: `?format` (400 if neither html nor pdf), the actor and the reply. */
export const PrintTo = createParamDecorator((_: unknown, ctx: ExecutionContext): PrintTarget => {
  const http = ctx.switchToHttp();
  const request = http.getRequest<RequestWithActor & FastifyRequest<{ Querystring: { format?: unknown } }>>();
  const actor = request.actor;
  if (!actor) throw new Error('PrintTo used on an endpoint without a login');
  return { format: formatOf(request.query.format), actor, reply: http.getResponse<FastifyReply>() };
});

/**
 * A print route (GET): the roles that may print, and its OpenAPI. Its handler takes the id and
 * `@PrintTo()` and answers `printer.send(target, document)`.
 */
export const PrintRoute = (path: string, ...roles: [Role, ...Role[]]) =>
  applyDecorators(Get(path), Roles(...roles), ApiPrintDocument());

/** The OpenAPI of a print route: an A4 HTML page, or with ?format=pdf the same page as a PDF download. */
export const ApiPrintDocument = () =>
  applyDecorators(
    ApiProduces('text/html', 'application/pdf'),
    ApiQuery({
      name: 'format',
      required: false,
      enum: PRINT_FORMATS,
      description:
        'html (default): the A4 page to print from the browser; pdf: the same page as a PDF file (Content-Disposition: attachment), made by headless Chromium',
    }),
    ApiResponse({
      status: 503,
      description:
        'format=pdf and the server has no working Chromium (CHROMIUM_PATH), or the PDF took longer than PDF_TIMEOUT_SECONDS',
    }),
  );

/**
 * Sends a print document as the route's answer: the HTML page, or its PDF. The content type is set only
 * once the document exists, so an error (404, 403) still leaves as JSON. The security headers and CSP
 * are the app's, on both.
 */
@Injectable()
export class PrintDocuments {
  constructor(private readonly pdf: PdfRenderer) {}

  async send(
    { reply, format }: Pick<PrintTarget, 'reply' | 'format'>,
    document: PrintDocument | Promise<PrintDocument>,
  ): Promise<string | Buffer> {
    const doc = await document;
    if (format === 'html') {
      void reply.type('text/html; charset=utf-8');
      return doc.html;
    }
    const bytes = await this.pdf.render(doc.html, { footer: doc.footer });
    void reply.type('application/pdf').header('content-disposition', attachment(`${doc.fileName}.pdf`));
    return bytes;
  }
}

/** RFC 6266: an ASCII fallback name, and the real (Chinese) one as filename*. */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\w.-]+/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
