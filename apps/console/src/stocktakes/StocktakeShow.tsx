import type { StocktakeDto } from '@fleet/shared/contracts';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Card, CardContent, Chip, Grid, Stack, Typography } from '@mui/material';
import {
  ChipField,
  ReferenceArrayField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  SingleFieldList,
  TextField,
  TextInput,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { ActionDialog } from '../common/ActionDialog';
import { useApiAction } from '../common/apiAction';
import { STOCKTAKE_STATUS_CHOICES } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { ImeiInput } from '../common/ImeiInput';

const COLUMNS = [
  ['expectedDeviceIds', 'fleet.stocktake.expected'],
  ['foundDeviceIds', 'fleet.stocktake.found'],
  ['missingDeviceIds', 'fleet.stocktake.missing'],
  ['unexpectedDeviceIds', 'fleet.stocktake.unexpected'],
] as const;

const StocktakeActions = () => {
  const stocktake = useRecordContext<StocktakeDto>();
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'stocktakes' });
  if (!stocktake || !canAccess || stocktake.status !== 'open') {
    return null;
  }
  return (
    <TopToolbar>
      <ActionDialog<{ notes?: string }>
        label="fleet.actions.close"
        icon={<DoneAllIcon />}
        title="fleet.dialogs.close_stocktake"
        resource="stocktakes"
        defaultValues={{ notes: stocktake.notes ?? '' }}
        action={(provider, values) =>
          provider.closeStocktake(stocktake.id, values.notes?.trim() || undefined)
        }
      >
        <TextInput source="notes" multiline fullWidth />
      </ActionDialog>
    </TopToolbar>
  );
};

/** The scan box: each IMEI read is sent at once and the columns below update from the API's answer. */
const Scanner = ({ stocktake }: { stocktake: StocktakeDto }) => {
  const { canAccess } = useCanAccess({ action: 'scan', resource: 'stocktakes' });
  const { run } = useApiAction();
  if (!canAccess || stocktake.status !== 'open') {
    return null;
  }
  return (
    <ImeiInput
      label="fleet.stocktake.scan"
      helperText="fleet.imei.find_hint"
      keepFocus
      onImei={async (imei) => {
        await run((provider) => provider.scanStocktake(stocktake.id, imei), null);
      }}
    />
  );
};

const Columns = () => {
  const translate = useTranslate();
  const stocktake = useRecordContext<StocktakeDto>();
  if (!stocktake) {
    return null;
  }
  return (
    <Stack spacing={2}>
      <Scanner stocktake={stocktake} />
      <Grid container spacing={2}>
        {COLUMNS.map(([source, title]) => (
          <Grid key={source} size={{ xs: 12, md: 3 }}>
            <Card variant="outlined" aria-label={translate(title)}>
              <CardContent>
                <Typography variant="h6" component="h3">
                  {translate(title)} <Chip size="small" label={stocktake[source].length} />
                </Typography>
                <ReferenceArrayField source={source} reference="devices">
                  <SingleFieldList linkType="show" sx={{ flexDirection: 'column' }}>
                    <ChipField source="imei1" size="small" />
                  </SingleFieldList>
                </ReferenceArrayField>
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>
      {stocktake.unknownImeis.length > 0 && (
        <Stack direction="row" spacing={1} flexWrap="wrap" alignItems="center">
          <Typography>{translate('fleet.stocktake.unknown')}</Typography>
          {stocktake.unknownImeis.map((imei) => (
            <Chip key={imei} label={imei} color="warning" size="small" />
          ))}
        </Stack>
      )}
    </Stack>
  );
};

const StocktakeShow = () => (
  <Show actions={<StocktakeActions />}>
    <SimpleShowLayout>
      <ReferenceField source="unitId" reference="units" link="show" emptyText="—" />
      <SelectField source="status" choices={STOCKTAKE_STATUS_CHOICES} />
      <DateTimeField source="startedAt" />
      <DateTimeField source="closedAt" emptyText="—" />
      <TextField source="notes" emptyText="—" />
      <Columns />
    </SimpleShowLayout>
  </Show>
);

export default StocktakeShow;
