export * from './officers/officers.service';
export * from './org.module';
export * from './units/units.service';
export * from './org-lookup.reader';
