import type { InvoiceDto } from '@fleet/shared/contracts';
import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./InvoiceList')),
  show: lazy(() => import('./InvoiceShow')),
  edit: lazy(() => import('./InvoiceEdit')),
  create: lazy(() => import('./InvoiceCreate')),
  icon: RequestQuoteIcon,
  recordRepresentation: (invoice: InvoiceDto) => invoice.invoiceNo,
};
