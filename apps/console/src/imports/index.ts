import type { BulkImportDto, BulkImportKindValue } from '@fleet/shared/contracts';
import UploadFileIcon from '@mui/icons-material/UploadFile';

import { IMPORT_KIND_CHOICES } from '../common/choices';
import type { FileImportConfig } from '../common/file-import/fileImport';
import { fileImportResource } from '../common/file-import/fileImportResource';

/** Roster files (devices, SIM cards, officers…): what each row did to the roster. */
export const rosterImports: FileImportConfig<BulkImportDto> = {
  resource: 'imports',
  kindChoices: IMPORT_KIND_CHOICES,
  uploadKindChoices: IMPORT_KIND_CHOICES,
  // The kind is one of IMPORT_KIND_CHOICES, which are the roster kinds.
  upload: (provider, file, kind, encoding) =>
    provider.uploadImport(file, kind as BulkImportKindValue, encoding),
  listTextColumns: [],
  listCounts: ['rowsCreated', 'rowsUpdated', 'rowsUnchanged', 'rowsRejected'],
  bulkActions: false,
  showTextFields: [],
  showCounts: ['rowsTotal', 'rowsCreated', 'rowsUpdated', 'rowsUnchanged', 'rowsRejected'],
};

export default fileImportResource(rosterImports, UploadFileIcon);
