import { Box, Chip, Typography } from '@mui/material';
import { FieldTitle, useInput } from 'react-admin';

import { INTAKE_ACCESSORIES } from '../repairs/repairChoices';

/** The accessories handed in with the phone: one tap each, big enough for a thumb. */
export const AccessoryChips = ({ source }: { source: string }) => {
  const { field } = useInput<string[]>({ source, defaultValue: [] });
  const selected: string[] = Array.isArray(field.value) ? (field.value as string[]) : [];
  const toggle = (name: string) =>
    field.onChange(selected.includes(name) ? selected.filter((item) => item !== name) : [...selected, name]);
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        <FieldTitle source={source} />
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        {INTAKE_ACCESSORIES.map((name) => {
          const on = selected.includes(name);
          return (
            <Chip
              key={name}
              label={name}
              clickable
              color={on ? 'primary' : 'default'}
              variant={on ? 'filled' : 'outlined'}
              onClick={() => toggle(name)}
              aria-pressed={on}
              sx={{ minHeight: 44, px: 1, fontSize: '1rem' }}
            />
          );
        })}
      </Box>
    </Box>
  );
};
