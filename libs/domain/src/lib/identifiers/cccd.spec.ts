import { CCCD_PROVINCE_CODES, cccdWarnings, checkCccd, checkCmnd, parseCccd } from './cccd';
import { checkIdentifier } from './check-identifier';

const VIETNAMESE_DIACRITICS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

describe('CCCD_PROVINCE_CODES', () => {
  it('lists the 63 pre-2025 provinces', () => {
    expect(Object.keys(CCCD_PROVINCE_CODES)).toHaveLength(63);
    expect(new Set(Object.values(CCCD_PROVINCE_CODES)).size).toBe(63);
  });

  it.each([
    ['001', 'Hà Nội'],
    ['031', 'Hải Phòng'],
    ['046', 'Thừa Thiên Huế'],
    ['048', 'Đà Nẵng'],
    ['077', 'Bà Rịa – Vũng Tàu'],
    ['079', 'Thành phố Hồ Chí Minh'],
    ['087', 'Đồng Tháp'],
    ['089', 'An Giang'],
    ['091', 'Kiên Giang'],
    ['096', 'Cà Mau'],
  ])('maps %s to %s', (code, name) => {
    expect(CCCD_PROVINCE_CODES[code]).toBe(name);
  });

  it('uses 3-digit codes from 001 to 096', () => {
    for (const code of Object.keys(CCCD_PROVINCE_CODES)) {
      expect(code).toMatch(/^0[0-9]{2}$/);
      expect(Number(code)).toBeGreaterThanOrEqual(1);
      expect(Number(code)).toBeLessThanOrEqual(96);
    }
  });

  it('cannot be modified', () => {
    expect(Object.isFrozen(CCCD_PROVINCE_CODES)).toBe(true);
  });
});

describe('CCCD validation', () => {
  it.each(Object.entries(CCCD_PROVINCE_CODES))('accepts province code %s (%s)', (code, name) => {
    const value = `${code}203001234`;
    expect(checkIdentifier('CCCD', value)).toEqual({ valid: true, normalized: value });
    expect(parseCccd(value)?.provinceName).toBe(name);
    expect(parseCccd(value)?.provinceCode).toBe(code);
  });

  it.each(['000', '003', '005', '090', '097'])('rejects missing province code %s', (code) => {
    const result = checkIdentifier('CCCD', `${code}203001234`);
    expect(result.valid).toBe(false);
    expect(result.rule).toBe('cccdProvince');
    expect(result.message).toContain(code);
    expect(parseCccd(`${code}203001234`)).toBeUndefined();
  });

  it('rejects every 3-digit code outside the list and accepts every code in it', () => {
    for (let n = 0; n < 1000; n++) {
      const code = String(n).padStart(3, '0');
      const result = checkCccd(`${code}0850123456`.slice(0, 12));
      if (code in CCCD_PROVINCE_CODES) {
        expect(result.valid).toBe(true);
      } else {
        expect(result.rule).toBe('cccdProvince');
      }
    }
  });

  it.each([
    ['', 'empty'],
    ['08920300123', '11 digits'],
    ['0892030012345', '13 digits'],
    ['08920300123A', 'a letter'],
    ['089-203-001-234', 'dashes'],
    ['089.203.001.234', 'dots'],
    ['٠٨٩٢٠٣٠٠١٢٣٤', 'non-ASCII digits'],
    ['089203001234.', 'trailing punctuation'],
  ])('rejects %p (%s) with cccdFormat', (value) => {
    const result = checkIdentifier('CCCD', value);
    expect(result.valid).toBe(false);
    expect(result.rule).toBe('cccdFormat');
    expect(result.message).toBe('Số CCCD (số định danh cá nhân) phải gồm đúng 12 chữ số.');
  });

  it.each([
    [' 089203001234 ', '089203001234'],
    ['089 203 001 234', '089203001234'],
    ['\t089 2030\u00a001234\n', '089203001234'],
  ])('normalizes %p to %s', (value, normalized) => {
    expect(checkIdentifier('CCCD', value)).toEqual({ valid: true, normalized });
  });

  it('keeps the normalized value when invalid', () => {
    expect(checkIdentifier('CCCD', ' 003 203 001 234 ').normalized).toBe('003203001234');
  });

  it('reports Vietnamese messages', () => {
    for (const value of ['123', '003203001234']) {
      expect(checkIdentifier('CCCD', value).message).toMatch(VIETNAMESE_DIACRITICS);
    }
  });
});

