import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PrintIcon from '@mui/icons-material/Print';
import { Button } from '@mui/material';
import type { MouseEvent } from 'react';
import { useNotify, useTranslate } from 'react-admin';

import { downloadApiFile, openApiPage } from '../providers/download';
import { errorMessageOf } from './apiAction';

/** `path` with `?format=pdf` (or `&format=pdf` after a query). */
export const pdfPath = (path: string) => `${path}${path.includes('?') ? '&' : '?'}format=pdf`;

interface PrintButtonsProps {
  /** The API's print route, e.g. `/statements/12/print`: the A4 page, and with ?format=pdf its PDF. */
  path: string;
  /** A translation key for the print button. */
  label: string;
  /** The file's name when the API gives none (without .pdf). */
  fileName: string;
}

/**
 * A printable document's two buttons: the A4 page in a new tab to print (fetched with the token, shown
 * from a blob), and the same page as a PDF download. Clicks do not reach a clickable row beneath.
 */
export const PrintButtons = ({ path, label, fileName }: PrintButtonsProps) => {
  const notify = useNotify();
  const translate = useTranslate();
  const run = (action: () => Promise<void>) => (event: MouseEvent) => {
    event.stopPropagation();
    action().catch((error: unknown) => notify(errorMessageOf(error), { type: 'error' }));
  };
  return (
    <>
      {/* Labeled on a phone too (react-admin's Button shrinks to a bare icon there). */}
      <Button size="small" startIcon={<PrintIcon />} onClick={run(() => openApiPage(path))}>
        {translate(label)}
      </Button>
      <Button
        size="small"
        startIcon={<PictureAsPdfIcon />}
        onClick={run(() => downloadApiFile(pdfPath(path), `${fileName}.pdf`))}
      >
        {translate('fleet.print.pdf')}
      </Button>
    </>
  );
};
