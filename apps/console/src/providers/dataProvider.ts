import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, GetListParams, GetManyReferenceParams, RaRecord } from 'react-admin';

import { API_URL, httpClient } from './http';

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

export const dataProvider: DataProvider = {
  ...restProvider,
  getList: <R extends RaRecord>(resource: string, params: GetListParams) =>
    restProvider.getList<R>(resource, clampPagination(params)),
  getManyReference: <R extends RaRecord>(resource: string, params: GetManyReferenceParams) =>
    restProvider.getManyReference<R>(resource, clampPagination(params)),
};
