import { useState } from 'react';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { Button, useNotify, useTranslate } from 'react-admin';
import type { AuditChainVerifyDto } from '@fleet/shared/contracts';

import { errorMessageOf } from '../common/apiAction';
import { callApi } from '../providers/http';

/** 验证审计链: walks the audit hash chain at the server and shows whether it is intact or where it breaks. */
export const VerifyChainButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<AuditChainVerifyDto | null>(null);

  const verify = async () => {
    setPending(true);
    try {
      setResult(await callApi<AuditChainVerifyDto>('GET', '/audit-log/verify'));
    } catch (error) {
      notify(errorMessageOf(error), { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button label="resources.audit-log.verify.button" onClick={() => void verify()} disabled={pending}>
        <VerifiedUserIcon />
      </Button>
      <Dialog open={result !== null} onClose={() => setResult(null)} aria-labelledby="audit-chain-title">
        <DialogTitle id="audit-chain-title">{translate('resources.audit-log.verify.title')}</DialogTitle>
        <DialogContent>
          {result && (
            <Alert severity={result.ok ? 'success' : 'error'} role="status">
              {result.message}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.close" onClick={() => setResult(null)} />
        </DialogActions>
      </Dialog>
    </>
  );
};
