import { DAY_MS, formatIsoDuration, isDayOrMore, IsoDurationError, parseIsoDuration } from './iso-duration';

describe('parseIsoDuration', () => {
  it.each([
    ['-P30D', -30 * DAY_MS, '-P30D'],
    ['-P7D', -7 * DAY_MS, '-P7D'],
    ['P1D', DAY_MS, 'P1D'],
    ['PT0S', 0, 'PT0S'],
    ['-PT0S', 0, 'PT0S'],
    ['PT5S', 5000, 'PT5S'],
    ['-PT2H', -2 * 3600_000, '-PT2H'],
    ['P1W', 7 * DAY_MS, 'P7D'],
    ['+P1D', DAY_MS, 'P1D'],
    ['P1DT2H30M', DAY_MS + 2.5 * 3600_000, 'P1DT2H30M'],
    ['PT48H', 2 * DAY_MS, 'P2D'],
    ['PT90M', 90 * 60_000, 'PT1H30M'],
  ])('%s → %d ms, canonical %s', (text, ms, canonical) => {
    expect(parseIsoDuration(text)).toEqual({ ms, text: canonical });
  });

  it.each([
    ['7D', /must start with "P"/],
    ['', /expected a string/],
    ['P', /has no amount/],
    ['PT', /"T" must be followed/],
    ['P1Y', /years and months are not supported/],
    ['P1M', /years and months are not supported/],
    ['P-7D', /expected \[-\]P/],
    ['P1.5D', /expected \[-\]P/],
    ['P1W2D', /weeks cannot be combined/],
    ['p1d', /must start with "P"/],
    ['P1DT', /"T" must be followed/],
    ['-P7D ', null],
  ])('%p is rejected with a clear message', (text, message) => {
    if (message === null) {
      expect(parseIsoDuration(text).text).toBe('-P7D'); // surrounding whitespace is tolerated
      return;
    }
    expect(() => parseIsoDuration(text)).toThrow(IsoDurationError);
    expect(() => parseIsoDuration(text)).toThrow(message);
  });

  it('names the bad input in the message', () => {
    expect(() => parseIsoDuration('7D')).toThrow('invalid ISO-8601 duration "7D"');
  });

  it('isDayOrMore: a day or more either way', () => {
    expect(isDayOrMore(parseIsoDuration('-P1D'))).toBe(true);
    expect(isDayOrMore(parseIsoDuration('PT24H'))).toBe(true);
    expect(isDayOrMore(parseIsoDuration('PT23H59M59S'))).toBe(false);
    expect(isDayOrMore(parseIsoDuration('PT0S'))).toBe(false);
  });

  it('formatIsoDuration round-trips', () => {
    for (const t of ['-P30D', 'PT5S', '-PT2H', 'P3DT4H5M6S']) expect(formatIsoDuration(parseIsoDuration(t).ms)).toBe(t);
  });
});
