import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DATA_ROLES } from '@fleet/shared/contracts';
import { ExportRegistry } from '@fleet/server/platform';
import { OFFICER_LIST, OfficersService } from './officers/officers.service';
import { UNIT_LIST, UnitsService } from './units/units.service';

/** Units and officers as CSV/XLSX downloads; an officer's export holds only their own record. */
@Injectable()
export class OrgExports implements OnModuleInit {
  constructor(
    private readonly registry: ExportRegistry,
    private readonly units: UnitsService,
    private readonly officers: OfficersService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      resource: 'units',
      roles: DATA_ROLES,
      spec: UNIT_LIST,
      columns: [
        { key: 'id', header: { zh: '编号', en: 'id' } },
        { key: 'name', header: { zh: '名称', en: 'name' } },
        { key: 'parentId', header: { zh: '上级单位编号', en: 'parent unit id' } },
      ],
      fetch: (query) => this.units.list(query),
    });
    this.registry.register({
      resource: 'officers',
      roles: DATA_ROLES,
      spec: OFFICER_LIST,
      columns: [
        { key: 'id', header: { zh: '编号', en: 'id' } },
        { key: 'badgeNo', header: { zh: '警号', en: 'badge number' } },
        { key: 'name', header: { zh: '姓名', en: 'name' } },
        { key: 'unitId', header: { zh: '单位编号', en: 'unit id' } },
        { key: 'mobile', header: { zh: '手机号码', en: 'mobile number' } },
        { key: 'status', header: { zh: '状态', en: 'status' } },
      ],
      fetch: (query, actor) => this.officers.listFor(actor, query),
    });
  }
}
