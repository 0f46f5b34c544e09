import type { SimCardDto } from '@fleet/shared/contracts';
import EjectIcon from '@mui/icons-material/Eject';
import { Button, useCanAccess, useRecordContext } from 'react-admin';

import { useApiAction } from '../common/apiAction';

/** Takes the SIM out of the device it is in (now). */
export const RemoveSimButton = () => {
  const sim = useRecordContext<SimCardDto>();
  const { canAccess } = useCanAccess({ action: 'remove', resource: 'sim-cards' });
  const { run, pending } = useApiAction();
  if (!sim || !canAccess || sim.deviceId === null) {
    return null;
  }
  return (
    <Button
      label="fleet.actions.remove_sim"
      disabled={pending}
      onClick={(event) => {
        // Inside a clickable row: the click removes the SIM and does not open it.
        event.stopPropagation();
        void run((provider) => provider.removeSim(sim.id));
      }}
    >
      <EjectIcon />
    </Button>
  );
};
