import fc from 'fast-check';
import { formatDossierCode, LOOKUP_SECRET_ALPHABET, LOOKUP_SECRET_LENGTH, lookupSecretFromBytes, parseDossierCode } from './dossier-code';

const segment = fc.stringMatching(/^[0-9A-Z]{2,3}$/);
const agencyCode = fc.tuple(segment, segment, segment, segment).map((parts) => parts.join('.'));
const localDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const sequence = fc.integer({ min: 1, max: 99_999 });

describe('dossier code properties (DOMAIN §6)', () => {
  it('formats every agency, day and sequence into a code that parses back to the same parts', () => {
    fc.assert(
      fc.property(agencyCode, localDate, sequence, (agency, day, seq) => {
        const code = formatDossierCode(agency, day, seq);
        expect(parseDossierCode(code)).toEqual({ agencyCode: agency, yymmdd: day.slice(2).replace(/-/g, ''), sequence: seq });
        expect(code.split('-').pop()?.length).toBe(Math.max(4, String(seq).length));
      }),
      { numRuns: 1000 },
    );
  });

  it('orders codes of one agency and day by their sequence while it has four digits', () => {
    fc.assert(
      fc.property(agencyCode, localDate, fc.integer({ min: 1, max: 9998 }), (agency, day, seq) => {
        expect(formatDossierCode(agency, day, seq) < formatDossierCode(agency, day, seq + 1)).toBe(true);
      }),
    );
  });

  it('rejects sequences that are not positive integers', () => {
    fc.assert(
      fc.property(agencyCode, localDate, fc.oneof(fc.integer({ max: 0 }), fc.double({ noInteger: true })), (agency, day, bad) => {
        expect(() => formatDossierCode(agency, day, bad)).toThrow(RangeError);
      }),
    );
  });

  it('makes lookup secrets of 8 unambiguous characters from any random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 32 }), (bytes) => {
        const secret = lookupSecretFromBytes(bytes);
        expect(secret).toHaveLength(LOOKUP_SECRET_LENGTH);
        expect([...secret].every((c) => LOOKUP_SECRET_ALPHABET.includes(c))).toBe(true);
        expect(secret).not.toMatch(/[01ILO]/);
      }),
    );
  });
});
