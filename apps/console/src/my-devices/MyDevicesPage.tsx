import { CalendarDateField } from '../common/CalendarDateField';
import type { DeviceDto, SimCardDto } from '@fleet/shared/contracts';
import { Card, CardContent, Typography, useMediaQuery, type Theme } from '@mui/material';
import {
  DataTable,
  ListBase,
  ReferenceManyField,
  ResourceContextProvider,
  SelectField,
  SimpleList,
  SimpleShowLayout,
  TextField,
  Title,
  useListContext,
  useTranslate,
  WithListContext,
} from 'react-admin';

import { DEVICE_STATUS_CHOICES, SIM_STATUS_CHOICES } from '../common/choices';
import { WarrantyEndField } from '../devices/WarrantyEndField';

/**
 * An officer's own device and its SIMs. The API lists only what the signed-in officer holds, so the page
 * asks for the devices list without a filter of its own (and without the console's list-access check:
 * officers may not open the devices list itself).
 */
const MyDevicesPage = () => {
  const translate = useTranslate();
  return (
    <ResourceContextProvider value="devices">
      <Title title="fleet.my_devices.title" />
      <ListBase
        perPage={10}
        sort={{ field: 'id', order: 'ASC' }}
        disableSyncWithLocation
        disableAuthentication
      >
        <WithListContext
          render={({ data, isPending }) =>
            !isPending && data?.length === 0 ? (
              <Typography sx={{ mt: 2 }}>{translate('fleet.my_devices.none')}</Typography>
            ) : null
          }
        />
        <MyDeviceCards />
      </ListBase>
    </ResourceContextProvider>
  );
};

const MyDeviceCards = () => {
  const { data } = useListContext<DeviceDto>();
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const translate = useTranslate();
  return (
    <>
      {data?.map((device) => (
        <Card key={device.id} sx={{ mt: 2 }}>
          <CardContent>
            <SimpleShowLayout record={device}>
              <TextField source="model" />
              <TextField source="imei1" />
              <TextField source="imei2" emptyText="—" />
              <SelectField source="status" choices={DEVICE_STATUS_CHOICES} />
              <CalendarDateField source="receivedOn" />
              <WarrantyEndField source="warrantyEndOn" />
              <ReferenceManyField label="fleet.device.sims" reference="sim-cards" target="deviceId">
                {small ? (
                  <SimpleList<SimCardDto>
                    linkType={false}
                    primaryText={(sim) => sim.msisdn}
                    secondaryText={(sim) => sim.iccid}
                    tertiaryText={(sim) =>
                      `${translate('resources.sim-cards.fields.slot')} ${sim.slot ?? '—'} · ${translate(
                        SIM_STATUS_CHOICES.find((c) => c.id === sim.status)?.name ?? sim.status,
                      )}`
                    }
                  />
                ) : (
                  <DataTable bulkActionButtons={false} rowClick={false}>
                    <DataTable.Col source="slot" />
                    <DataTable.Col source="msisdn" />
                    <DataTable.Col source="iccid" />
                    <DataTable.Col source="status">
                      <SelectField source="status" choices={SIM_STATUS_CHOICES} />
                    </DataTable.Col>
                  </DataTable>
                )}
              </ReferenceManyField>
            </SimpleShowLayout>
          </CardContent>
        </Card>
      ))}
    </>
  );
};

export default MyDevicesPage;
