import fc from 'fast-check';
import { maskIdentifier, maskName, maskPhone } from './masks';

describe('maskIdentifier', () => {
  it.each([
    ['089203001234', '089******234'],
    [' 089 203 001 234 ', '089******234'],
    ['0100109106', '010****106'],
    ['0100109106-001', '010********001'],
    ['000.00.22.H01', '000*******H01'],
    // Shorter than 10: keep ⌊length / 4⌋ on each side.
    ['351234567', '35*****67'],
    ['C1234567', 'C1****67'],
    ['AB1234', 'A****4'],
    ['1234', '1**4'],
    ['123', '***'],
    ['1', '*'],
    ['', ''],
  ])('masks %p as %s', (value, masked) => {
    expect(maskIdentifier(value)).toBe(masked);
  });

  it('keeps the length and hides at least 4 characters or half of a short value', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z.-]{1,20}$/), (value) => {
        const masked = maskIdentifier(value);
        expect(masked).toHaveLength(value.length);
        const hidden = Array.from(masked).filter((c, i) => c === '*' && value[i] !== '*').length;
        expect(hidden).toBeGreaterThanOrEqual(value.length >= 10 ? 4 : Math.ceil(value.length / 2));
      }),
    );
  });
});

describe('maskPhone', () => {
  it.each([
    ['0912345678', '091****678'],
    ['0912 345 678', '091****678'],
    ['091.234.5678', '091****678'],
    ['(028) 3812-3456', '028*****456'],
    ['+84912345678', '+84******678'],
    ['1022', '1**2'],
    ['113', '***'],
    ['', ''],
  ])('masks %p as %s', (value, masked) => {
    expect(maskPhone(value)).toBe(masked);
  });
});

describe('maskName', () => {
  it.each([
    ['Nguyễn Văn An', 'Nguyễn V. A.'],
    ['  Trần   Thị  Minh Khai ', 'Trần T. M. K.'],
    ['lê văn đức', 'lê V. Đ.'],
    ['Phạm Ánh', 'Phạm Á.'],
    ['Hồ Ưng', 'Hồ Ư.'],
    ['An', 'An'],
    ['', ''],
    ['   ', ''],
  ])('masks %p as %s', (value, masked) => {
    expect(maskName(value)).toBe(masked);
  });

  it('composes decomposed input first', () => {
    expect(maskName('Nguyễn Văn Ánh'.normalize('NFD'))).toBe('Nguyễn V. Á.');
  });

  it('keeps a decomposed initial whole', () => {
    // A letter with a combining mark that has no precomposed form stays with its mark.
    expect(maskName('Smith J\u0331ohn')).toBe('Smith J\u0331.');
  });
});
