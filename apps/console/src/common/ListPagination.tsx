import { Pagination } from 'react-admin';

import { MAX_PER_PAGE } from '../providers/dataProvider';

const ROWS_PER_PAGE_OPTIONS = [10, 25, 50, MAX_PER_PAGE];

/** Page sizes up to the API's and the browser's comfortable maximum of 100 rows. */
export const ListPagination = () => <Pagination rowsPerPageOptions={ROWS_PER_PAGE_OPTIONS} />;
