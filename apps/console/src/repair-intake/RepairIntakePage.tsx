import type { RepairIntakeLookupDto, RepairIntakeRequest, RepairTicketDto } from '@fleet/shared/contracts';
import AddAPhotoIcon from '@mui/icons-material/AddAPhoto';
import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import {
  Form,
  ResourceContextProvider,
  SaveButton,
  TextInput,
  Title,
  required,
  useNotify,
  useTranslate,
} from 'react-admin';
import { HttpError } from 'react-admin';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import type { FieldValues } from 'react-hook-form';

import { errorMessageOf, fieldErrorsOfError, withoutEmpty } from '../common/apiAction';
import { ImeiInput } from '../common/ImeiInput';
import { useIdentifierParser } from '../common/identifierValidators';
import { OfficerReferenceInput } from '../common/ReferenceInputs';
import { repairApi } from '../repairs/repairApi';
import { LendLoanerButton, ReceiptButton } from '../repairs/RepairTicketActions';
import { AccessoryChips } from './AccessoryChips';
import { IntakeDeviceCard } from './IntakeDeviceCard';

const HTTP_NOT_FOUND = 404;
const requiredValue = required();
// Thumb-sized controls: the page is used standing, on the officer's side of the counter.
const TOUCH = { minHeight: 48 };

interface PhotoOutcome {
  name: string;
  error: string | null;
}

interface Saved {
  ticket: RepairTicketDto;
  photos: PhotoOutcome[];
}

/**
 * The repair desk on a phone: scan (or type) the IMEI, see the phone, its holder and its warranty at once,
 * write the fault, tap the accessories, take photos, save. One column, nothing heavy, so a ticket is saved
 * within a couple of minutes of the scan. `?imei=` opens it on a device (the device page links here).
 */
const RepairIntakePage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const parseImei = useIdentifierParser('imei');
  const [searchParams] = useSearchParams();
  const [device, setDevice] = useState<RepairIntakeLookupDto | null>(null);
  const [notFound, setNotFound] = useState<string | null>(null);
  const [photos, setPhotos] = useState<File[]>([]);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [uploading, setUploading] = useState(false);

  const find = async (imei: string) => {
    setNotFound(null);
    setDevice(null);
    setPhotos([]);
    try {
      setDevice(await repairApi.lookup(imei));
    } catch (error) {
      if (error instanceof HttpError && error.status === HTTP_NOT_FOUND) {
        setNotFound(imei);
      } else {
        notify(errorMessageOf(error), { type: 'error' });
      }
    }
  };

  // The device page's 报修 link: look the IMEI up once, as if it had been scanned.
  const linkedImei = searchParams.get('imei');
  const lookedUp = useRef<string | null>(null);
  useEffect(() => {
    if (linkedImei && lookedUp.current !== linkedImei) {
      lookedUp.current = linkedImei;
      const parsed = parseImei(linkedImei);
      if (parsed.ok) {
        void find(parsed.value);
      }
    }
  }, [linkedImei]);

  const next = () => {
    setSaved(null);
    setDevice(null);
    setNotFound(null);
    setPhotos([]);
  };

  const onSubmit = async (values: FieldValues) => {
    if (!device) {
      return undefined;
    }
    let ticket: RepairTicketDto;
    try {
      ticket = await repairApi.create({
        ...(withoutEmpty(values) as Omit<RepairIntakeRequest, 'deviceId'>),
        fault: String(values.fault).trim(),
        accessories: (values.accessories as string[] | undefined) ?? [],
        deviceId: device.deviceId,
      });
    } catch (error) {
      notify(errorMessageOf(error), { type: 'error' });
      return fieldErrorsOfError(error);
    }
    // The photos go up once the ticket exists; each one's refusal (type, size) is shown by its name.
    setUploading(true);
    const outcomes: PhotoOutcome[] = [];
    for (const file of photos) {
      try {
        await repairApi.uploadPhoto(ticket.id, file);
        outcomes.push({ name: file.name, error: null });
      } catch (error) {
        outcomes.push({ name: file.name, error: translate(errorMessageOf(error)) });
      }
    }
    setUploading(false);
    setSaved({ ticket, photos: outcomes });
    return undefined;
  };

  return (
    <Box sx={{ maxWidth: 560, mx: 'auto', width: '100%', py: 1, boxSizing: 'border-box' }}>
      <Title title="fleet.repair_intake.title" />
      {saved ? (
        <SavedView saved={saved} onNext={next} />
      ) : (
        <Stack spacing={2}>
          <Box sx={{ '& .MuiTextField-root': { width: '100%', minWidth: 0 } }}>
            <ImeiInput
              label="fleet.repair_intake.scan"
              helperText="fleet.repair_intake.scan_hint"
              onImei={find}
              keepFocus={!device}
            />
          </Box>
          {notFound && (
            <Alert severity="warning">{translate('fleet.repair_intake.not_found', { imei: notFound })}</Alert>
          )}
          {device && <IntakeDeviceCard device={device} />}
          {device && (
            <ResourceContextProvider value="repair-tickets">
              <Form
                key={device.deviceId}
                record={{}}
                defaultValues={{ reportedByOfficerId: device.holderOfficerId ?? undefined, accessories: [] }}
                onSubmit={onSubmit}
              >
                <Stack spacing={1}>
                  <TextInput source="fault" validate={requiredValue} multiline minRows={2} fullWidth />
                  <OfficerReferenceInput source="reportedByOfficerId" />
                  <AccessoryChips source="accessories" />
                  <TextInput source="condition" fullWidth />
                  <PhotoPicker files={photos} onChange={setPhotos} />
                  <SaveButton
                    label="fleet.repair_intake.save"
                    size="large"
                    fullWidth
                    alwaysEnable
                    sx={{ ...TOUCH, mt: 1 }}
                  />
                  {uploading && <Typography>{translate('fleet.repair_intake.photo_uploading')}</Typography>}
                </Stack>
              </Form>
            </ResourceContextProvider>
          )}
        </Stack>
      )}
    </Box>
  );
};

