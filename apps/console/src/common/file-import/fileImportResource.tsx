import type { SvgIconComponent } from '@mui/icons-material';
import { lazy } from 'react';

import type { FileImportConfig, FileImportRecord } from './fileImport';

// One chunk of pages for both kinds of import, loaded when either is first opened.
const FileImportList = lazy(() => import('./FileImportList'));
const FileImportShow = lazy(() => import('./FileImportShow'));
const FileImportCreate = lazy(() => import('./FileImportCreate'));

/** A `<Resource>`'s pages for one kind of file import: the kit's list, show and upload, set up by `config`. */
export function fileImportResource<R extends FileImportRecord>(
  config: FileImportConfig<R>,
  icon: SvgIconComponent,
) {
  return {
    list: <FileImportList config={config} />,
    show: <FileImportShow config={config} />,
    create: <FileImportCreate config={config} />,
    icon,
    recordRepresentation: (record: R) => record.fileName,
  };
}
