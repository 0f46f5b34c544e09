import { chinaMoment } from '@fleet/shared/contracts';
import { CalendarDateField } from '../common/CalendarDateField';
import { chinaDateOf } from '@fleet/domain/inventory';
import type { LeaseEndCheckDto } from '@fleet/shared/contracts';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Checkbox,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Link,
  Loading,
  RecordContextProvider,
  ReferenceField,
  Title,
  useCanAccess,
  useCreatePath,
  useTranslate,
} from 'react-admin';

import { errorMessageOf, useApiAction } from '../common/apiAction';
import type { LeaseEndDeviceDto } from '@fleet/shared/contracts';
import type { LeaseEndCheckParams } from '../providers/dataProvider';

const FIELD = 'resources.lease-end.fields';

/** Devices whose lease ends by a date, the checklist of each edited in place, and their transfer to the bureau. */
const LeaseEndPage = () => {
  const translate = useTranslate();
  const today = chinaDateOf(new Date());
  const [asOf, setAsOf] = useState(today);
  const [transferOn, setTransferOn] = useState(today);
  const [selected, setSelected] = useState<number[]>([]);
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource: 'lease-end' });
  const { run, pending, dataProvider } = useApiAction();
  const { data, error, isPending } = useQuery({
    queryKey: ['lease-end', 'devices', asOf],
    queryFn: () => dataProvider.getLeaseEndDevices(asOf),
    enabled: asOf !== '',
  });

  const toggle = (id: number) =>
    setSelected((ids) => (ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id]));

  const transfer = async () => {
    const outcome = await run((provider) => provider.transferLeaseEnd(selected, transferOn), null);
    if (outcome.ok) {
      setSelected([]);
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="fleet.lease_end.title" />
      <CardContent>
        <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 2 }} flexWrap="wrap">
          <TextField
            type="date"
            label={translate('fleet.lease_end.as_of')}
            value={asOf}
            onChange={(event) => setAsOf(event.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            size="small"
          />
          {canEdit && (
            <>
              <TextField
                type="date"
                label={translate('fleet.lease_end.transfer_on')}
                value={transferOn}
                onChange={(event) => setTransferOn(event.target.value)}
                slotProps={{ inputLabel: { shrink: true } }}
                size="small"
              />
              <Button
                variant="contained"
                startIcon={<SwapHorizIcon />}
                disabled={selected.length === 0 || transferOn === '' || pending}
                onClick={() => void transfer()}
              >
                {translate('fleet.actions.transfer')}
              </Button>
              <Typography color="text.secondary">
                {translate('fleet.lease_end.selected', { count: selected.length })}
              </Typography>
            </>
          )}
        </Stack>
        {isPending && asOf !== '' && <Loading />}
        {error && <Alert severity="error">{translate(errorMessageOf(error))}</Alert>}
        {data?.length === 0 && <Typography>{translate('fleet.lease_end.none')}</Typography>}
        {data && data.length > 0 && (
          <Table size="small">
            <TableHead>
              <TableRow>
                {canEdit && <TableCell padding="checkbox" />}
                <TableCell>{translate('resources.devices.fields.imei1')}</TableCell>
                <TableCell>{translate('resources.devices.fields.model')}</TableCell>
                <TableCell>{translate('resources.devices.fields.leaseEndOn')}</TableCell>
                <TableCell>{translate('resources.devices.fields.currentOfficerId')}</TableCell>
                <TableCell>{translate(`${FIELD}.condition`)}</TableCell>
                <TableCell>{translate(`${FIELD}.workspaceWipedAt`)}</TableCell>
                <TableCell>{translate(`${FIELD}.registeredAsAssetAt`)}</TableCell>
                <TableCell>{translate(`${FIELD}.assetNo`)}</TableCell>
                <TableCell>{translate(`${FIELD}.transferredAt`)}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((device) => (
                <LeaseEndRow
                  key={device.deviceId}
                  device={device}
                  editable={canEdit === true}
                  selected={selected.includes(device.deviceId)}
                  onToggle={() => toggle(device.deviceId)}
                />
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};

interface RowProps {
  device: LeaseEndDeviceDto;
  editable: boolean;
  selected: boolean;
  onToggle: () => void;
}

const LeaseEndRow = ({ device, editable, selected, onToggle }: RowProps) => {
  const createPath = useCreatePath();
  const { run } = useApiAction();
  const check: Partial<LeaseEndCheckDto> = device.check ?? {};
  const transferred = Boolean(check.transferredAt);
  const locked = !editable || transferred;
  const save = (params: LeaseEndCheckParams) =>
    void run((provider) => provider.saveLeaseEndCheck(device.deviceId, params));
  // A checklist tick records when it was done; unticking clears it.
  const stamp = (checked: boolean) => (checked ? new Date().toISOString() : null);

  return (
    <RecordContextProvider value={device}>
      <TableRow selected={selected}>
        {editable && (
          <TableCell padding="checkbox">
            <Checkbox checked={selected} disabled={transferred} onChange={onToggle} />
          </TableCell>
        )}
        <TableCell>
          <Link to={createPath({ resource: 'devices', type: 'show', id: device.deviceId })}>
            {device.imei1}
          </Link>
        </TableCell>
        <TableCell>{device.model}</TableCell>
        <TableCell>
          <CalendarDateField source="leaseEndOn" />
        </TableCell>
        <TableCell>
          <ReferenceField source="currentOfficerId" reference="officers" link="show" emptyText="—" />
        </TableCell>
        <TableCell>
          <TextField
            size="small"
            defaultValue={check.condition ?? ''}
            disabled={locked}
            onBlur={(event) => {
              if (event.target.value !== (check.condition ?? '')) {
                save({ condition: event.target.value.trim() || null });
              }
            }}
          />
        </TableCell>
        <TableCell padding="checkbox">
          <Checkbox
            checked={Boolean(check.workspaceWipedAt)}
            disabled={locked}
            onChange={(event) => save({ workspaceWipedAt: stamp(event.target.checked) })}
          />
        </TableCell>
        <TableCell padding="checkbox">
          <Checkbox
            checked={Boolean(check.registeredAsAssetAt)}
            disabled={locked}
            onChange={(event) => save({ registeredAsAssetAt: stamp(event.target.checked) })}
          />
        </TableCell>
        <TableCell>
          <TextField
            size="small"
            defaultValue={check.assetNo ?? ''}
            disabled={locked}
            onBlur={(event) => {
              if (event.target.value !== (check.assetNo ?? '')) {
                save({ assetNo: event.target.value.trim() || null });
              }
            }}
          />
        </TableCell>
        <TableCell>{check.transferredAt ? chinaMoment(check.transferredAt) : '—'}</TableCell>
      </TableRow>
    </RecordContextProvider>
  );
};

export default LeaseEndPage;
