import fc from 'fast-check';
import { checkIdentifier } from './check-identifier';
import { taxCodeCheckDigit } from './tax-code';

// Independent oracle: the weighted sum of the first 9 digits.
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];
const weightedSum = (first9: string): number => WEIGHTS.reduce((sum, w, i) => sum + w * Number(first9[i]), 0);

const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((ds) => ds.join(''));
const first9 = digits(9);
const validCode = first9.filter((p) => weightedSum(p) % 11 !== 0).map((p) => p + String(10 - (weightedSum(p) % 11)));
const config = { numRuns: 500 };

describe('tax code properties', () => {
  it('any 9 digits plus their computed check digit (when not 10) form a valid code', () => {
    fc.assert(
      fc.property(first9, (p) => {
        const digit = taxCodeCheckDigit(p);
        const remainder = weightedSum(p) % 11;
        if (remainder === 0) {
          expect(digit).toBeUndefined();
          for (let d = 0; d <= 9; d++) expect(checkIdentifier('TAX_CODE', p + d).valid).toBe(false);
        } else {
          expect(digit).toBe(10 - remainder);
          expect(checkIdentifier('TAX_CODE', `${p}${digit}`)).toEqual({ valid: true, normalized: `${p}${digit}` });
        }
      }),
      config,
    );
  });

  it('exactly one check digit completes 9 digits, except when the formula gives 10', () => {
    fc.assert(
      fc.property(first9, (p) => {
        const valid = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => checkIdentifier('TAX_CODE', p + d).valid);
        expect(valid.length).toBe(weightedSum(p) % 11 === 0 ? 0 : 1);
      }),
      config,
    );
  });

  it('changing any single digit of a valid code makes it invalid', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (code, position, shift) => {
        const changed = code.slice(0, position) + String((Number(code[position]) + shift) % 10) + code.slice(position + 1);
        expect(changed).not.toBe(code);
        if (position < 9) {
          // Weights are nonzero and below 11, digit changes are between −9 and 9: the sum mod 11 always moves.
          expect(weightedSum(changed.slice(0, 9)) % 11).not.toBe(weightedSum(code.slice(0, 9)) % 11);
        }
        const result = checkIdentifier('TAX_CODE', changed);
        expect(result.valid).toBe(false);
        expect(result.rule).toBe('taxCodeCheckDigit');
      }),
      config,
    );
  });

  it('no single-digit change keeps the weighted sum mod 11 (exhaustive over weights and differences)', () => {
    for (const w of WEIGHTS) {
      for (let delta = -9; delta <= 9; delta++) {
        if (delta !== 0) expect((((w * delta) % 11) + 11) % 11).not.toBe(0);
      }
    }
  });

  it('a valid code with any suffix other than 000 is a valid branch code, with or without the dash', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 1, max: 999 }), fc.boolean(), (code, n, dashed) => {
        const suffix = String(n).padStart(3, '0');
        const input = dashed ? `${code}-${suffix}` : code + suffix;
        expect(checkIdentifier('TAX_CODE', input)).toEqual({ valid: true, normalized: `${code}-${suffix}` });
        expect(checkIdentifier('TAX_CODE', `${code}-000`).rule).toBe('taxCodeBranch');
      }),
      config,
    );
  });
});
