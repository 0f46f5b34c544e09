import {
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Req,
  type StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { BulkImportDto } from '@fleet/shared/contracts';
import {
  type Actor,
  ApiList,
  CurrentActor,
  langFromHeader,
  ListParams,
  type ListQuery,
  type ListResult,
  Roles,
} from '@fleet/server/platform';
import type { FastifyRequest } from 'fastify';
import { IMPORT_LIST, ImportsService } from './imports.service';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @Roles('admin')
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'kind'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'CSV (UTF-8 or GBK) or XLSX' },
        kind: { type: 'string', enum: ['devices', 'sim_cards', 'officers', 'units'] },
        encoding: { type: 'string', description: 'utf-8 or gbk; detected when absent' },
      },
    },
  })
  upload(
    @Req() request: FastifyRequest,
    @CurrentActor() actor: Actor,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<BulkImportDto> {
    return this.imports.upload(request, actor, langFromHeader(acceptLanguage));
  }

  @Get()
  @Roles('admin', 'auditor')
  @ApiList(IMPORT_LIST)
  list(
    @ListParams(IMPORT_LIST) query: ListQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<ListResult<BulkImportDto>> {
    return this.imports.list(query, langFromHeader(acceptLanguage));
  }

  @Get(':id')
  @Roles('admin', 'auditor')
  get(
    @Param('id', ParseIntPipe) id: number,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<BulkImportDto> {
    return this.imports.get(id, langFromHeader(acceptLanguage));
  }

  @Get(':id/rejected.csv')
  @Roles('admin', 'auditor')
  @ApiProduces('text/csv')
  rejected(
    @Param('id', ParseIntPipe) id: number,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<StreamableFile> {
    return this.imports.rejectedCsv(id, langFromHeader(acceptLanguage));
  }
}
