import type {
  RepairApprovalRequest,
  RepairCancelRequest,
  RepairCloseRequest,
  RepairDiagnoseRequest,
  RepairEventDto,
  RepairIntakeLookupDto,
  RepairIntakeRequest,
  RepairLiabilityOverrideRequest,
  RepairLoanerRequest,
  RepairLoanerReturnRequest,
  RepairPhotoDto,
  RepairReturnRequest,
  RepairSendRequest,
  RepairSummaryGroup,
  RepairSummaryRowDto,
  RepairTicketDto,
  RepeatedFaultDto,
} from '@fleet/shared/contracts';

import { fetchApiBlob } from '../providers/download';
import { callApi, postApi } from '../providers/http';

// The repair desk's calls (libs/shared/contracts/src/repairs.ts lists the routes), one function each.
// They go through the console's httpClient, so the token, the language and the field errors are as
// for every other call.

const call = callApi;
const post = postApi;
const ticketPath = (id: number) => `/repair-tickets/${id}`;

export const repairApi = {
  lookup: (imei: string) =>
    call<RepairIntakeLookupDto>('GET', `/repair-tickets/intake-lookup/${encodeURIComponent(imei)}`),
  create: (params: RepairIntakeRequest) => post<RepairTicketDto>('/repair-tickets', params),
  diagnose: (id: number, params: RepairDiagnoseRequest) =>
    post<RepairTicketDto>(`${ticketPath(id)}/diagnose`, params),
  overrideLiability: (id: number, params: RepairLiabilityOverrideRequest) =>
    post<RepairTicketDto>(`${ticketPath(id)}/liability`, params),
  send: (id: number, params: RepairSendRequest) => post<RepairTicketDto>(`${ticketPath(id)}/send`, params),
  returnBack: (id: number, params: RepairReturnRequest) =>
    post<RepairTicketDto>(`${ticketPath(id)}/return`, params),
  close: (id: number, params: RepairCloseRequest) => post<RepairTicketDto>(`${ticketPath(id)}/close`, params),
  cancel: (id: number, params: RepairCancelRequest) =>
    post<RepairTicketDto>(`${ticketPath(id)}/cancel`, params),
  approve: (id: number, params: RepairApprovalRequest) =>
    post<RepairTicketDto>(`${ticketPath(id)}/approve`, params),
  reject: (id: number, params: RepairApprovalRequest) =>
    post<RepairTicketDto>(`${ticketPath(id)}/reject`, params),
  lendLoaner: (id: number, params: RepairLoanerRequest) =>
    post<RepairTicketDto>(`${ticketPath(id)}/loaner`, params),
  takeLoanerBack: (id: number, params: RepairLoanerReturnRequest) =>
    post<RepairTicketDto>(`${ticketPath(id)}/loaner/return`, params),
  events: (id: number) => call<RepairEventDto[]>('GET', `${ticketPath(id)}/events`),
  photos: (id: number) => call<RepairPhotoDto[]>('GET', `${ticketPath(id)}/photos`),
  uploadPhoto: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return post<RepairPhotoDto>(`${ticketPath(id)}/photos`, form);
  },
  /** The image bytes: fetched with the token (an <img src> cannot send it). */
  photoBlob: async (id: number, photoId: number) =>
    (await fetchApiBlob(`${ticketPath(id)}/photos/${photoId}`)).blob,
  /** The 维修接收单's print route (the page, or ?format=pdf its PDF). */
  receiptPath: (id: number) => `${ticketPath(id)}/receipt`,
  summary: (groupBy: RepairSummaryGroup, from?: string, to?: string) => {
    const query = new URLSearchParams({ groupBy });
    if (from) query.set('from', from);
    if (to) query.set('to', to);
    return call<RepairSummaryRowDto[]>('GET', `/repair-reports/summary?${query.toString()}`);
  },
  repeated: (minTickets = 2, months = 12) =>
    call<RepeatedFaultDto[]>(
      'GET',
      `/repair-reports/repeated?${new URLSearchParams({ minTickets: String(minTickets), months: String(months) }).toString()}`,
    ),
};
