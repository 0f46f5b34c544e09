import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiQuery } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { type ListSpec, parseListQuery } from './list-query';

/** The parsed sort, range and filter of a list request, checked against the resource's ListSpec. */
export const ListParams = createParamDecorator((spec: ListSpec, context: ExecutionContext) =>
  parseListQuery(spec, context.switchToHttp().getRequest<FastifyRequest>().query as Record<string, string>),
);

/**
 * A list request's parameters as sent, for a handler that parses them itself (parseListQuery) inside
 * readAlongsideSession, so that a bad parameter is answered only after the session check.
 */
export const RawListParams = createParamDecorator(
  (_data: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<FastifyRequest>().query as Record<string, string | undefined>,
);

/** Documents a list endpoint's react-admin parameters in OpenAPI. */
export function ApiList(spec: ListSpec): MethodDecorator {
  return applyDecorators(
    ApiQuery({ name: 'sort', required: false, example: JSON.stringify(spec.defaultSort) }),
    ApiQuery({ name: 'range', required: false, example: '[0,24]' }),
    ApiQuery({
      name: 'filter',
      required: false,
      description: `JSON object; keys: id, ${[...(spec.search ? ['q'] : []), ...Object.keys(spec.filters)].join(', ')}`,
    }),
    ApiHeader({ name: 'Accept-Language', required: false, description: 'zh-CN (default) or en' }),
  );
}
