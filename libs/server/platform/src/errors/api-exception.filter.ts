import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { ApiErrorBody } from '@fleet/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type LocalizedText, langFromHeader } from '../i18n/lang';
import { ApiException } from './api.exception';

const STATUS_TEXT: Partial<Record<number, LocalizedText>> = {
  400: { zh: '请求有误', en: 'Bad request' },
  401: { zh: '请先登录', en: 'Please log in' },
  403: { zh: '无权执行此操作', en: 'Your role may not do this' },
  404: { zh: '未找到', en: 'Not found' },
  409: { zh: '与现有记录冲突', en: 'Conflicts with an existing record' },
  413: { zh: '文件过大', en: 'File too large' },
  423: { zh: '账号已锁定', en: 'Account locked' },
  429: { zh: '请求过于频繁', en: 'Too many requests' },
};
const INTERNAL: LocalizedText = { zh: '服务器内部错误', en: 'Internal server error' };

/** Every error leaves as api.md's body, in the caller's language; unexpected ones are logged. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const lang = langFromHeader(request.headers['accept-language']);
    const status =
      exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));

    const body: ApiErrorBody = { statusCode: status, message: '' };
    if (exception instanceof ApiException) {
      body.message = exception.text[lang];
      for (const [name, value] of Object.entries(exception.headers)) void reply.header(name, value);
      if (exception.fieldErrors.length) {
        body.errors = exception.fieldErrors.map((e) => ({ field: e.field, reason: e.reason[lang] }));
      }
    } else {
      body.message = (STATUS_TEXT[status] ?? INTERNAL)[lang];
    }
    // A route that answers HTML (a printable receipt) may have set its type before it threw.
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
