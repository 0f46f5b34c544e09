import { deepmerge } from '@mui/utils';
import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

/**
 * react-admin's theme with tables a person can read: a column header stays on one line (not one
 * character a line on a narrow screen) and a table wider than the screen scrolls sideways inside its
 * card instead of squeezing its columns.
 */
const readableTables: RaThemeOptions = {
  components: {
    MuiTableCell: {
      styleOverrides: { head: { whiteSpace: 'nowrap' } },
    },
    RaDataTable: {
      styleOverrides: { root: { '& .RaDataTable-tableWrapper': { overflowX: 'auto' } } },
    },
    RaList: {
      // The list beside its filter sidebar may shrink below its table's width, so the table scrolls.
      styleOverrides: { root: { minWidth: 0, '& .RaList-main': { minWidth: 0 } } },
    },
    RaLayout: {
      // react-admin's layout grows to its widest content (min-width: fit-content), which on a phone
      // pushed a list's toolbar off the screen; the page keeps the screen's width and tables scroll.
      styleOverrides: {
        root: {
          minWidth: 0,
          '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 },
        },
      },
    },
  },
};

/** The light theme (react-admin's) with readable tables. */
export const theme: RaThemeOptions = deepmerge(defaultLightTheme, readableTables);

/** The dark theme (react-admin's) with the same tables: the app bar's toggle switches between them. */
export const darkTheme: RaThemeOptions = deepmerge(defaultDarkTheme, readableTables);
