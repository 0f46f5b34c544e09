import { ConsoleLogger } from '@nestjs/common';
import { enabledLogLevels, type LogLevel } from './app-config';

/**
 * Nest's start-up chatter: a line per module wired and per route mapped (some 200 lines), which buries
 * the login banner `npm start` prints (API and worker alike). Shown from LOG_LEVEL=debug on, where someone is looking for it.
 */
export const STARTUP_CONTEXTS: ReadonlySet<string> = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
]);

/** The API's and the worker's logger: the configured levels, without the start-up chatter below `debug`. */
export class QuietLogger extends ConsoleLogger {
  private readonly chatty: boolean;

  constructor(level: LogLevel) {
    super({ logLevels: enabledLogLevels(level) });
    this.chatty = enabledLogLevels(level).includes('debug');
  }

  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (!this.chatty && typeof context === 'string' && STARTUP_CONTEXTS.has(context)) return;
    super.log(message, ...rest);
  }
}
