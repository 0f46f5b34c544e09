import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, loadConfig } from './app-config';
import { Clock } from './clock';
import type { App } from './settings';

/**
 * Provides the configuration of one app (api or worker), validated once when the module is built, and
 * the clock every "now" comes from.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(app: App): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useFactory: (): AppConfig => loadConfig(process.env, app) }, Clock],
      exports: [APP_CONFIG, Clock],
    };
  }
}
