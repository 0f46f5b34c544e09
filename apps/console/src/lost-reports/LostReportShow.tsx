import type { LostReportDto } from '@fleet/shared/contracts';
import ArchiveIcon from '@mui/icons-material/Archive';
import CheckIcon from '@mui/icons-material/Check';
import PhonelinkEraseIcon from '@mui/icons-material/PhonelinkErase';
import SearchIcon from '@mui/icons-material/Search';
import SimCardAlertIcon from '@mui/icons-material/SimCardAlert';
import type { ReactElement } from 'react';
import {
  Button,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';

import { useApiAction } from '../common/apiAction';
import { LOST_KIND_CHOICES } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import type { FleetDataProvider } from '../providers/dataProvider';

/** The report as the API may list its follow-ups: `followUps` [{key, doneAt}] besides the moment fields. */
type LostReportRecord = LostReportDto & {
  followUps?: { key: 'sim_suspend' | 'wipe'; doneAt: string | null }[];
};

function followUpDone(report: LostReportRecord, key: 'sim_suspend' | 'wipe'): boolean {
  const moment = key === 'sim_suspend' ? report.simSuspendRequestedAt : report.wipeRequestedAt;
  return Boolean(moment) || Boolean(report.followUps?.find((followUp) => followUp.key === key)?.doneAt);
}

interface StepProps {
  label: string;
  icon: ReactElement;
  done: boolean;
  action: (provider: FleetDataProvider) => Promise<unknown>;
}

/** One step of following up a loss; greyed out once done, so it is recorded once. */
const StepButton = ({ label, icon, done, action }: StepProps) => {
  const { run, pending } = useApiAction();
  return (
    <Button label={label} disabled={done || pending} onClick={() => void run(action)}>
      {icon}
    </Button>
  );
};

const LostReportActions = () => {
  const report = useRecordContext<LostReportRecord>();
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'lost-reports' });
  if (!report || !canAccess) {
    return null;
  }
  // A closed report takes no more steps, except that its device may still turn up (the API allows it).
  const closed = report.foundAt !== null || report.closedAt !== null;
  return (
    <TopToolbar>
      <StepButton
        label="fleet.actions.confirm"
        icon={<CheckIcon />}
        done={closed || report.confirmedAt !== null}
        action={(provider) => provider.confirmLost(report.id)}
      />
      <StepButton
        label="fleet.actions.sim_suspend"
        icon={<SimCardAlertIcon />}
        done={closed || followUpDone(report, 'sim_suspend')}
        action={(provider) => provider.requestLostFollowUp(report.id, 'sim-suspend')}
      />
      <StepButton
        label="fleet.actions.wipe"
        icon={<PhonelinkEraseIcon />}
        done={closed || followUpDone(report, 'wipe')}
        action={(provider) => provider.requestLostFollowUp(report.id, 'wipe')}
      />
      <StepButton
        label="fleet.actions.close_report"
        icon={<ArchiveIcon />}
        done={closed}
        action={(provider) => provider.closeLostReport(report.id)}
      />
      <StepButton
        label="fleet.actions.found"
        icon={<SearchIcon />}
        done={report.foundAt !== null}
        action={(provider) => provider.markFound(report.id)}
      />
    </TopToolbar>
  );
};

const LostReportShow = () => (
  <Show actions={<LostReportActions />}>
    <SimpleShowLayout>
      <ReferenceField source="deviceId" reference="devices" link="show" />
      <SelectField source="kind" choices={LOST_KIND_CHOICES} />
      <DateTimeField source="reportedAt" />
      <ReferenceField source="reportedByOfficerId" reference="officers" link="show" emptyText="—" />
      <TextField source="policeCaseNo" emptyText="—" />
      <TextField source="circumstances" emptyText="—" />
      <DateTimeField source="confirmedAt" emptyText="—" />
      <DateTimeField source="simSuspendRequestedAt" emptyText="—" />
      <DateTimeField source="wipeRequestedAt" emptyText="—" />
      <DateTimeField source="foundAt" emptyText="—" />
      <DateTimeField source="closedAt" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);

export default LostReportShow;