/** The phone's camera (or its gallery): several photos, sent after the ticket is saved. */
const PhotoPicker = ({ files, onChange }: { files: File[]; onChange: (files: File[]) => void }) => {
  const translate = useTranslate();
  const add = (event: ChangeEvent<HTMLInputElement>) => {
    onChange([...files, ...Array.from(event.target.files ?? [])]);
    // The same photo chosen again is a new choice.
    event.target.value = '';
  };
  return (
    <Stack spacing={1}>
      <Button component="label" variant="outlined" size="large" startIcon={<AddAPhotoIcon />} sx={TOUCH}>
        {translate('fleet.repair_intake.add_photos')}
        <input
          type="file"
          accept="image/*"
          capture="environment"
          multiple
          hidden
          aria-label={translate('fleet.repair_intake.photos')}
          onChange={add}
        />
      </Button>
      {files.length > 0 && (
        <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
          {translate('fleet.repair_intake.photos_selected', { count: files.length })}:{' '}
          {files.map((file) => file.name).join('、')}
        </Typography>
      )}
    </Stack>
  );
};

/** The saved ticket: its number to write on the phone, the receipt, a loaner, and the next phone. */
const SavedView = ({ saved, onNext }: { saved: Saved; onNext: () => void }) => {
  const translate = useTranslate();
  const { ticket, photos } = saved;
  return (
    <Card>
      <CardContent>
        <Stack spacing={2}>
          <Box role="status">
            <Typography color="text.secondary">{translate('fleet.repair_intake.saved')}</Typography>
            <Typography variant="h4" component="p" fontWeight="bold" sx={{ overflowWrap: 'anywhere' }}>
              {ticket.ticketNo}
            </Typography>
          </Box>
          {photos.map((photo, index) =>
            photo.error ? (
              <Alert key={`${photo.name}-${index}`} severity="error">
                {translate('fleet.repair_intake.photo_failed', { name: photo.name, error: photo.error })}
              </Alert>
            ) : (
              <Alert key={`${photo.name}-${index}`} severity="success">
                {translate('fleet.repair_intake.photo_uploaded', { name: photo.name })}
              </Alert>
            ),
          )}
          <Stack spacing={1} sx={{ '& .MuiButton-root': { ...TOUCH, justifyContent: 'flex-start' } }}>
            <ReceiptButton ticketId={ticket.id} />
            <LendLoanerButton ticketId={ticket.id} />
            <Button component={RouterLink} to={`/repair-tickets/${ticket.id}/show`}>
              {translate('fleet.repair_intake.open')}
            </Button>
          </Stack>
          <Button variant="contained" size="large" onClick={onNext} sx={TOUCH} fullWidth>
            {translate('fleet.repair_intake.next')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
};

export default RepairIntakePage;
