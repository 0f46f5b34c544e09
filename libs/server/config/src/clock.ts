import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from './app-config';

/**
 * The one source of "now" in the server: services, controllers and jobs ask it instead of calling
 * `new Date()`, so a test can run the product at a moment of its choosing (CLOCK_START, honoured only
 * in tests) and the suite does not expire when the calendar moves on.
 */
@Injectable()
export class Clock {
  private readonly offsetMs: number;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'clockStart'>) {
    this.offsetMs = config.clockStart ? config.clockStart.getTime() - Date.now() : 0;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}
