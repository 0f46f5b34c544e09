import { Get, Headers, HttpCode, Param, ParseIntPipe, Post, Req, type StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiProduces } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Role } from '@fleet/shared/contracts';
import { type Actor, CurrentActor, Roles } from '../auth/access.decorators';
import { type Lang, langFromHeader } from '../i18n/lang';
import { ApiList, ListParams } from '../list/list-params.decorator';
import type { ListQuery, ListSpec } from '../list/list-query';
import type { ListResult } from '../list/list-result';

/** What an import controller needs of its service; texts (the error) in the caller's language. */
export interface ImportPort<D> {
  upload(request: FastifyRequest, actor: Actor, lang: Lang): Promise<D>;
  list(query: ListQuery, lang: Lang): Promise<ListResult<D>>;
  get(id: number, lang: Lang): Promise<D>;
  rejectedCsv(id: number, lang: Lang): Promise<StreamableFile>;
  retry(id: number, actor: Actor, lang: Lang): Promise<D>;
}

/** Who reads the file imports (their list, one import, its rejected rows and its export). */
export const IMPORT_READERS = ['admin', 'auditor'] as const satisfies readonly Role[];

export interface ImportControllerOptions {
  spec: ListSpec;
  /** The multipart body's schema for the API docs (the file and the feature's own fields). */
  uploadSchema: Record<string, unknown>;
}

/**
 * The routes of a file import: upload (admin; 202, processed by the worker), its list, one import and
 * its rejected rows as CSV (admin, auditor), and the retry of a failed one (admin; 202). A feature's controller extends the class
 * this returns, like CrudController.
 */
export function ImportController<D>({ spec, uploadSchema }: ImportControllerOptions) {
  abstract class ImportControllerBase {
    constructor(protected readonly service: ImportPort<D>) {}

    @Post()
    @Roles('admin')
    @HttpCode(202)
    @ApiConsumes('multipart/form-data', 'application/octet-stream')
    @ApiBody({ schema: uploadSchema })
    upload(
      @Req() request: FastifyRequest,
      @CurrentActor() actor: Actor,
      @Headers('accept-language') acceptLanguage?: string,
    ): Promise<D> {
      return this.service.upload(request, actor, langFromHeader(acceptLanguage));
    }

    @Post(':id/retry')
    @Roles('admin')
    @HttpCode(202)
    retry(
      @Param('id', ParseIntPipe) id: number,
      @CurrentActor() actor: Actor,
      @Headers('accept-language') acceptLanguage?: string,
    ): Promise<D> {
      return this.service.retry(id, actor, langFromHeader(acceptLanguage));
    }

    @Get()
    @Roles(...IMPORT_READERS)
    @ApiList(spec)
    list(
      @ListParams(spec) query: ListQuery,
      @Headers('accept-language') acceptLanguage?: string,
    ): Promise<ListResult<D>> {
      return this.service.list(query, langFromHeader(acceptLanguage));
    }

    @Get(':id')
    @Roles(...IMPORT_READERS)
    get(
      @Param('id', ParseIntPipe) id: number,
      @Headers('accept-language') acceptLanguage?: string,
    ): Promise<D> {
      return this.service.get(id, langFromHeader(acceptLanguage));
    }

    @Get(':id/rejected.csv')
    @Roles(...IMPORT_READERS)
    @ApiProduces('text/csv')
    rejected(
      @Param('id', ParseIntPipe) id: number,
      @Headers('accept-language') acceptLanguage?: string,
    ): Promise<StreamableFile> {
      return this.service.rejectedCsv(id, langFromHeader(acceptLanguage));
    }
  }
  return ImportControllerBase;
}
