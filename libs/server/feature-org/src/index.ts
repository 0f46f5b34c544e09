export * from './officers/officer.reader';
export * from './officers/officers.service';
export * from './org-readers.module';
export * from './org.module';
export * from './units/unit.reader';
export * from './units/units.service';
export * from './org-lookup.reader';
