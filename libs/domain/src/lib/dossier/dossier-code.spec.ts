import fc from 'fast-check';
import { formatDossierCode, lookupSecretFromBytes, LOOKUP_SECRET_ALPHABET, parseDossierCode } from './dossier-code';

describe('dossier code', () => {
  it('formats the DOMAIN §6 example', () => {
    expect(formatDossierCode('000.00.22.H01', '2026-02-23', 1)).toBe('000.00.22.H01-260223-0001');
  });

  it('grows past 9999 instead of wrapping', () => {
    expect(formatDossierCode('000.00.22.H01', '2026-02-23', 10000)).toBe('000.00.22.H01-260223-10000');
  });

  it('rejects a bad sequence or date', () => {
    expect(() => formatDossierCode('000.00.22.H01', '2026-02-23', 0)).toThrow(RangeError);
    expect(() => formatDossierCode('000.00.22.H01', '23/02/2026', 1)).toThrow(RangeError);
  });

  it('parses what it formats (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999 }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (seq, date) => {
          const localDate = date.toISOString().slice(0, 10);
          const code = formatDossierCode('000.00.31.H01', localDate, seq);
          expect(parseDossierCode(code)).toEqual({
            agencyCode: '000.00.31.H01',
            yymmdd: localDate.slice(2).replace(/-/g, ''),
            sequence: seq,
          });
        },
      ),
    );
  });

  it('makes lookup secrets of 8 unambiguous characters', () => {
    const secret = lookupSecretFromBytes(new Uint8Array([0, 1, 2, 3, 250, 251, 252, 255]));
    expect(secret).toHaveLength(8);
    for (const c of secret) expect(LOOKUP_SECRET_ALPHABET).toContain(c);
    expect(LOOKUP_SECRET_ALPHABET).not.toMatch(/[01OIL]/);
  });
});
