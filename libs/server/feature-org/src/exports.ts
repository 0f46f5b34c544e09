import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OFFICER_STATUS_LABELS, type OfficerDto, type UnitDto } from '@fleet/shared/contracts';
import { EXPORT_LOOKUPS, ExportRegistry, referenceColumns, unitColumns } from '@fleet/server/platform';
import { OrgLookupReader } from './org-lookup.reader';
import { ORG_READERS } from './org-roles';
import { OFFICER_LIST, OfficersService } from './officers/officers.service';
import { UNIT_LIST, UnitsService } from './units/units.service';

export { officerName } from './org-lookup.reader';

/**
 * Units and officers as CSV/XLSX downloads (an officer's export holds only their own record), and the
 * names of officers and units that other features' exports show next to their ids.
 */
@Injectable()
export class OrgExports implements OnModuleInit {
  constructor(
    private readonly registry: ExportRegistry,
    private readonly units: UnitsService,
    private readonly officers: OfficersService,
    private readonly org: OrgLookupReader,
  ) {}

  onModuleInit(): void {
    this.registry.registerLookup(EXPORT_LOOKUPS.officers, this.org.officerNames());
    this.registry.registerLookup(EXPORT_LOOKUPS.units, this.org.unitNames());
    this.registry.register<UnitDto>({
      resource: 'units',
      title: { zh: '单位', en: 'Units' },
      roles: ORG_READERS,
      spec: UNIT_LIST,
      columns: [
        { key: 'id', header: { zh: '编号', en: 'id' }, kind: 'number' },
        { key: 'name', header: { zh: '名称', en: 'name' } },
        ...referenceColumns<UnitDto>(
          'parentId',
          EXPORT_LOOKUPS.units,
          { zh: '上级单位', en: 'parent unit' },
          {
            zh: '上级单位编号',
            en: 'parent unit id',
          },
        ),
      ],
      fetch: (query) => this.units.list(query),
    });
    this.registry.register<OfficerDto>({
      resource: 'officers',
      title: { zh: '民警', en: 'Officers' },
      roles: ORG_READERS,
      spec: OFFICER_LIST,
      columns: [
        { key: 'id', header: { zh: '编号', en: 'id' }, kind: 'number' },
        { key: 'badgeNo', header: { zh: '警号', en: 'badge number' } },
        { key: 'name', header: { zh: '姓名', en: 'name' } },
        ...unitColumns<OfficerDto>('unitId'),
        { key: 'mobile', header: { zh: '手机号码', en: 'mobile number' } },
        { key: 'status', header: { zh: '状态', en: 'status' }, kind: 'label', labels: OFFICER_STATUS_LABELS },
      ],
      fetch: (query, actor) => this.officers.listFor(actor, query),
    });
  }
}