describe('parseCccd', () => {
  it.each([
    ['0', 20, 'MALE', 1985],
    ['1', 20, 'FEMALE', 1985],
    ['2', 21, 'MALE', 2085],
    ['3', 21, 'FEMALE', 2085],
    ['4', 22, 'MALE', 2185],
    ['5', 22, 'FEMALE', 2185],
    ['6', 23, 'MALE', 2285],
    ['7', 23, 'FEMALE', 2285],
    ['8', 24, 'MALE', 2385],
    ['9', 24, 'FEMALE', 2385],
  ])('reads century digit %s as century %i, %s, born %i', (g, century, sex, birthYear) => {
    expect(parseCccd(`089${g}85001234`)).toEqual({
      provinceCode: '089',
      provinceName: 'An Giang',
      century,
      sex,
      birthYear,
    });
  });

  it('reads the two year digits', () => {
    expect(parseCccd('001300001234')?.birthYear).toBe(2000);
    expect(parseCccd('001099001234')?.birthYear).toBe(1999);
    expect(parseCccd('001203001234')?.birthYear).toBe(2003);
    expect(parseCccd('001100001234')?.birthYear).toBe(1900);
  });

  it('accepts unnormalized input', () => {
    expect(parseCccd(' 079 185 001 234 ')?.birthYear).toBe(1985);
  });

  it.each(['', '08920300123', '003203001234', 'abcdefghijkl'])('returns undefined for invalid %p', (value) => {
    expect(parseCccd(value)).toBeUndefined();
  });
});

describe('cccdWarnings', () => {
  // 089 An Giang, G = 3 (2000s, female), YY = 03 → female born 2003.
  const woman2003 = '089303001234';
  // 079, G = 0 (1900s, male), YY = 85 → male born 1985.
  const man1985 = '079085001234';

  it('is empty when birth year and sex agree', () => {
    expect(cccdWarnings(woman2003, '2003-05-17', 'FEMALE')).toEqual([]);
    expect(cccdWarnings(man1985, '1985-01-01', 'MALE')).toEqual([]);
    expect(cccdWarnings(man1985, '1985-12-31', 'MALE')).toEqual([]);
  });

  it('is empty when nothing is entered to compare with', () => {
    expect(cccdWarnings(woman2003)).toEqual([]);
    expect(cccdWarnings(woman2003, undefined, undefined)).toEqual([]);
    expect(cccdWarnings(woman2003, '')).toEqual([]);
  });

  it('warns when the birth year differs', () => {
    expect(cccdWarnings(woman2003, '2002-12-31', 'FEMALE')).toEqual(['Số CCCD cho biết năm sinh 2003, khác với năm sinh đã nhập (2002).']);
    expect(cccdWarnings(man1985, '2085-03-01')).toEqual(['Số CCCD cho biết năm sinh 1985, khác với năm sinh đã nhập (2085).']);
  });

  it('warns when the sex differs', () => {
    expect(cccdWarnings(woman2003, '2003-05-17', 'MALE')).toEqual(['Số CCCD cho biết giới tính nữ, khác với giới tính đã nhập (nam).']);
    expect(cccdWarnings(man1985, undefined, 'FEMALE')).toEqual(['Số CCCD cho biết giới tính nam, khác với giới tính đã nhập (nữ).']);
  });

  it('warns about both, birth year first', () => {
    const warnings = cccdWarnings(woman2003, '1985-05-17', 'MALE');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('năm sinh');
    expect(warnings[1]).toContain('giới tính');
  });

  it('accepts a bare year or a timestamp as the birth date', () => {
    expect(cccdWarnings(woman2003, '2003')).toEqual([]);
    expect(cccdWarnings(woman2003, '2004')).toHaveLength(1);
    expect(cccdWarnings(woman2003, '2003-05-17T00:00:00Z')).toEqual([]);
  });

  it('ignores an unreadable birth date', () => {
    expect(cccdWarnings(woman2003, '17/05/2002')).toEqual([]);
    expect(cccdWarnings(woman2003, 'not a date')).toEqual([]);
  });

  it('never warns for an invalid number (validation reports it)', () => {
    expect(cccdWarnings('003303001234', '1985-01-01', 'MALE')).toEqual([]);
    expect(cccdWarnings('12345', '1985-01-01', 'MALE')).toEqual([]);
  });

  it('does not make the number invalid', () => {
    expect(cccdWarnings(woman2003, '1985-01-01', 'MALE')).toHaveLength(2);
    expect(checkIdentifier('CCCD', woman2003).valid).toBe(true);
  });

  it('normalizes the number before comparing', () => {
    expect(cccdWarnings(' 089 303 001 234 ', '2003-05-17', 'FEMALE')).toEqual([]);
    expect(cccdWarnings(' 089 303 001 234 ', '2003-05-17', 'MALE')).toHaveLength(1);
  });
});

describe('CMND validation', () => {
  it.each([
    ['351234567', '351234567'],
    [' 351 234 567 ', '351234567'],
    ['000000000', '000000000'],
  ])('accepts %p as %s', (value, normalized) => {
    expect(checkIdentifier('CMND', value)).toEqual({ valid: true, normalized });
    expect(checkCmnd(value)).toEqual({ valid: true, normalized });
  });

  it.each(['', '35123456', '3512345678', '089203001234', '35123456A', '351-234-567'])('rejects %p', (value) => {
    expect(checkIdentifier('CMND', value)).toMatchObject({
      valid: false,
      rule: 'cmndFormat',
      message: 'Số CMND phải gồm đúng 9 chữ số.',
    });
  });
});
