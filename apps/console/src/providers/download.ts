import { HttpError } from 'react-admin';

import { API_URL, apiHeaders } from './http';
import { freshSession } from './renewal';

/**
 * A file the API serves behind the bearer token (a receipt, an export, rejected rows): a plain link cannot
 * send the token, so the console fetches it and hands the browser a blob URL.
 */
export async function fetchApiBlob(path: string): Promise<{ blob: Blob; fileName: string | null }> {
  await freshSession();
  const response = await fetch(`${API_URL}${path}`, { headers: apiHeaders({ Accept: '*/*' }) });
  if (!response.ok) {
    throw await httpErrorOf(response);
  }
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition')) };
}

/** Saves the file under the name the API gives it, or the fallback. */
export async function downloadApiFile(path: string, fallbackName: string): Promise<void> {
  const { blob, fileName } = await fetchApiBlob(path);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName ?? fallbackName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The click has handed the file to the browser; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Opens an HTML page of the API (a receipt to print) in a new tab. The tab is opened before the fetch so
 * the browser counts it as the click's doing and does not block it as a pop-up.
 */
export async function openApiPage(path: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const { blob } = await fetchApiBlob(path);
    const url = URL.createObjectURL(new Blob([blob], { type: 'text/html;charset=utf-8' }));
    if (tab) {
      tab.location.href = url;
    } else {
      window.location.assign(url);
    }
  } catch (error) {
    tab?.close();
    throw error;
  }
}

async function httpErrorOf(response: Response): Promise<HttpError> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's error page): the status text is the message.
  }
  const message =
    typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string'
      ? (body as { message: string }).message
      : response.statusText;
  return new HttpError(message, response.status, body);
}

// RFC 6266: `filename*=UTF-8''…` carries Chinese names; plain `filename="…"` is the fallback.
function fileNameOf(disposition: string | null): string | null {
  if (!disposition) {
    return null;
  }
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    return decodeURIComponent(encoded[1]);
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}
