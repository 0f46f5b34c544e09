import type { ReactNode } from 'react';
import { CreateButton, TopToolbar, useResourceDefinition } from 'react-admin';

import { ExportButtons } from './ExportButtons';

/** A list's toolbar: anything the list adds first, then create (where the role may) and the API's export. */
export const ListActions = ({ children }: { children?: ReactNode }) => {
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      {children}
      {hasCreate && <CreateButton />}
      <ExportButtons />
    </TopToolbar>
  );
};
