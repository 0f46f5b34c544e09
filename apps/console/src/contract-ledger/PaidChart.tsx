import { daysBetween } from '@fleet/domain/inventory';
import { Box, Stack, Typography, useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';

import { yuan } from './money';
import type { Step } from './paidSeries';

const W = 640;
const H = 240;
const PAD = { left: 12, right: 12, top: 16, bottom: 28 };

/**
 * Paid against scheduled over the term, as two step lines (a plain SVG: two series do not need a chart
 * library). Today is marked; the gap between the lines is what is owed.
 */
export const PaidChart = ({
  startsOn,
  endsOn,
  today,
  totalFen,
  scheduled,
  paid,
}: {
  startsOn: string;
  endsOn: string;
  today: string;
  totalFen: number;
  scheduled: Step[];
  paid: Step[];
}) => {
  const theme = useTheme();
  const translate = useTranslate();
  const span = Math.max(1, daysBetween(startsOn, endsOn));
  const x = (on: string) =>
    PAD.left + (Math.min(Math.max(daysBetween(startsOn, on), 0), span) / span) * (W - PAD.left - PAD.right);
  const y = (fen: number) => H - PAD.bottom - (fen / Math.max(totalFen, 1)) * (H - PAD.top - PAD.bottom);
  const path = (steps: Step[], until: string) => {
    const visible = steps.filter((s) => s.on <= until);
    if (!visible.length) return '';
    let d = `M ${x(visible[0].on)} ${y(visible[0].fen)}`;
    for (const s of visible.slice(1)) d += ` H ${x(s.on)} V ${y(s.fen)}`;
    return `${d} H ${x(until)}`;
  };
  const years = Array.from(
    { length: Number(endsOn.slice(0, 4)) - Number(startsOn.slice(0, 4)) },
    (_, i) => `${Number(startsOn.slice(0, 4)) + i + 1}-01-01`,
  );
  const paidColor = theme.palette.primary.main;
  const scheduledColor = theme.palette.text.secondary;
  return (
    <Box>
      <Box
        component="svg"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={translate('fleet.ledger.chart_label')}
        sx={{ width: '100%', height: 'auto', display: 'block' }}
      >
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(totalFen * f)}
              y2={y(totalFen * f)}
              stroke={theme.palette.divider}
            />
            <text x={PAD.left + 2} y={y(totalFen * f) - 3} fontSize="11" fill={scheduledColor}>
              {yuan(Math.round(totalFen * f))}
            </text>
          </g>
        ))}
        {years.map((on) => (
          <text key={on} x={x(on)} y={H - 8} fontSize="11" textAnchor="middle" fill={scheduledColor}>
            {on.slice(0, 4)}
          </text>
        ))}
        <line
          x1={x(today)}
          x2={x(today)}
          y1={PAD.top}
          y2={H - PAD.bottom}
          stroke={theme.palette.warning.main}
          strokeDasharray="2 3"
        />
        <path
          d={path(scheduled, endsOn)}
          fill="none"
          stroke={scheduledColor}
          strokeWidth="2"
          strokeDasharray="6 4"
        />
        <path
          d={path(paid, today < endsOn ? today : endsOn)}
          fill="none"
          stroke={paidColor}
          strokeWidth="3"
        />
      </Box>
      <Stack direction="row" spacing={3} sx={{ mt: 1, flexWrap: 'wrap' }}>
        <Legend color={scheduledColor} dashed label={translate('fleet.ledger.scheduled')} />
        <Legend color={paidColor} label={translate('fleet.ledger.paid')} />
      </Stack>
    </Box>
  );
};

const Legend = ({ color, label, dashed }: { color: string; label: string; dashed?: boolean }) => (
  <Stack direction="row" spacing={1} alignItems="center">
    <Box sx={{ width: 24, borderTop: `3px ${dashed ? 'dashed' : 'solid'} ${color}` }} />
    <Typography variant="body2">{label}</Typography>
  </Stack>
);
