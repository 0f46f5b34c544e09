import type { RepairPhotoDto } from '@fleet/shared/contracts';
import { Alert, Box, Link, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';

import { errorMessageOf } from '../common/apiAction';
import { repairApi } from './repairApi';

const THUMBNAIL_PX = 96;

/**
 * The ticket's photos as thumbnails. The API wants the bearer token, which an <img src> cannot send, so
 * each image is fetched and shown from a blob URL (released when the thumbnail goes).
 */
export const RepairPhotos = ({ ticketId }: { ticketId: number }) => {
  const translate = useTranslate();
  const { data, error } = useQuery({
    queryKey: ['repair-tickets', ticketId, 'photos'],
    queryFn: () => repairApi.photos(ticketId),
  });
  return (
    <Stack spacing={1}>
      <Typography variant="h6" component="h2">
        {translate('fleet.repairs.photos')}
      </Typography>
      {error && <Alert severity="error">{translate(errorMessageOf(error))}</Alert>}
      {data?.length === 0 && (
        <Typography color="text.secondary">{translate('fleet.repairs.photos_empty')}</Typography>
      )}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        {data?.map((photo) => (
          <Thumbnail key={photo.id} ticketId={ticketId} photo={photo} />
        ))}
      </Box>
    </Stack>
  );
};

const Thumbnail = ({ ticketId, photo }: { ticketId: number; photo: RepairPhotoDto }) => {
  const translate = useTranslate();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    repairApi
      .photoBlob(ticketId, photo.id)
      .then((blob) => {
        if (!cancelled) {
          objectUrl = URL.createObjectURL(blob);
          setUrl(objectUrl);
        }
      })
      .catch(() => {
        if (!cancelled) {
          setFailed(true);
        }
      });
    return () => {
      cancelled = true;
      if (objectUrl) {
        URL.revokeObjectURL(objectUrl);
      }
    };
  }, [ticketId, photo.id]);

  const alt = translate('fleet.repairs.photo_alt', { name: photo.fileName });
  if (failed) {
    return (
      <Typography variant="caption" color="error">
        {translate('fleet.repairs.photo_failed')}
      </Typography>
    );
  }
  return (
    <Box
      sx={{
        width: THUMBNAIL_PX,
        height: THUMBNAIL_PX,
        bgcolor: 'action.hover',
        borderRadius: 1,
        overflow: 'hidden',
      }}
    >
      {url && (
        <Link href={url} target="_blank" rel="noopener">
          <img
            src={url}
            alt={alt}
            width={THUMBNAIL_PX}
            height={THUMBNAIL_PX}
            style={{ objectFit: 'cover' }}
          />
        </Link>
      )}
    </Box>
  );
};
