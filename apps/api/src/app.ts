import { existsSync } from 'node:fs';
import { join } from 'node:path';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { HttpStatus } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig, loadConfig, QuietLogger } from '@fleet/server/config';
import { IMPORT_MAX_BYTES } from '@fleet/server/feature-imports';
import { ApiException, installEdge, RAW_UPLOAD_TYPES, UsersService } from '@fleet/server/platform';
import { protectApiDocs } from './security/api-docs-access';
import { CONTENT_SECURITY_POLICY, strictTransportSecurity } from './security/headers';
import { useContainer } from 'class-validator';
import { AppModule } from './app.module';
import { installCompression, serveConsole } from './console-assets';

/** Routes a client address may call LOGIN_RATE_PER_MINUTE times a minute (ASVS 5.0 §6.3.1). */
const THROTTLED_ROUTES = new Set(['/api/auth/login', '/api/auth/refresh', '/api/auth/password']);

/**
 * Builds the API (not yet listening): Fastify, everything under /api, OpenAPI at /api/docs, the built
 * console at / when there is one, and the first administrators when configured. Tests use this too.
 * Security headers on every answer (console, API, print pages), CORS only for the configured origins,
 * and login throttling per client address.
 */
export async function createApp(): Promise<NestFastifyApplication> {
  // Read before the adapter exists: which proxies to believe decides what request.ip and protocol are.
  const { trustProxy } = loadConfig(undefined, 'api');
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    new FastifyAdapter({ trustProxy, bodyLimit: 10 * 1024 * 1024 }),
    { bufferLogs: true },
  );
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(new QuietLogger(config.logLevel));
  // Lets class-validator constraints (the badge number's configured pattern) come from Nest's container.
  useContainer(app.select(AppModule), { fallbackOnErrors: true });
  app.setGlobalPrefix('api');
  // Same origin only unless CORS_ORIGINS lists others; no cookies across origins either way.
  app.enableCors({
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    exposedHeaders: ['Content-Range', 'Content-Disposition'],
  });
  app.enableShutdownHooks();
  installEdge(app, config.limits);
  await installCompression(app);
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // HSTS only on answers that went over TLS (below): over plain HTTP it would mean nothing.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  app.getHttpAdapter().getInstance().addHook('onSend', strictTransportSecurity);
  await app.register(rateLimit, {
    max: config.login.ratePerMinute,
    timeWindow: 60_000,
    allowList: (request) => request.method !== 'POST' || !THROTTLED_ROUTES.has(request.url.split('?')[0]),
    // Thrown by the plugin, answered by ApiExceptionFilter in the caller's language (Retry-After is set).
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new ApiException(HttpStatus.TOO_MANY_REQUESTS, {
        zh: `请求过于频繁，请 ${seconds} 秒后再试`,
        en: `Too many requests: try again in ${seconds} second(s)`,
      });
    },
  });
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
  if (config.apiDocs !== 'off') {
    if (config.apiDocs === 'login') protectApiDocs(app);
    SwaggerModule.setup('api/docs', app, document);
  }

  if (config.consoleDir && existsSync(join(config.consoleDir, 'index.html'))) {
    serveConsole(app, config.consoleDir);
  }
  await app.get(UsersService).bootstrapAdministrators();
  return app;
}
