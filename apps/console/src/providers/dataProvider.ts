import type {
  AlertDto,
  ExposureDto,
  PaymentDto,
  PaymentRequest,
  OutageDto,
  SlaCreditTotalDto,
  AssignmentDto,
  BillCheckDto,
  ClosePreviewDto,
  CloseResultDto,
  DataMonthsDto,
  FleetSummaryDto,
  OpenRepairsByAgeDto,
  MyUsageDto,
  MyUsageHistoryDto,
  StatementDto,
  UsageDashboardDto,
  UsageImportDto,
  BulkImportDto,
  BulkImportKindValue,
  DeviceDto,
  LeaseEndCheckDto,
  LeaseEndDeviceDto,
  LostReportDto,
  RepairTicketDto,
  SimInstallationDto,
  StocktakeDto,
  StocktakeScanDto,
  TimelineEntryDto,
} from '@fleet/shared/contracts';
import simpleRestProvider from 'ra-data-simple-rest';
import type {
  DataProvider,
  GetListParams,
  GetManyReferenceParams,
  RaRecord,
  SortPayload,
  UpdateParams,
} from 'react-admin';

import { downloadApiFile } from './download';
import { API_URL, callApi, httpClient, postApi } from './http';

/** A page of more than this many rows renders slowly (PERFORMANCE.md); the API refuses larger ranges too. */
export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 25;

const restProvider = simpleRestProvider(API_URL, httpClient);

function clampPagination<P extends GetListParams | GetManyReferenceParams>(params: P): P {
  if (!params.pagination || params.pagination.perPage <= MAX_PER_PAGE) {
    return params;
  }
  return { ...params, pagination: { ...params.pagination, perPage: MAX_PER_PAGE } };
}

const call = callApi;
const post = postApi;

export interface AssignParams {
  officerId: number;
  at?: string;
  condition?: string;
  accessories?: string[];
  allowMultiple?: boolean;
}

export interface ReportLostParams {
  kind: LostReportDto['kind'];
  reportedAt?: string;
  reportedByOfficerId?: number;
  policeCaseNo?: string;
  circumstances?: string;
}

export type LeaseEndCheckParams = Partial<
  Pick<LeaseEndCheckDto, 'condition' | 'workspaceWipedAt' | 'registeredAsAssetAt' | 'assetNo'>
>;

export type LostFollowUp = 'sim-suspend' | 'wipe';
export type ExportFormat = 'csv' | 'xlsx';

