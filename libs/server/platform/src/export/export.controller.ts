import { Controller, Get, Headers, Param, Query, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ROLES } from '@fleet/shared/contracts';
import { type Actor, CurrentActor, Roles } from '../auth/access.decorators';
import { langFromHeader } from '../i18n/lang';
import { ExportService } from './export.service';

/** Downloads of whole lists; each resource's own roles are checked by the service (403). */
@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @Get(':resource')
  @Roles(...ROLES)
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiQuery({ name: 'format', required: false, enum: ['csv', 'xlsx'] })
  @ApiQuery({ name: 'sort', required: false, description: 'As the list: ["field","ASC"]' })
  @ApiQuery({ name: 'filter', required: false, description: 'As the list: a JSON object' })
  export(
    @Param('resource') resource: string,
    @Query() query: Record<string, string | undefined>,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    return this.exports.export({ resource, ...query, lang: langFromHeader(acceptLanguage), actor });
  }
}
