import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpStatus } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { inputFaultException } from '../edge/edge-errors';
import { findInputFault } from '../edge/input-hygiene';
import { ApiException } from '../errors/api.exception';

export interface ReceiveUploadOptions<F extends string> {
  /** Absolute folder the file is written to (created when missing), under a temporary name. */
  dir: string;
  maxBytes: number;
  /** The other multipart fields to keep; anything else is ignored. */
  fields: readonly F[];
}

export interface ReceivedUpload<F extends string> {
  /** The temporary file: the caller renames it to where it belongs or removes it. */
  path: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  fields: Partial<Record<F, string>>;
}

const bad = (field: string, zh: string, en: string) =>
  ApiException.badRequest([{ field, reason: { zh, en } }]);

const sizeText = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3} GB` : `${bytes / 1024 ** 2} MB`;

/**
 * Content types of a file sent as the request body itself (not multipart): Fastify hands such a body
 * over as a stream (see the parser the API registers), and the file name and fields come from the query.
 */
export const RAW_UPLOAD_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Thrown by the size check while streaming: answered as 413. */
class TooLarge extends Error {
  readonly code = 'FST_REQ_FILE_TOO_LARGE';
}

/** Writes a stream to `path`, hashing and counting it on the way; refuses more than `maxBytes`. */
async function store(
  source: NodeJS.ReadableStream,
  path: string,
  maxBytes: number,
): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash('sha256');
  let size = 0;
  await pipeline(
    source,
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new TooLarge('too large'));
        hash.update(chunk);
        done(null, chunk);
      },
    }),
    createWriteStream(path),
  );
  return { sha256: hash.digest('hex'), sizeBytes: size };
}

/**
 * Streams an uploaded file to a temporary file in `dir`, hashing it (SHA-256) on the way, so even a
 * large file is never held in memory. The file is either the multipart field `file` (with the other
 * fields alongside), or the request body itself with a RAW_UPLOAD_TYPES content type and `fileName` and
 * the fields in the query (cheaper for large files: no multipart parsing). 400 when there is no (or an
 * empty) file, 413 above `maxBytes`; the temporary file is gone whenever it throws.
 */
export async function receiveUpload<F extends string>(
  request: FastifyRequest,
  { dir, maxBytes, fields }: ReceiveUploadOptions<F>,
): Promise<ReceivedUpload<F>> {
  const raw = request.body instanceof Readable ? request.body : null;
  if (!raw && (typeof request.isMultipart !== 'function' || !request.isMultipart()))
    throw bad(
      'file',
      '请以 multipart/form-data（字段 file）或以请求体（Content-Type: application/octet-stream）上传文件',
      'Upload the file as multipart/form-data (field file) or as the request body (Content-Type: application/octet-stream)',
    );
  await mkdir(dir, { recursive: true });
  const path = join(dir, `upload-${process.pid}-${randomUUID()}.part`);
  const received: Partial<ReceivedUpload<F>> = {};
  const values: Partial<Record<F, string>> = {};
  try {
    if (raw) {
      const query = (request.query ?? {}) as Record<string, unknown>;
      for (const field of fields) if (typeof query[field] === 'string') values[field] = query[field];
      Object.assign(received, await store(raw, path, maxBytes), {
        fileName: typeof query.fileName === 'string' && query.fileName ? query.fileName : 'upload',
      });
    } else
      for await (const part of request.parts({ limits: { fileSize: maxBytes } })) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file' || received.sha256) {
            await pipeline(part.file, new Writable({ write: (_c, _e, done) => done() }));
            continue;
          }
          Object.assign(received, await store(part.file, path, maxBytes), {
            fileName: part.filename || 'upload',
          });
          if (part.file.truncated) throw new TooLarge('too large');
        } else if ((fields as readonly string[]).includes(part.fieldname)) {
          values[part.fieldname as F] = String(part.value);
        }
      }
    if (!received.sha256 || !received.sizeBytes)
      throw bad('file', '没有收到文件，或文件为空', 'No file was received, or it is empty');
    // The multipart parts are not seen by the edge's hook: their names and fields are checked here.
    const fault = findInputFault({ fileName: received.fileName, ...values });
    if (fault) throw inputFaultException(fault);
    return { ...(received as ReceivedUpload<F>), path, fields: values };
  } catch (error) {
    await rm(path, { force: true });
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, {
        zh: `文件超过 ${sizeText(maxBytes)}`,
        en: `The file is larger than ${sizeText(maxBytes)}`,
      });
    }
    // A body that is not multipart as it claims (no boundary, cut short): the sender's fault, not ours.
    if (
      !(error instanceof ApiException) &&
      /^(Multipart|Unexpected end of form|Malformed part header)/.test(String((error as Error).message))
    )
      throw bad(
        'file',
        '上传内容不是有效的 multipart/form-data',
        'The upload is not valid multipart/form-data',
      );
    throw error;
  }
}
