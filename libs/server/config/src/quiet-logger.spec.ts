import { QuietLogger } from './quiet-logger';

describe('QuietLogger', () => {
  const printed = (level: 'log' | 'debug', context: string) => {
    const logger = new QuietLogger(level);
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      logger.log('Mapped {/api/devices, GET} route', context);
      return write.mock.calls.map(([chunk]) => String(chunk)).join('');
    } finally {
      write.mockRestore();
    }
  };

  it('keeps route-mapping and module lines out of the default log, so the login banner stands out', () => {
    expect(printed('log', 'RouterExplorer')).toBe('');
    expect(printed('log', 'RoutesResolver')).toBe('');
    expect(printed('log', 'InstanceLoader')).toBe('');
  });

  it('prints other lines at the default level, and the start-up lines from debug on', () => {
    expect(printed('log', 'Api')).toContain('Mapped {/api/devices, GET} route');
    expect(printed('debug', 'RouterExplorer')).toContain('Mapped {/api/devices, GET} route');
  });
});
