import type { SvgIconComponent } from '@mui/icons-material';
import { lazy } from 'react';

import type { FileImportConfig, FileImportRecord } from './fileImport';

// A chunk a page, shared by both kinds of import and loaded when first opened.
const FileImportList = lazy(() => import('./FileImportList'));
const FileImportShow = lazy(() => import('./FileImportShow'));
const FileImportCreate = lazy(() => import('./FileImportCreate'));

/** A `<Resource>`'s pages for one kind of file import: the kit's list, show and upload, set up by `config`. */
export function fileImportResource<R extends FileImportRecord>(
  config: FileImportConfig<R>,
  icon: SvgIconComponent,
) {
  // Keyed by resource: the two kinds render the same components, and going from one kind's page straight
  // to the other's must start afresh (the upload form's chosen kind and file are the kind's own).
  const key = config.resource;
  return {
    list: <FileImportList key={key} config={config} />,
    show: <FileImportShow key={key} config={config} />,
    create: <FileImportCreate key={key} config={config} />,
    icon,
    recordRepresentation: (record: R) => record.fileName,
  };
}
