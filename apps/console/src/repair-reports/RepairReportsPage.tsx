import { chinaMoment } from '@fleet/shared/contracts';
import {
  REPAIR_SUMMARY_GROUPS,
  type RepairSummaryGroup,
  type RepairSummaryRowDto,
} from '@fleet/shared/contracts';
import {
  Alert,
  Card,
  CardContent,
  Link,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Title, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';

import { errorMessageOf } from '../common/apiAction';
import { repairApi } from '../repairs/repairApi';
import { formatYuan } from '../statements/usageFormat';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const REPEATED_MIN_TICKETS = 2;
const REPEATED_MONTHS = 12;

/** Repairs counted and costed by cause, payer, unit or month, and the phones that keep coming back. */
const RepairReportsPage = () => {
  const translate = useTranslate();
  const [groupBy, setGroupBy] = useState<RepairSummaryGroup>('cause');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const validFrom = from === '' || PERIOD.test(from);
  const validTo = to === '' || PERIOD.test(to);
  return (
    <>
      <Title title="fleet.repair_reports.title" />
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Tabs
            value={groupBy}
            onChange={(_, value: RepairSummaryGroup) => setGroupBy(value)}
            variant="scrollable"
            aria-label={translate('fleet.repair_reports.group_by')}
          >
            {REPAIR_SUMMARY_GROUPS.map((group) => (
              <Tab key={group} value={group} label={translate(`fleet.repair_reports.by_${group}`)} />
            ))}
          </Tabs>
          <Stack direction="row" spacing={2} sx={{ my: 2 }} flexWrap="wrap" useFlexGap>
            <PeriodField
              label="fleet.repair_reports.from"
              value={from}
              valid={validFrom}
              onChange={setFrom}
            />
            <PeriodField label="fleet.repair_reports.to" value={to} valid={validTo} onChange={setTo} />
          </Stack>
          {validFrom && validTo && (
            <SummaryTable groupBy={groupBy} from={from || undefined} to={to || undefined} />
          )}
        </CardContent>
      </Card>
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <RepeatedFaults />
        </CardContent>
      </Card>
    </>
  );
};

const PeriodField = ({
  label,
  value,
  valid,
  onChange,
}: {
  label: string;
  value: string;
  valid: boolean;
  onChange: (value: string) => void;
}) => {
  const translate = useTranslate();
  return (
    <TextField
      label={translate(label)}
      placeholder="YYYY-MM"
      value={value}
      onChange={(event) => onChange(event.target.value.trim())}
      error={!valid}
      helperText={valid ? ' ' : translate('fleet.repair_reports.period_format')}
      size="small"
    />
  );
};

const SummaryTable = ({ groupBy, from, to }: { groupBy: RepairSummaryGroup; from?: string; to?: string }) => {
  const translate = useTranslate();
  const { data, error, isPending } = useQuery({
    queryKey: ['repair-reports', 'summary', groupBy, from, to],
    queryFn: () => repairApi.summary(groupBy, from, to),
  });
  if (isPending) {
    return <Loading />;
  }
  if (error) {
    return <Alert severity="error">{translate(errorMessageOf(error))}</Alert>;
  }
  if (data.length === 0) {
    return <Typography color="text.secondary">{translate('fleet.repair_reports.none')}</Typography>;
  }
  const total = data.reduce(
    (sum, row) => ({
      tickets: sum.tickets + row.tickets,
      costFen: sum.costFen + row.costFen,
      officerFen: sum.officerFen + row.officerFen,
      bureauFen: sum.bureauFen + row.bureauFen,
    }),
    { tickets: 0, costFen: 0, officerFen: 0, bureauFen: 0 },
  );
  const groupLabel = (row: RepairSummaryRowDto) => {
    switch (groupBy) {
      case 'cause':
        return translate(`fleet.repair_cause.${row.key}`, { _: row.label });
      case 'payer':
        return translate(`fleet.liable_party.${row.key}`, { _: row.label });
      case 'unit':
      case 'month':
        return row.label || row.key;
    }
  };
  return (
    <Table size="small" aria-label={translate(`fleet.repair_reports.by_${groupBy}`)}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('fleet.repair_reports.group')}</TableCell>
          <TableCell align="right">{translate('fleet.repair_reports.tickets')}</TableCell>
          <TableCell align="right">{translate('fleet.repair_reports.cost')}</TableCell>
          <TableCell align="right">{translate('fleet.repair_reports.officer')}</TableCell>
          <TableCell align="right">{translate('fleet.repair_reports.bureau')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((row) => (
          <TableRow key={row.key}>
            <TableCell>{groupLabel(row)}</TableCell>
            <TableCell align="right">{row.tickets}</TableCell>
            <TableCell align="right">{formatYuan(row.costFen)}</TableCell>
            <TableCell align="right">{formatYuan(row.officerFen)}</TableCell>
            <TableCell align="right">{formatYuan(row.bureauFen)}</TableCell>
          </TableRow>
        ))}
        <TableRow sx={{ '& td': { fontWeight: 'bold' } }}>
          <TableCell>{translate('fleet.repair_reports.total')}</TableCell>
          <TableCell align="right">{total.tickets}</TableCell>
          <TableCell align="right">{formatYuan(total.costFen)}</TableCell>
          <TableCell align="right">{formatYuan(total.officerFen)}</TableCell>
          <TableCell align="right">{formatYuan(total.bureauFen)}</TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
};

const RepeatedFaults = () => {
  const translate = useTranslate();
  const { data, error, isPending } = useQuery({
    queryKey: ['repair-reports', 'repeated', REPEATED_MIN_TICKETS, REPEATED_MONTHS],
    queryFn: () => repairApi.repeated(REPEATED_MIN_TICKETS, REPEATED_MONTHS),
  });
  const title = translate('fleet.repair_reports.repeated');
  return (
    <Stack spacing={1}>
      <Typography variant="h6" component="h2">
        {title}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('fleet.repair_reports.repeated_hint', {
          min: REPEATED_MIN_TICKETS,
          months: REPEATED_MONTHS,
        })}
      </Typography>
      {isPending && <Loading />}
      {error && <Alert severity="error">{translate(errorMessageOf(error))}</Alert>}
      {data?.length === 0 && (
        <Typography color="text.secondary">{translate('fleet.repair_reports.none')}</Typography>
      )}
      {data && data.length > 0 && (
        <Table size="small" aria-label={title}>
          <TableHead>
            <TableRow>
              <TableCell>IMEI</TableCell>
              <TableCell align="right">{translate('fleet.repair_reports.tickets')}</TableCell>
              <TableCell>{translate('fleet.repair_reports.last_reported')}</TableCell>
              <TableCell>{translate('fleet.repair_reports.causes')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((row) => (
              <TableRow key={row.deviceId}>
                <TableCell>
                  <Link component={RouterLink} to={`/devices/${row.deviceId}/show`}>
                    {row.imei}
                  </Link>
                </TableCell>
                <TableCell align="right">{row.tickets}</TableCell>
                <TableCell>{chinaMoment(row.lastReportedAt)}</TableCell>
                <TableCell>
                  {row.causes.map((cause) => translate(`fleet.repair_cause.${cause}`)).join('、')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
};

export default RepairReportsPage;
