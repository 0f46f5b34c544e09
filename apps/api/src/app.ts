import { existsSync } from 'node:fs';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig, enabledLogLevels } from '@fleet/server/config';
import { IMPORT_MAX_BYTES } from '@fleet/server/feature-imports';
import { installEdge, RAW_UPLOAD_TYPES, UsersService } from '@fleet/server/platform';
import { useContainer } from 'class-validator';
import { AppModule } from './app.module';

/**
 * Builds the API (not yet listening): Fastify, everything under /api, OpenAPI at /api/docs, the built
 * console at / when there is one, and the first admin when configured. Tests use this too.
 */
export async function createApp(): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    new FastifyAdapter({ trustProxy: true, bodyLimit: 10 * 1024 * 1024 }),
    { bufferLogs: true },
  );
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(enabledLogLevels(config.logLevel));
  // Lets class-validator constraints (the badge number's configured pattern) come from Nest's container.
  useContainer(app.select(AppModule), { fallbackOnErrors: true });
  app.setGlobalPrefix('api');
  app.enableCors({ exposedHeaders: ['Content-Range'] });
  app.enableShutdownHooks();
  installEdge(app, config.limits);
  await app.register(multipart, { limits: { fileSize: IMPORT_MAX_BYTES } });
  // A file sent as the body itself stays a stream for receiveUpload (no buffering, no body limit here).
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(RAW_UPLOAD_TYPES, (_request, payload, done) => done(null, payload));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Police phone fleet API')
      .setDescription("Devices, SIMs, custody, usage, overage and repairs of a bureau's leased police phones")
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);

  if (config.consoleDir && existsSync(join(config.consoleDir, 'index.html'))) {
    app.useStaticAssets({ root: config.consoleDir, prefix: '/', index: 'index.html' });
  }
  await app.get(UsersService).bootstrapAdmin();
  return app;
}
