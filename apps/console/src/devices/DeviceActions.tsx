import type { DeviceDto } from '@fleet/shared/contracts';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import BuildIcon from '@mui/icons-material/Build';
import ReportIcon from '@mui/icons-material/Report';
import SimCardIcon from '@mui/icons-material/SimCard';
import {
  AutocompleteArrayInput,
  BooleanInput,
  Button,
  EditButton,
  required,
  SelectInput,
  TextInput,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';

import { DateTimeInput } from '../common/DateTextInputs';

import { ActionDialog } from '../common/ActionDialog';
import { withoutEmpty } from '../common/apiAction';
import { LOST_KIND_CHOICES, SIM_SLOT_CHOICES } from '../common/choices';
import { OfficerReferenceInput, SimCardReferenceInput } from '../common/ReferenceInputs';
import type { AssignParams, ReportLostParams } from '../providers/dataProvider';

const requiredValue = required();

// Suggestions only: any other accessory can be typed and becomes a chip too.
const ACCESSORY_CHOICES = ['充电器', '数据线', '保护壳', '钢化膜', '耳机'].map((name) => ({
  id: name,
  name,
}));

/** The device page's toolbar: edit and the custody actions the device's status allows. */
export const DeviceShowActions = () => {
  const device = useRecordContext<DeviceDto>();
  const { canAccess } = useCanAccess({ action: 'assign', resource: 'devices' });
  const { canAccess: canTakeRepairs } = useCanAccess({ action: 'list', resource: 'repair-intake' });
  if (!device) {
    return null;
  }
  const active = device.status !== 'lost' && device.status !== 'retired';
  return (
    <TopToolbar>
      {canAccess && (
        <>
          <AssignButton device={device} disabled={device.status !== 'in_stock'} />
          <ReturnButton device={device} disabled={device.status !== 'assigned'} />
          <InstallSimButton device={device} disabled={!active} />
          <ReportLostButton device={device} disabled={!active} />
        </>
      )}
      {canTakeRepairs && device.status !== 'retired' && (
        <Button
          label="fleet.repairs.report"
          to={`/repair-intake?${new URLSearchParams({ imei: device.imei1 }).toString()}`}
        >
          <BuildIcon />
        </Button>
      )}
      <EditButton />
    </TopToolbar>
  );
};

interface DeviceButtonProps {
  device: DeviceDto;
  disabled: boolean;
}

const AssignButton = ({ device, disabled }: DeviceButtonProps) => (
  <ActionDialog<AssignParams>
    label="fleet.actions.assign"
    icon={<AssignmentIndIcon />}
    title="fleet.dialogs.assign"
    resource="assignments"
    disabled={disabled}
    defaultValues={{ accessories: [], allowMultiple: false }}
    action={(provider, values) => provider.assignDevice(device.id, withoutEmpty(values) as AssignParams)}
  >
    <OfficerReferenceInput source="officerId" validate={requiredValue} />
    <TextInput source="condition" fullWidth />
    <AutocompleteArrayInput
      source="accessories"
      choices={ACCESSORY_CHOICES}
      translateChoice={false}
      onCreate={(text) => (text ? { id: text, name: text } : undefined)}
      helperText="fleet.accessories.hint"
      fullWidth
    />
    <DateTimeInput source="at" />
    <BooleanInput source="allowMultiple" />
  </ActionDialog>
);

const ReturnButton = ({ device, disabled }: DeviceButtonProps) => (
  <ActionDialog<{ at?: string; condition?: string }>
    label="fleet.actions.return"
    icon={<AssignmentReturnIcon />}
    title="fleet.dialogs.return"
    resource="assignments"
    disabled={disabled}
    action={(provider, values) => provider.returnDevice(device.id, withoutEmpty(values))}
  >
    <TextInput source="condition" label="resources.assignments.fields.returnCondition" fullWidth />
    <DateTimeInput source="at" />
  </ActionDialog>
);

const InstallSimButton = ({ device, disabled }: DeviceButtonProps) => (
  <ActionDialog<{ simId: number; slot: number; at?: string }>
    label="fleet.actions.install_sim"
    icon={<SimCardIcon />}
    title="fleet.dialogs.install_sim"
    resource="sim-installations"
    disabled={disabled}
    defaultValues={{ slot: 1 }}
    action={(provider, { simId, slot, at }) =>
      provider.installSim(simId, { deviceId: device.id, slot, ...withoutEmpty({ at }) })
    }
  >
    <SimCardReferenceInput source="simId" validate={requiredValue} />
    <SelectInput source="slot" choices={SIM_SLOT_CHOICES} validate={requiredValue} />
    <DateTimeInput source="at" />
  </ActionDialog>
);

const ReportLostButton = ({ device, disabled }: DeviceButtonProps) => (
  <ActionDialog<ReportLostParams>
    label="fleet.actions.report_lost"
    icon={<ReportIcon />}
    title="fleet.dialogs.report_lost"
    resource="lost-reports"
    disabled={disabled}
    defaultValues={{ kind: 'lost', reportedByOfficerId: device.currentOfficerId ?? undefined }}
    action={(provider, values) => provider.reportLost(device.id, withoutEmpty(values) as ReportLostParams)}
  >
    <SelectInput source="kind" choices={LOST_KIND_CHOICES} validate={requiredValue} />
    <DateTimeInput source="reportedAt" />
    <OfficerReferenceInput source="reportedByOfficerId" />
    <TextInput source="policeCaseNo" />
    <TextInput source="circumstances" multiline fullWidth />
  </ActionDialog>
);
