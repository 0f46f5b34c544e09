import PhotoCameraIcon from '@mui/icons-material/PhotoCamera';
import { Dialog, DialogContent, DialogTitle, IconButton, Tooltip } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';

// The Barcode Detection API is not in TypeScript's DOM library yet; this is the part the console uses.
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorInstance {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorConstructor = new (options?: { formats?: string[] }) => BarcodeDetectorInstance;

// IMEI labels carry Code 128; the box's QR code and EAN are read too, and the IMEI rule sorts out the rest.
const FORMATS = ['code_128', 'code_39', 'ean_13', 'qr_code'];
const SCAN_INTERVAL_MS = 250;

function barcodeDetector(): BarcodeDetectorConstructor | null {
  return 'BarcodeDetector' in window
    ? (window as unknown as { BarcodeDetector: BarcodeDetectorConstructor }).BarcodeDetector
    : null;
}

/** Reads one barcode with the camera. Renders nothing where the browser cannot detect barcodes. */
export const BarcodeCameraButton = ({ onDetected }: { onDetected: (value: string) => void }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!barcodeDetector() || !navigator.mediaDevices?.getUserMedia) {
    return null;
  }
  return (
    <>
      <Tooltip title={translate('fleet.imei.camera')}>
        <IconButton aria-label={translate('fleet.imei.camera')} onClick={() => setOpen(true)} edge="end">
          <PhotoCameraIcon />
        </IconButton>
      </Tooltip>
      {open && (
        <CameraDialog
          onClose={() => setOpen(false)}
          onDetected={(value) => {
            setOpen(false);
            onDetected(value);
          }}
        />
      )}
    </>
  );
};

const CameraDialog = ({
  onClose,
  onDetected,
}: {
  onClose: () => void;
  onDetected: (value: string) => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const videoRef = useRef<HTMLVideoElement>(null);
  // The camera starts once per dialog: the latest callbacks are read through refs, not effect dependencies.
  const callbacks = useRef({ onClose, onDetected });
  callbacks.current = { onClose, onDetected };

  useEffect(() => {
    const Detector = barcodeDetector();
    if (!Detector) {
      return undefined;
    }
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const detector = new Detector({ formats: FORMATS });

    const scan = async () => {
      const video = videoRef.current;
      if (stopped || !video) {
        return;
      }
      const [barcode] = video.readyState >= 2 ? await detector.detect(video).catch(() => []) : [];
      if (barcode && !stopped) {
        callbacks.current.onDetected(barcode.rawValue);
        return;
      }
      timer = window.setTimeout(() => void scan(), SCAN_INTERVAL_MS);
    };

    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (media) => {
        stream = media;
        if (stopped || !videoRef.current) {
          media.getTracks().forEach((track) => track.stop());
          return;
        }
        videoRef.current.srcObject = media;
        await videoRef.current.play();
        await scan();
      })
      .catch((error: unknown) => {
        notify('fleet.imei.camera_failed', {
          type: 'error',
          messageArgs: { error: error instanceof Error ? error.message : String(error) },
        });
        callbacks.current.onClose();
      });

    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [notify]);

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate('fleet.imei.camera_title')}</DialogTitle>
      <DialogContent>
        <video ref={videoRef} muted playsInline style={{ width: '100%' }} />
      </DialogContent>
    </Dialog>
  );
};
