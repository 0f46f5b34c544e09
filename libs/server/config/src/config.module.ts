import { type DynamicModule, Global, Module } from '@nestjs/common';
import { type AppConfig, loadConfig } from './app-config';
import type { App } from './settings';

/** Injection token of the validated AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** Provides the configuration of one app (api or worker), validated once when the module is built. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(app: App): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useFactory: (): AppConfig => loadConfig(process.env, app) }],
      exports: [APP_CONFIG],
    };
  }
}
