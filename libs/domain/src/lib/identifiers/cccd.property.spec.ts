import fc from 'fast-check';
import { CCCD_PROVINCE_CODES, cccdWarnings, parseCccd } from './cccd';
import { checkIdentifier } from './check-identifier';

const provinces = Object.keys(CCCD_PROVINCE_CODES);
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
/** A person born 1900–2099, with the century/sex digit the CCCD rules give them (DOMAIN §7). */
const person = fc.record({
  province: fc.constantFrom(...provinces),
  year: fc.integer({ min: 1900, max: 2099 }),
  sex: fc.constantFrom<'MALE' | 'FEMALE'>('MALE', 'FEMALE'),
  serial: digits(6),
});
const cccdOf = (p: { province: string; year: number; sex: 'MALE' | 'FEMALE'; serial: string }) =>
  `${p.province}${(p.year >= 2000 ? 2 : 0) + (p.sex === 'FEMALE' ? 1 : 0)}${String(p.year % 100).padStart(2, '0')}${p.serial}`;

describe('CCCD validator properties', () => {
  it('accepts every well-formed number and reads back the province, sex and birth year', () => {
    fc.assert(
      fc.property(person, (p) => {
        const value = cccdOf(p);
        expect(checkIdentifier('CCCD', value)).toEqual({ valid: true, normalized: value });
        expect(parseCccd(value)).toMatchObject({ birthYear: p.year, sex: p.sex });
        expect(cccdWarnings(value, `${p.year}-06-15`, p.sex)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('warns, never rejects, when the entered birth year or sex disagrees with the digits', () => {
    fc.assert(
      fc.property(person, fc.integer({ min: 1, max: 80 }), (p, shift) => {
        const value = cccdOf(p);
        const otherYear = p.year + shift <= 2099 ? p.year + shift : p.year - shift;
        expect(cccdWarnings(value, `${otherYear}-06-15`, p.sex).length).toBeGreaterThan(0);
        expect(cccdWarnings(value, `${p.year}-06-15`, p.sex === 'MALE' ? 'FEMALE' : 'MALE').length).toBeGreaterThan(0);
        expect(checkIdentifier('CCCD', value).valid).toBe(true);
      }),
    );
  });

  it('rejects a province code outside the list and any length other than 12 digits', () => {
    const unknownProvince = digits(3).filter((code) => !provinces.includes(code));
    fc.assert(
      fc.property(unknownProvince, digits(9), (province, rest) => {
        expect(checkIdentifier('CCCD', province + rest).valid).toBe(false);
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }).filter((n) => n !== 12),
        (n) => {
          expect(checkIdentifier('CCCD', '0'.repeat(n)).valid).toBe(false);
        },
      ),
    );
  });
});
