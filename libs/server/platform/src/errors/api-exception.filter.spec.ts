import type { ArgumentsHost } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ApiExceptionFilter } from './api-exception.filter';

/** What the filter answers for an exception, as a caller in `lang` would get it. */
function answer(exception: unknown, lang = 'zh-CN') {
  const sent: { status?: number; body?: { statusCode: number; message: string } } = {};
  const reply = {
    status: (status: number) => ((sent.status = status), reply),
    header: () => reply,
    send: (body: { statusCode: number; message: string }) => ((sent.body = body), reply),
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ headers: { 'accept-language': lang } }),
      getResponse: () => reply,
    }),
  } as unknown as ArgumentsHost;
  new ApiExceptionFilter().catch(exception, host);
  return sent;
}

const refused = (code: string) =>
  new QueryFailedError('INSERT …', [], Object.assign(new Error('duplicate key value'), { code }));

describe('database refusals at the edge', () => {
  it.each([
    ['23505', 409, /冲突/],
    ['23503', 409, /引用的记录/],
    ['40001', 409, /同时进行/],
    ['22003', 400, /数值超出范围/],
    ['22021', 400, /无效字符/],
  ])('answers SQLSTATE %s with %d, never a 500', (code, status, message) => {
    const { status: sent, body } = answer(refused(code));
    expect(sent).toBe(status);
    expect(body).toEqual({ statusCode: status, message: expect.stringMatching(message) });
  });

  it('answers in English when asked, and keeps a 500 for what it does not know', () => {
    expect(answer(refused('23505'), 'en').body?.message).toMatch(/^Conflicts with an existing record/);
    expect(answer(refused('XX000')).status).toBe(500);
    expect(answer(new Error('boom')).status).toBe(500);
  });
});
