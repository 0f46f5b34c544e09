import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { ApiErrorBody } from '@fleet/shared/contracts';
import { QueueUnavailableError } from '@fleet/server/queue';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { type LocalizedText, langFromHeader } from '../i18n/lang';
import { ApiException } from './api.exception';

const STATUS_TEXT: Partial<Record<number, LocalizedText>> = {
  400: { zh: '请求有误', en: 'Bad request' },
  401: { zh: '请先登录', en: 'Please log in' },
  403: { zh: '无权执行此操作', en: 'Your role may not do this' },
  404: { zh: '未找到', en: 'Not found' },
  409: { zh: '与现有记录冲突', en: 'Conflicts with an existing record' },
  413: { zh: '请求或文件过大', en: 'Request or file too large' },
  423: { zh: '账号已锁定', en: 'Account locked' },
  429: { zh: '请求过于频繁', en: 'Too many requests' },
};
const QUEUE_UNAVAILABLE: LocalizedText = {
  zh: '后台任务队列（Redis）暂不可用，未保存任何内容；请稍后重试',
  en: 'The job queue (Redis) is not available; nothing was stored. Try again later',
};
const INTERNAL: LocalizedText = { zh: '服务器内部错误', en: 'Internal server error' };

/**
 * What PostgreSQL's refusal of a write means to the caller, by SQLSTATE: the last line of defence when a
 * race (two requests creating the same record) or a value the edge let through reaches the database.
 * Nothing was written: the statement failed inside its transaction.
 */
const DATABASE_REFUSALS: Record<string, [HttpStatus, LocalizedText]> = {
  '23505': [
    HttpStatus.CONFLICT,
    {
      zh: '与现有记录冲突（可能有人同时提交），请刷新后重试',
      en: 'Conflicts with an existing record (perhaps sent at the same time): reload and try again',
    },
  ],
  '23503': [
    HttpStatus.CONFLICT,
    {
      zh: '引用的记录不存在，或记录仍被引用',
      en: 'A referenced record does not exist, or the record is still referenced',
    },
  ],
  '40001': [
    HttpStatus.CONFLICT,
    { zh: '与同时进行的修改冲突，请重试', en: 'Conflicts with a concurrent change: try again' },
  ],
  '40P01': [
    HttpStatus.CONFLICT,
    { zh: '与同时进行的修改冲突，请重试', en: 'Conflicts with a concurrent change: try again' },
  ],
  '22001': [HttpStatus.BAD_REQUEST, { zh: '文本过长', en: 'A text is too long' }],
  '22003': [HttpStatus.BAD_REQUEST, { zh: '数值超出范围', en: 'A number is out of range' }],
  '22P02': [HttpStatus.BAD_REQUEST, { zh: '值的格式无效', en: 'A value is not in a valid form' }],
  '22021': [HttpStatus.BAD_REQUEST, { zh: '文本含有无效字符', en: 'A text contains invalid characters' }],
  '22P05': [HttpStatus.BAD_REQUEST, { zh: '文本含有无效字符', en: 'A text contains invalid characters' }],
};

function sqlState(exception: unknown): string | null {
  if (!(exception instanceof QueryFailedError)) return null;
  const code = (exception.driverError as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : null;
}

function databaseRefusal(exception: unknown): [HttpStatus, LocalizedText] | null {
  return DATABASE_REFUSALS[sqlState(exception) ?? ''] ?? null;
}

/** Every error leaves as api.md's body, in the caller's language; unexpected ones are logged. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const lang = langFromHeader(request.headers['accept-language']);
    if (exception instanceof QueueUnavailableError) {
      const body: ApiErrorBody = { statusCode: 503, message: QUEUE_UNAVAILABLE[lang] };
      void reply.status(503).header('retry-after', String(exception.retryAfterSeconds)).send(body);
      return;
    }
    const refusal = databaseRefusal(exception);
    const status =
      exception instanceof HttpException
        ? exception.getStatus()
        : (refusal?.[0] ?? HttpStatus.INTERNAL_SERVER_ERROR);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    // The code only: PostgreSQL's detail names the values (identifiers stay out of the log).
    else if (refusal) this.logger.warn(`database refused a write: SQLSTATE ${sqlState(exception)}`);

    const body: ApiErrorBody = { statusCode: status, message: '' };
    if (exception instanceof ApiException) {
      body.message = exception.text[lang];
      for (const [name, value] of Object.entries(exception.headers)) void reply.header(name, value);
      if (exception.fieldErrors.length) {
        body.errors = exception.fieldErrors.map((e) => ({ field: e.field, reason: e.reason[lang] }));
      }
    } else if (refusal) {
      body.message = refusal[1][lang];
    } else {
      body.message = (STATUS_TEXT[status] ?? INTERNAL)[lang];
    }
    // A route that answers HTML (a printable receipt) may have set its type before it threw.
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