/** The API's actions beyond react-admin's CRUD (api.md, issue 3), each one call. */
const actions = {
  getDeviceByImei: (imei: string) => call<DeviceDto>('GET', `/devices/by-imei/${encodeURIComponent(imei)}`),
  getDeviceTimeline: (deviceId: number) => call<TimelineEntryDto[]>('GET', `/devices/${deviceId}/timeline`),
  assignDevice: (deviceId: number, params: AssignParams) =>
    post<AssignmentDto>(`/devices/${deviceId}/assign`, params),
  returnDevice: (deviceId: number, params: { at?: string; condition?: string }) =>
    post<AssignmentDto>(`/devices/${deviceId}/return`, params),
  installSim: (simId: number, params: { deviceId: number; slot: number; at?: string }) =>
    post<SimInstallationDto>(`/sim-cards/${simId}/install`, params),
  removeSim: (simId: number, params: { at?: string } = {}) =>
    post<SimInstallationDto>(`/sim-cards/${simId}/remove`, params),
  voidAssignment: (id: number, reason: string) => post<AssignmentDto>(`/assignments/${id}/void`, { reason }),
  voidSimInstallation: (id: number, reason: string) =>
    post<SimInstallationDto>(`/sim-installations/${id}/void`, { reason }),
  acceptAssignment: (id: number) => post<AssignmentDto>(`/assignments/${id}/accept`),
  reportLost: (deviceId: number, params: ReportLostParams) =>
    post<LostReportDto>(`/devices/${deviceId}/report-lost`, params),
  confirmLost: (id: number) => post<LostReportDto>(`/lost-reports/${id}/confirm`),
  requestLostFollowUp: (id: number, followUp: LostFollowUp) =>
    post<LostReportDto>(`/lost-reports/${id}/follow-ups/${followUp}`),
  markFound: (id: number) => post<LostReportDto>(`/lost-reports/${id}/found`),
  closeLostReport: (id: number) => post<LostReportDto>(`/lost-reports/${id}/close`),
  getLeaseEndDevices: (asOf: string) =>
    call<LeaseEndDeviceDto[]>('GET', `/lease-end/devices?${new URLSearchParams({ asOf }).toString()}`),
  saveLeaseEndCheck: (deviceId: number, params: LeaseEndCheckParams) =>
    call<LeaseEndCheckDto>('PUT', `/lease-end/checks/${deviceId}`, params),
  transferLeaseEnd: (deviceIds: number[], on: string) =>
    post<unknown>('/lease-end/transfer', { deviceIds, on }),
  scanStocktake: (id: number, imei: string) => post<StocktakeScanDto>(`/stocktakes/${id}/scans`, { imei }),
  closeStocktake: (id: number, notes?: string) => post<StocktakeDto>(`/stocktakes/${id}/close`, { notes }),
  uploadImport: (file: File, kind: BulkImportKindValue, encoding?: string) => {
    const form = new FormData();
    form.append('kind', kind);
    if (encoding) {
      form.append('encoding', encoding);
    }
    // The file goes last: the API reads the other fields before it streams the file.
    form.append('file', file);
    return post<BulkImportDto>('/imports', form);
  },
  exportList: (
    resource: string,
    format: ExportFormat,
    sort: SortPayload,
    filter: Record<string, unknown>,
  ) => {
    const query = new URLSearchParams({
      format,
      sort: JSON.stringify([sort.field, sort.order]),
      filter: JSON.stringify(filter),
    });
    return downloadApiFile(`/exports/${resource}?${query.toString()}`, `${resource}.${format}`);
  },
  uploadUsageImport: async (file: File, kind?: string, encoding?: string) => {
    const query = new URLSearchParams({ fileName: file.name });
    if (kind) {
      query.set('kind', kind);
    }
    if (encoding) {
      query.set('encoding', encoding);
    }
    // The file as the request body itself: nothing to parse on the way in, the fastest for large files.
    const response = await httpClient(`${API_URL}/usage-imports?${query.toString()}`, {
      method: 'POST',
      body: file,
      headers: new Headers({ 'Content-Type': 'application/octet-stream' }),
    });
    return response.json as UsageImportDto;
  },
  retryImport: (resource: 'imports' | 'usage-imports', id: number) =>
    post<unknown>(`/${resource}/${id}/retry`),
  closePeriod: (period: string) => post<CloseResultDto>(`/periods/${period}/close`),
  getBillCheck: (period: string) => call<BillCheckDto[]>('GET', `/periods/${period}/bill-check`),
  downloadStatementsWorkbook: (period: string) =>
    downloadApiFile(`/periods/${period}/statements.xlsx`, `statements-${period}.xlsx`),
  acknowledgeStatement: (id: number) => post<StatementDto>(`/statements/${id}/acknowledge`),
  disputeStatement: (id: number, reason: string) =>
    post<StatementDto>(`/statements/${id}/dispute`, { reason }),
  getMyUsage: (period?: string) =>
    call<MyUsageDto>('GET', `/me/usage${period ? `?${new URLSearchParams({ period }).toString()}` : ''}`),
  getMyUsageHistory: () => call<MyUsageHistoryDto>('GET', '/me/usage/history'),
  getUsageDashboard: (period?: string) =>
    call<UsageDashboardDto>(
      'GET',
      `/dashboard/usage${period ? `?${new URLSearchParams({ period }).toString()}` : ''}`,
    ),
  getAlerts: () => call<AlertDto[]>('GET', '/alerts'),
  getDataMonths: () => call<DataMonthsDto>('GET', '/dashboard/months'),
  getFleetSummary: () => call<FleetSummaryDto>('GET', '/dashboard/fleet'),
  getOpenRepairs: () => call<OpenRepairsByAgeDto>('GET', '/dashboard/repairs'),
  getClosePreview: (period: string) => call<ClosePreviewDto>('GET', `/periods/${period}/close-preview`),
  getExposure: (asOf: string, contractId?: number) =>
    call<ExposureDto>(
      'GET',
      `/contract/exposure?${new URLSearchParams({ asOf, ...(contractId ? { contractId: String(contractId) } : {}) }).toString()}`,
    ),
  getPayments: (installmentId: number) =>
    call<PaymentDto[]>('GET', `/installments/${installmentId}/payments`),
  recordPayment: (installmentId: number, payment: PaymentRequest) =>
    post<PaymentDto>(`/installments/${installmentId}/payments`, payment),
  reversePayment: (installmentId: number, paymentId: number, reason: string) =>
    post<PaymentDto>(`/installments/${installmentId}/payments/${paymentId}/reverse`, { reason }),
  voidOutage: (id: number, reason: string) => post<OutageDto>(`/outages/${id}/void`, { reason }),
  getSlaCreditTotal: (period: string) =>
    call<SlaCreditTotalDto>('GET', `/periods/${period}/bill-check/sla-credits`),
  recomputeAlerts: () => post<unknown>('/alerts/recompute'),
};

export type FleetDataProvider = DataProvider & typeof actions;

export const dataProvider: FleetDataProvider = {
  ...restProvider,
  getList: <R extends RaRecord>(resource: string, params: GetListParams) =>
    restProvider.getList<R>(resource, clampPagination(params)),
  getManyReference: <R extends RaRecord>(resource: string, params: GetManyReferenceParams) =>
    restProvider.getManyReference<R>(resource, clampPagination(params)),
  update: async <R extends RaRecord>(resource: string, params: UpdateParams<R>) => {
    if (resource !== 'repair-tickets') return restProvider.update<R>(resource, params);
    // A repair ticket changes by PATCH and only in what the desk may correct; the rest follows its flow.
    const { fault, accessories, condition, quoteFen, notes } = params.data as Partial<RepairTicketDto>;
    const body = { fault, accessories, condition, quoteFen, notes };
    return { data: await callApi<R>('PATCH', `/repair-tickets/${params.id}`, body) };
  },
  ...actions,
};
