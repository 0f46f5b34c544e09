import type { DeviceDto, RepairTicketDto } from '@fleet/shared/contracts';
import { Card, CardContent, Stack, Typography } from '@mui/material';
import {
  Form,
  ListBase,
  ResourceContextProvider,
  SaveButton,
  SelectInput,
  TextInput,
  Title,
  required,
  useGetList,
  useNotify,
  useRefresh,
  useTranslate,
  WithListContext,
} from 'react-admin';
import { useState } from 'react';
import type { FieldValues } from 'react-hook-form';

import { errorMessageOf, fieldErrorsOfError } from '../common/apiAction';
import { repairApi } from '../repairs/repairApi';
import { RepairSimpleList } from '../repairs/RepairTicketList';

const requiredValue = required();

/**
 * An officer's own repairs: report a fault of the phone they hold, and follow each ticket's status. The API
 * answers an officer with their own devices and tickets only, so the page sends no officer of its own.
 */
const MyRepairsPage = () => {
  const translate = useTranslate();
  return (
    <>
      <Title title="fleet.my_repairs.title" />
      <ReportFaultCard />
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('fleet.my_repairs.title')}
          </Typography>
          <ResourceContextProvider value="repair-tickets">
            {/* The page is the officer's own (my-repairs): the tickets' list as such is not theirs to open,
                so the list's own access check is left to the page's; the API answers with their tickets only. */}
            <ListBase
              perPage={50}
              sort={{ field: 'reportedAt', order: 'DESC' }}
              disableSyncWithLocation
              disableAuthentication
            >
              <WithListContext
                render={({ data, isPending }) =>
                  !isPending && data?.length === 0 ? (
                    <Typography>{translate('fleet.my_repairs.none')}</Typography>
                  ) : null
                }
              />
              <RepairSimpleList />
            </ListBase>
          </ResourceContextProvider>
        </CardContent>
      </Card>
    </>
  );
};

const ReportFaultCard = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  // A fresh form after each report.
  const [round, setRound] = useState(0);
  const { data: devices, isPending } = useGetList<DeviceDto>('devices', {
    pagination: { page: 1, perPage: 10 },
    sort: { field: 'id', order: 'ASC' },
  });
  if (isPending) {
    return null;
  }
  if (!devices?.length) {
    return <Typography sx={{ mt: 2 }}>{translate('fleet.my_repairs.no_device')}</Typography>;
  }
  const choices = devices.map((device) => ({ id: device.id, name: `${device.model} ${device.imei1}` }));

  const onSubmit = async (values: FieldValues) => {
    try {
      const ticket: RepairTicketDto = await repairApi.create({
        deviceId: Number(values.deviceId),
        fault: String(values.fault).trim(),
      });
      notify(`${translate('fleet.repair_intake.saved')} ${ticket.ticketNo}`, { type: 'success' });
      refresh();
      setRound((n) => n + 1);
      return undefined;
    } catch (error) {
      notify(errorMessageOf(error), { type: 'error' });
      return fieldErrorsOfError(error);
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('fleet.my_repairs.report_title')}
        </Typography>
        <ResourceContextProvider value="repair-tickets">
          <Form key={round} record={{}} defaultValues={{ deviceId: devices[0].id }} onSubmit={onSubmit}>
            <Stack spacing={1}>
              <SelectInput
                source="deviceId"
                label="fleet.my_repairs.device"
                choices={choices}
                translateChoice={false}
                validate={requiredValue}
                fullWidth
                // A model and an IMEI are wider than a phone: the choice wraps instead of widening the page.
                sx={{ '& .MuiSelect-select': { whiteSpace: 'normal' } }}
              />
              <TextInput source="fault" validate={requiredValue} multiline minRows={2} fullWidth />
              <SaveButton label="fleet.my_repairs.report" alwaysEnable sx={{ alignSelf: 'flex-start' }} />
            </Stack>
          </Form>
        </ResourceContextProvider>
      </CardContent>
    </Card>
  );
};

export default MyRepairsPage;
