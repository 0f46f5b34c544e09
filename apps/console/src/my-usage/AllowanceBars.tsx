import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

import { formatUsage } from '../statements/usageFormat';
import type { AllowanceRow } from './AllowanceTable';

/**
 * Each category's use against its allowance as a bar a person reads at a glance on a phone: the bar
 * fills to the allowance and turns red past it, with "used / allowance" and what remains in words.
 */
export const AllowanceBars = ({ rows }: { rows: AllowanceRow[] }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1.5}>
      {rows.map((row) => {
        const over = row.used > row.allowance;
        const percent = row.allowance > 0 ? Math.min(100, (row.used / row.allowance) * 100) : over ? 100 : 0;
        const name = translate(`fleet.category.${row.category}`);
        const used = formatUsage(row.category, row.used, translate);
        const allowance = formatUsage(row.category, row.allowance, translate);
        return (
          <Box key={row.category} data-testid={`allowance-${row.category}`}>
            <Stack direction="row" justifyContent="space-between" spacing={1} sx={{ flexWrap: 'wrap' }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {name}
              </Typography>
              <Typography variant="body2" sx={over ? { color: 'error.main', fontWeight: 600 } : undefined}>
                {used} / {allowance}
              </Typography>
            </Stack>
            <LinearProgress
              variant="determinate"
              value={percent}
              color={over ? 'error' : 'primary'}
              aria-label={`${name} ${used} / ${allowance}`}
              sx={{ height: 10, borderRadius: 5, my: 0.5 }}
            />
            <Typography variant="caption" color="text.secondary">
              {over
                ? translate('fleet.my_usage.over_by', {
                    amount: formatUsage(row.category, row.used - row.allowance, translate),
                  })
                : translate('fleet.my_usage.left', {
                    amount: formatUsage(row.category, row.remaining, translate),
                  })}
            </Typography>
          </Box>
        );
      })}
    </Stack>
  );
};
