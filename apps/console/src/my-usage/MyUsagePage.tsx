import type { StatementDto } from '@fleet/shared/contracts';
import { Card, CardContent, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  DataTable,
  ListBase,
  ResourceContextProvider,
  Title,
  useTranslate,
  WithListContext,
  WithRecord,
} from 'react-admin';

import { dataProvider } from '../providers/dataProvider';
import {
  AcknowledgeStatementButton,
  DisputeStatementButton,
  PrintStatementButton,
} from '../statements/StatementButtons';
import { StatementTable } from '../statements/StatementTable';
import { AllowanceTable } from './AllowanceTable';

/**
 * An officer's own month against each allowance, and their statements. The API answers with the
 * signed-in officer's data only, so the page sends no officer of its own.
 */
const MyUsagePage = () => {
  const translate = useTranslate();
  const { data: usage } = useQuery({ queryKey: ['me-usage'], queryFn: () => dataProvider.getMyUsage() });
  return (
    <>
      <Title title="fleet.my_usage.title" />
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('fleet.my_usage.month', { period: usage?.period ?? '' })}
          </Typography>
          {usage?.sims.length === 0 && <Typography>{translate('fleet.my_usage.no_sims')}</Typography>}
          <Stack spacing={2}>
            {usage?.sims.map((sim) => (
              <div key={sim.simId}>
                <Typography variant="subtitle1">
                  {sim.msisdn}
                  {!sim.inPlan && ` — ${translate('fleet.my_usage.out_of_plan')}`}
                </Typography>
                <AllowanceTable rows={sim.categories} />
              </div>
            ))}
          </Stack>
        </CardContent>
      </Card>
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('fleet.my_usage.statements')}
          </Typography>
          <ResourceContextProvider value="statements">
            <ListBase perPage={24} sort={{ field: 'id', order: 'DESC' }} disableSyncWithLocation>
              <WithListContext
                render={({ data, isPending }) =>
                  !isPending && data?.length === 0 ? (
                    <Typography>{translate('fleet.my_usage.no_statements')}</Typography>
                  ) : null
                }
              />
              <StatementTable>
                <DataTable.Col>
                  <WithRecord<StatementDto>
                    render={(statement) => (
                      <>
                        <PrintStatementButton statement={statement} />
                        <AcknowledgeStatementButton statement={statement} />
                        <DisputeStatementButton statement={statement} />
                      </>
                    )}
                  />
                </DataTable.Col>
              </StatementTable>
            </ListBase>
          </ResourceContextProvider>
        </CardContent>
      </Card>
    </>
  );
};

export default MyUsagePage;
