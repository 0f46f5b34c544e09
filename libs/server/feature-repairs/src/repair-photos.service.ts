import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { HttpStatus, Inject, Injectable, StreamableFile } from '@nestjs/common';
import type { RepairPhotoDto } from '@fleet/shared/contracts';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import { RepairPhotoEntity } from '@fleet/server/persistence';
import { type Actor, ApiException, receiveUpload } from '@fleet/server/platform';
import type { FastifyRequest } from 'fastify';
import { toRepairPhotoDto } from './repair-ticket.mapper';
import { RepairTicketStore } from './repair-ticket.store';

/** At most this many photos a ticket: enough for the damage from every side. */
export const MAX_PHOTOS_PER_TICKET = 20;

const IMAGE_TYPES = [
  { type: 'image/jpeg', ext: 'jpg', test: (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: 'image/png',
    ext: 'png',
    test: (b: Buffer) =>
      b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    type: 'image/webp',
    ext: 'webp',
    test: (b: Buffer) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
  },
] as const;

/** The image type of a file by its first bytes (its name and the browser's claim are not trusted). */
export async function sniffImage(path: string): Promise<(typeof IMAGE_TYPES)[number] | null> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(12);
    const { bytesRead } = await file.read(head, 0, 12, 0);
    return IMAGE_TYPES.find((t) => t.test(head.subarray(0, bytesRead))) ?? null;
  } finally {
    await file.close();
  }
}

/**
 * Photos of the damage, taken at intake: JPEG, PNG or WebP checked by their content, at most
 * REPAIR_PHOTO_MAX_BYTES each and 20 a ticket, kept under REPAIR_PHOTO_DIR/<ticket id>/<sha256>.<ext>.
 */
@Injectable()
export class RepairPhotosService {
  constructor(
    private readonly store: RepairTicketStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get dir(): string {
    return this.config.repairPhotos.dir;
  }

  async list(actor: Actor, ticketId: number): Promise<RepairPhotoDto[]> {
    const manager = this.store.dataSource.manager;
    await this.store.load(manager, actor, ticketId);
    const photos = await manager.find(RepairPhotoEntity, { where: { ticketId }, order: { id: 'ASC' } });
    return photos.map(toRepairPhotoDto);
  }

  async file(actor: Actor, ticketId: number, photoId: number): Promise<StreamableFile> {
    const manager = this.store.dataSource.manager;
    await this.store.load(manager, actor, ticketId);
    const photo = await manager.findOneBy(RepairPhotoEntity, { id: photoId, ticketId });
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
    this.store.requireOpen(await this.store.load(this.store.dataSource.manager, actor, ticketId));
    const upload = await receiveUpload(request, {
      dir: this.dir,
      maxBytes: this.config.repairPhotos.maxBytes,
      fields: [],
    });
    try {
      const image = await sniffImage(upload.path);
      if (!image) {
        const text = {
          zh: '文件不是 JPEG、PNG 或 WebP 格式的图片',
          en: 'The file is not a JPEG, PNG or WebP image',
        };
        throw new ApiException(HttpStatus.BAD_REQUEST, text, [{ field: 'file', reason: text }]);
      }
      return await this.store.write(async (manager) => {
        const ticket = await this.store.load(manager, actor, ticketId, true);
        this.store.requireOpen(ticket);
        const count = await manager.countBy(RepairPhotoEntity, { ticketId });
        if (count >= MAX_PHOTOS_PER_TICKET) {
          throw ApiException.conflict(
            {
              zh: `每张维修单最多 ${MAX_PHOTOS_PER_TICKET} 张照片`,
              en: `A repair ticket holds at most ${MAX_PHOTOS_PER_TICKET} photos`,
            },
            'file',
          );
        }
        const storedPath = `${ticketId}/${upload.sha256}.${image.ext}`;
        const photo = await manager.save(
          manager.create(RepairPhotoEntity, {
            ticketId,
            fileName: upload.fileName.slice(0, 255),
            storedPath,
            contentType: image.type,
            sizeBytes: upload.sizeBytes,
            sha256: upload.sha256,
            uploadedByUserId: actor.userId,
          }),
        );
        await mkdir(dirname(join(this.dir, storedPath)), { recursive: true });
        await rename(upload.path, join(this.dir, storedPath));
        const after = toRepairPhotoDto(photo);
        await this.store.record(manager, {
          actor,
          action: 'create',
          resource: 'repair-photos',
          resourceId: photo.id,
          after: { ...after, ticketNo: ticket.ticketNo, sha256: upload.sha256 },
        });
        return after;
      });
    } finally {
      await rm(upload.path, { force: true });
    }
  }
}
