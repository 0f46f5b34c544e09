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
import { USAGE_IMPORT_LIST, type UsageImportDto, UsageImportsService } from './usage-imports.service';

@ApiTags('usage-imports')
@ApiBearerAuth()
@Controller('usage-imports')
export class UsageImportsController {
  constructor(private readonly imports: UsageImportsService) {}

  @Post()
  @Roles('admin')
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'CSV (UTF-8 or GBK) or XLSX' },
        kind: { type: 'string', enum: ['summary', 'detail'], description: 'detected when absent' },
        encoding: { type: 'string', description: 'utf-8 or gbk; detected when absent' },
      },
    },
  })
  upload(
    @Req() request: FastifyRequest,
    @CurrentActor() actor: Actor,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<UsageImportDto> {
    return this.imports.upload(request, actor, langFromHeader(acceptLanguage));
  }

  @Get()
  @Roles('admin', 'auditor')
  @ApiList(USAGE_IMPORT_LIST)
  list(
    @ListParams(USAGE_IMPORT_LIST) query: ListQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<ListResult<UsageImportDto>> {
    return this.imports.list(query, langFromHeader(acceptLanguage));
  }

  @Get(':id')
  @Roles('admin', 'auditor')
  get(
    @Param('id', ParseIntPipe) id: number,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<UsageImportDto> {
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
