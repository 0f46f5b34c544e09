import type { RepairIntakeLookupDto } from '@fleet/shared/contracts';
import { Alert, Box, Card, CardContent, Chip, Link, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslate } from 'react-admin';

/** What the desk needs the moment a phone is scanned: which phone, whose, its numbers and its warranty. */
export const IntakeDeviceCard = ({ device }: { device: RepairIntakeLookupDto }) => {
  const translate = useTranslate();
  const holder = device.holderName
    ? [device.holderName, device.holderBadgeNo, device.holderUnitName].filter(Boolean).join(' · ')
    : translate('fleet.repair_intake.no_holder');
  return (
    <Card variant="outlined" component="section" aria-label={translate('fleet.repair_intake.device')}>
      <CardContent>
        <Stack spacing={1.5}>
          <WarrantyBanner inWarranty={device.inWarrantyToday} warrantyEndOn={device.warrantyEndOn} />
          <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
            <Typography variant="h6" component="h2">
              {device.model}
            </Typography>
            <Chip
              size="small"
              label={translate(`fleet.device_status.${device.status}`, { _: device.status })}
            />
          </Stack>
          <Row label="IMEI" value={device.imei2 ? `${device.imei} / ${device.imei2}` : device.imei} />
          <Row label={translate('fleet.repair_intake.holder')} value={holder} />
          <Row
            label={translate('fleet.repair_intake.sims')}
            value={
              device.sims.length
                ? device.sims.map((sim) => sim.msisdn).join('、')
                : translate('fleet.repair_intake.no_sims')
            }
          />
          {device.openTicketId !== null && (
            <Alert severity="warning">
              {translate('fleet.repair_intake.open_ticket')}{' '}
              <Link component={RouterLink} to={`/repair-tickets/${device.openTicketId}/show`}>
                {translate('fleet.repair_intake.open_ticket_link')}
              </Link>
            </Alert>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};

const Row = ({ label, value }: { label: string; value: string }) => (
  <Box>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography sx={{ overflowWrap: 'anywhere' }}>{value}</Typography>
  </Box>
);

/** In or out of warranty, large enough to read at arm's length: it decides who pays for a quality fault. */
const WarrantyBanner = ({ inWarranty, warrantyEndOn }: { inWarranty: boolean; warrantyEndOn: string }) => {
  const translate = useTranslate();
  return (
    <Box
      role="status"
      sx={{
        borderRadius: 1,
        px: 2,
        py: 1,
        bgcolor: inWarranty ? 'success.main' : 'warning.main',
        color: inWarranty ? 'success.contrastText' : 'warning.contrastText',
      }}
    >
      <Typography variant="h4" component="p" fontWeight="bold">
        {translate(inWarranty ? 'fleet.repairs.in_warranty' : 'fleet.repairs.out_of_warranty')}
      </Typography>
      <Typography variant="body2">
        {translate('fleet.repair_intake.warranty_end', { date: warrantyEndOn })}
      </Typography>
    </Box>
  );
};
