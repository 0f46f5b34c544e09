import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { HttpStatus, Inject, Injectable, StreamableFile } from '@nestjs/common';
import type { RepairPhotoDto } from '@fleet/shared/contracts';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import { type Actor, ApiException, receiveUpload } from '@fleet/server/platform';
import type { FastifyRequest } from 'fastify';
import { decodePhoto } from './repair-photo-image';
import { toRepairPhotoDto } from './repair-ticket.mapper';
import { RepairPhotoStore } from './repair-photo.store';
import { RepairTicketStore } from './repair-ticket.store';

/** At most this many photos a ticket: enough for the damage from every side. */
export const MAX_PHOTOS_PER_TICKET = 20;

/**
 * Photos of the damage, taken at intake: JPEG, PNG or WebP decoded in full and encoded again before they
 * are kept (decodePhoto), at most REPAIR_PHOTO_MAX_BYTES and REPAIR_PHOTO_MAX_PIXELS each and 20 a
 * ticket, kept under REPAIR_PHOTO_DIR/<ticket id>/<sha256 of the stored bytes>.<ext> and served with the
 * type of the decoded format.
 */
@Injectable()
export class RepairPhotosService {
  constructor(
    private readonly store: RepairTicketStore,
    private readonly photos: RepairPhotoStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get dir(): string {
    return this.config.repairPhotos.dir;
  }

  async list(actor: Actor, ticketId: number): Promise<RepairPhotoDto[]> {
    await this.store.load(this.store.manager, actor, ticketId);
    return (await this.photos.list(ticketId)).map(toRepairPhotoDto);
  }

  async file(actor: Actor, ticketId: number, photoId: number): Promise<StreamableFile> {
    await this.store.load(this.store.manager, actor, ticketId);
    const photo = await this.photos.find(ticketId, photoId);
    if (!photo) throw ApiException.notFound('repair-photos', photoId);
    const path = join(this.dir, photo.storedPath);
    if (!(await stat(path).catch(() => null))) throw ApiException.notFound('repair-photos', photoId);
    return new StreamableFile(createReadStream(path), {
      type: photo.contentType,
      length: photo.sizeBytes,
      disposition: `inline; filename="${photo.storedPath.split('/').pop()}"`,
    });
  }

  async upload(request: FastifyRequest, actor: Actor, ticketId: number): Promise<RepairPhotoDto> {
    // A ticket the caller may not see answers 404 before any byte is stored.
    this.store.requireOpen(await this.store.load(this.store.manager, actor, ticketId));
    const upload = await receiveUpload(request, {
      dir: this.dir,
      maxBytes: this.config.repairPhotos.maxBytes,
      fields: [],
    });
    try {
      const decoded = await decodePhoto(upload.path, this.config.repairPhotos.maxPixels);
      if (!decoded.ok) {
        throw new ApiException(HttpStatus.BAD_REQUEST, decoded.reason, [
          { field: 'file', reason: decoded.reason },
        ]);
      }
      const image = decoded.photo;
      const sha256 = createHash('sha256').update(image.data).digest('hex');
      return await this.store.write(async (manager) => {
        const ticket = await this.store.load(manager, actor, ticketId, true);
        this.store.requireOpen(ticket);
        const count = await this.photos.count(manager, ticketId);
        if (count >= MAX_PHOTOS_PER_TICKET) {
          throw ApiException.conflict(
            {
              zh: `每张维修单最多 ${MAX_PHOTOS_PER_TICKET} 张照片`,
              en: `A repair ticket holds at most ${MAX_PHOTOS_PER_TICKET} photos`,
            },
            'file',
          );
        }
        const storedPath = `${ticketId}/${sha256}.${image.ext}`;
        const photo = await this.photos.add(manager, {
          ticketId,
          fileName: upload.fileName.slice(0, 255),
          storedPath,
          contentType: image.contentType,
          sizeBytes: image.data.length,
          sha256,
          uploadedByUserId: actor.userId,
        });
        await mkdir(dirname(join(this.dir, storedPath)), { recursive: true });
        await writeFile(join(this.dir, storedPath), image.data);
        const after = toRepairPhotoDto(photo);
        await this.store.record(manager, {
          actor,
          action: 'create',
          resource: 'repair-photos',
          resourceId: photo.id,
          after: { ...after, ticketNo: ticket.ticketNo, sha256, uploadedSha256: upload.sha256 },
        });
        return after;
      });
    } finally {
      await rm(upload.path, { force: true });
    }
  }
}
