import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { ListResult } from './list-result';

/** Sends a ListResult as a JSON array with react-admin's Content-Range header. */
@Injectable()
export class ContentRangeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        if (!(body instanceof ListResult)) return body;
        void context.switchToHttp().getResponse<FastifyReply>().header('Content-Range', body.contentRange);
        return body.items as unknown;
      }),
    );
  }
}
