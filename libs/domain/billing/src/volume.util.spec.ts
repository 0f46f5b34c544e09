import { dataVolume, formatDataVolume } from './volume.util';

describe('dataVolume', () => {
  it.each([
    [21_819_392, '20.81 GB'],
    [1024 * 1024, '1.00 GB'],
    [1024 * 1024 - 1, '1024.00 MB'],
    [1536, '1.50 MB'],
    [0, '0.00 MB'],
    [50 * 1024 * 1024, '50.00 GB'],
  ])('%i KB reads %s', (kb, text) => {
    expect(formatDataVolume(kb)).toBe(text);
  });

  it('gives the figure and the unit apart for a translated label', () => {
    expect(dataVolume(3 * 1024 * 1024)).toEqual({ value: '3.00', unit: 'GB' });
  });
});
