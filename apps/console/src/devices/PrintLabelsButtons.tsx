import LabelIcon from '@mui/icons-material/Label';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Button, useListContext, useNotify } from 'react-admin';

import { errorMessageOf } from '../common/apiAction';
import { pdfPath } from '../common/PrintButtons';
import { downloadApiFile, openApiPage } from '../providers/download';

/** The server prints at most this many labels at a time (ten A4 sheets of 24). */
export const MAX_LABELS = 240;

/**
 * Bulk actions on the selected devices: their asset labels (QR code of the IMEI, asset number or IMEI
 * and unit) as an A4 sheet to print on 24-up sticker stock, or as PDF.
 */
export const PrintLabelsButtons = () => {
  const { selectedIds } = useListContext();
  const notify = useNotify();
  const path = `/devices/labels?ids=${selectedIds.join(',')}`;
  const run = (action: () => Promise<void>) => () => {
    if (selectedIds.length > MAX_LABELS) {
      notify('fleet.print.too_many_labels', { type: 'warning', messageArgs: { max: MAX_LABELS } });
      return;
    }
    action().catch((error: unknown) => notify(errorMessageOf(error), { type: 'error' }));
  };
  return (
    <>
      <Button label="fleet.print.labels" onClick={run(() => openApiPage(path))}>
        <LabelIcon />
      </Button>
      <Button
        label="fleet.print.labels_pdf"
        onClick={run(() => downloadApiFile(pdfPath(path), `labels-${selectedIds.length}.pdf`))}
      >
        <PictureAsPdfIcon />
      </Button>
    </>
  );
};
