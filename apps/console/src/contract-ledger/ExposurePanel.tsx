import type { ContractDto, ExposureDto } from '@fleet/shared/contracts';
import {
  Alert,
  Box,
  Card,
  CardContent,
  Grid,
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
import { useDataProvider, useTranslate } from 'react-admin';

import type { FleetDataProvider } from '../providers/dataProvider';
import { percentOfBp, yuan } from './money';

// Width 0 and at least the card's: the table scrolls inside the card instead of widening the page on a phone.
const SCROLL_INSIDE = { overflowX: 'auto', mt: 2, width: 0, minWidth: '100%' } as const;

/**
 * The late-payment exposure on a chosen day under both clauses, side by side, never one picked: the two
 * clauses disagree and the page says so in one sentence.
 */
export const ExposurePanel = ({ contract, today }: { contract: ContractDto; today: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<FleetDataProvider>();
  const [asOf, setAsOf] = useState(today);
  const { data, error } = useQuery<ExposureDto>({
    queryKey: ['exposure', contract.id, asOf],
    queryFn: () => dataProvider.getExposure(asOf, contract.id),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(asOf),
  });
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('fleet.ledger.exposure')}
        </Typography>
        <TextField
          id="exposure-as-of"
          type="date"
          size="small"
          label={translate('fleet.ledger.as_of')}
          value={asOf}
          onChange={(event) => setAsOf(event.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ mb: 2 }}
        />
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="clauses-disagree">
          {translate('fleet.ledger.disagree')}
        </Alert>
        {error ? <Alert severity="error">{String(error.message)}</Alert> : null}
        {data && (
          <>
            <Grid container spacing={2}>
              <Grid size={6}>
                <ClauseBox
                  testId="clause48"
                  title={translate('fleet.ledger.clause48')}
                  rule={translate('fleet.ledger.clause48_rule', { rate: percentOfBp(contract.lateRateBp) })}
                  fen={data.clause48Fen}
                />
              </Grid>
              <Grid size={6}>
                <ClauseBox
                  testId="clause64"
                  title={translate('fleet.ledger.clause64')}
                  rule={translate('fleet.ledger.clause64_rule', {
                    daily: yuan(contract.lateDailyFen),
                    days: contract.terminationDays,
                    claim: percentOfBp(contract.terminationClaimBp),
                  })}
                  fen={data.clause64Fen}
                />
              </Grid>
            </Grid>
            <Alert
              severity={data.terminationRight ? 'error' : 'info'}
              sx={{ mt: 2 }}
              data-testid="termination"
            >
              {data.terminationRight
                ? translate('fleet.ledger.termination_right', { claim: yuan(data.terminationClaimFen) })
                : translate('fleet.ledger.no_termination_right', { days: contract.terminationDays })}
            </Alert>
            {data.items.length === 0 ? (
              <Typography sx={{ mt: 2 }} color="text.secondary">
                {translate('fleet.ledger.no_overdue')}
              </Typography>
            ) : (
              <Box sx={SCROLL_INSIDE}>
                <Table
                  size="small"
                  aria-label={translate('fleet.ledger.exposure')}
                  sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}
                >
                  <TableHead>
                    <TableRow>
                      <TableCell />
                      <TableCell>{translate('fleet.ledger.due_on')}</TableCell>
                      <TableCell align="right">{translate('fleet.ledger.balance')}</TableCell>
                      <TableCell align="right">{translate('fleet.ledger.days_overdue')}</TableCell>
                      <TableCell align="right">{translate('fleet.ledger.clause48')}</TableCell>
                      <TableCell align="right">{translate('fleet.ledger.clause64')}</TableCell>
                      <TableCell>{translate('fleet.ledger.right')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {data.items.map((item) => (
                      <TableRow key={item.installmentId}>
                        <TableCell>{translate('fleet.ledger.seq', { seq: item.seq })}</TableCell>
                        <TableCell>{item.dueOn}</TableCell>
                        <TableCell align="right">{yuan(item.balanceFen)}</TableCell>
                        <TableCell align="right">{item.daysOverdue}</TableCell>
                        <TableCell align="right">{yuan(item.clause48Fen)}</TableCell>
                        <TableCell align="right">{yuan(item.clause64Fen)}</TableCell>
                        <TableCell>
                          {translate(item.terminationRight ? 'fleet.ledger.yes' : 'fleet.ledger.no')}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
};

const ClauseBox = ({
  title,
  rule,
  fen,
  testId,
}: {
  title: string;
  rule: string;
  fen: number;
  testId: string;
}) => (
  <Box
    sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5, height: '100%' }}
    data-testid={testId}
  >
    <Typography variant="subtitle2">{title}</Typography>
    <Typography variant="h5" component="p" color={fen > 0 ? 'error.main' : 'text.primary'} sx={{ my: 0.5 }}>
      {yuan(fen)}
    </Typography>
    <Typography variant="body2" color="text.secondary">
      {rule}
    </Typography>
  </Box>
);
