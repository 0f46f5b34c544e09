import { Body, Delete, Get, Param, ParseIntPipe, Post, Put, Req, type Type } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import type { Role } from '@fleet/shared/contracts';
import {
  type Actor,
  CurrentActor,
  ReadsAlongsideSession,
  type RequestWithActor,
  Roles,
} from '../auth/access.decorators';
import { readAlongsideSession } from '../auth/read-alongside-session';
import { createValidationPipe } from '../errors/validation.pipe';
import { ApiList, RawListParams } from '../list/list-params.decorator';
import { type ListQuery, type ListSpec, parseListQuery } from '../list/list-query';
import type { ListResult } from '../list/list-result';

/** What a read-only controller needs of its service (ReadService provides it). */
export interface ReadPort<D> {
  listFor(actor: Actor, query: ListQuery): Promise<ListResult<D>>;
  getFor(actor: Actor, id: number): Promise<D>;
}

/** What a CRUD controller needs of its service (CrudService provides all of it). */
export interface CrudPort<D, C, U> extends ReadPort<D> {
  create(input: C, actor: Actor): Promise<D>;
  update(id: number, input: U, actor: Actor): Promise<D>;
  remove(id: number, actor: Actor): Promise<D>;
}

export interface ReadControllerOptions {
  spec: ListSpec;
  readRoles: readonly [Role, ...Role[]];
}

export interface CrudControllerOptions<C, U> extends ReadControllerOptions {
  createBody: Type<C>;
  updateBody: Type<U>;
  writeRoles: readonly [Role, ...Role[]];
}

/** A body validated as the given DTO class (the generic base class has no parameter types of its own). */
const validBody = <T>(type: Type<T>) => createValidationPipe(type);

/** The two read routes of a resource (api.md): its list and one record, for the read roles. */
export function ReadController<D>({ spec, readRoles }: ReadControllerOptions) {
  abstract class ReadControllerBase {
    constructor(protected readonly service: ReadPort<D>) {}

    /** Runs alongside the session check: one round trip to the database less a request. */
    @Get()
    @Roles(...readRoles)
    @ReadsAlongsideSession()
    @ApiList(spec)
    list(
      @RawListParams() raw: Record<string, string | undefined>,
      @Req() request: RequestWithActor,
    ): Promise<ListResult<D>> {
      return readAlongsideSession(request, (actor) => this.service.listFor(actor, parseListQuery(spec, raw)));
    }

    @Get(':id')
    @Roles(...readRoles)
    get(@Param('id', ParseIntPipe) id: number, @CurrentActor() actor: Actor): Promise<D> {
      return this.service.getFor(actor, id);
    }
  }
  return ReadControllerBase;
}

/**
 * The five routes of a plain resource (api.md), each declaring its roles: list and get for the read
 * roles, create, update and delete for the write roles. A resource's controller extends the class
 * this returns and adds its own actions.
 */
export function CrudController<D, C extends object, U extends object>(options: CrudControllerOptions<C, U>) {
  const { writeRoles } = options;

  abstract class CrudControllerBase extends ReadController<D>(options) {
    constructor(protected override readonly service: CrudPort<D, C, U>) {
      super(service);
    }

    @Post()
    @Roles(...writeRoles)
    @ApiBody({ type: options.createBody })
    create(@Body(validBody(options.createBody)) body: C, @CurrentActor() actor: Actor): Promise<D> {
      return this.service.create(body, actor);
    }

    @Put(':id')
    @Roles(...writeRoles)
    @ApiBody({ type: options.updateBody })
    update(
      @Param('id', ParseIntPipe) id: number,
      @Body(validBody(options.updateBody)) body: U,
      @CurrentActor() actor: Actor,
    ): Promise<D> {
      return this.service.update(id, body, actor);
    }

    @Delete(':id')
    @Roles(...writeRoles)
    remove(@Param('id', ParseIntPipe) id: number, @CurrentActor() actor: Actor): Promise<D> {
      return this.service.remove(id, actor);
    }
  }
  return CrudControllerBase;
}
