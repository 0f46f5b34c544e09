import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpStatus } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
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
 * Streams the multipart field `file` to a temporary file in `dir`, hashing it (SHA-256) on the way,
 * so even a large file is never held in memory. 400 when the request is not multipart or has no
 * (or an empty) file, 413 above `maxBytes`; the temporary file is gone whenever it throws.
 */
export async function receiveUpload<F extends string>(
  request: FastifyRequest,
  { dir, maxBytes, fields }: ReceiveUploadOptions<F>,
): Promise<ReceivedUpload<F>> {
  if (typeof request.isMultipart !== 'function' || !request.isMultipart())
    throw bad(
      'file',
      '请以 multipart/form-data 上传文件（字段 file）',
      'Upload the file as multipart/form-data (field file)',
    );
  await mkdir(dir, { recursive: true });
  const path = join(dir, `upload-${process.pid}-${randomUUID()}.part`);
  const received: Partial<ReceivedUpload<F>> = {};
  const values: Partial<Record<F, string>> = {};
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || received.sha256) {
          await pipeline(part.file, new Writable({ write: (_c, _e, done) => done() }));
          continue;
        }
        const hash = createHash('sha256');
        let size = 0;
        await pipeline(
          part.file,
          new Transform({
            transform(chunk: Buffer, _encoding, done) {
              hash.update(chunk);
              size += chunk.length;
              done(null, chunk);
            },
          }),
          createWriteStream(path),
        );
        if (part.file.truncated)
          throw Object.assign(new Error('too large'), { code: 'FST_REQ_FILE_TOO_LARGE' });
        Object.assign(received, {
          sha256: hash.digest('hex'),
          sizeBytes: size,
          fileName: part.filename || 'upload',
        });
      } else if ((fields as readonly string[]).includes(part.fieldname)) {
        values[part.fieldname as F] = String(part.value);
      }
    }
    if (!received.sha256 || !received.sizeBytes)
      throw bad('file', '没有收到文件，或文件为空', 'No file was received, or it is empty');
    return { ...(received as ReceivedUpload<F>), path, fields: values };
  } catch (error) {
    await rm(path, { force: true });
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, {
        zh: `文件超过 ${sizeText(maxBytes)}`,
        en: `The file is larger than ${sizeText(maxBytes)}`,
      });
    }
    throw error;
  }
}
