import { describe, expect, it } from 'vitest';
import { divisionCell, divisionName, isDivisionColumn } from '../src/lib/divisions';
import data from '../src/data/divisions.json';

describe('division names', () => {
  it('names a known code in the chosen language', () => {
    expect(divisionName('350103', 'zh')).toBe('台江区');
    expect(divisionName('350103', 'en')).toBe('Taijiang');
    expect(divisionName('350100', 'zh')).toBe('福州市');
    expect(divisionName('350000', 'en')).toBe('Fujian');
    expect(divisionName('350181', 'zh')).toBe('福清市');
  });

  it('leaves an unknown code, and anything not a string, as it is', () => {
    expect(divisionName('350199', 'zh')).toBe('350199');
    expect(divisionName('L001', 'en')).toBe('L001');
    expect(divisionName(350103, 'zh')).toBe(350103);
    expect(divisionName(null, 'zh')).toBeNull();
    expect(divisionName(undefined, 'en')).toBeUndefined();
  });

  it('holds six-digit codes, each once, each named in both languages', () => {
    const codes = data.divisions.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const d of data.divisions) {
      expect(d.code, d.zh).toMatch(/^35\d{4}$/);
      expect(d.zh.trim(), d.code).not.toBe('');
      expect(d.en.trim(), d.code).not.toBe('');
    }
    // Fujian, its nine prefecture-level cities, Fuzhou's thirteen county-level divisions
    expect(codes.filter((c) => /^35\d\d00$/.test(c) && c !== '350000')).toHaveLength(9);
    expect(codes.filter((c) => c.startsWith('3501') && c !== '350100')).toHaveLength(13);
  });
});

describe('district cells', () => {
  it('knows a district column by its name', () => {
    expect(isDivisionColumn('district_code')).toBe(true);
    expect(isDivisionColumn('home_district_code')).toBe(true);
    expect(isDivisionColumn('district')).toBe(true);
    expect(isDivisionColumn('route_id')).toBe(false);
    expect(isDivisionColumn('district_count')).toBe(false);
  });

  it('shows a known code of a district column by name, with the code beside it', () => {
    expect(divisionCell('district_code', '350103', 'zh')).toEqual({ name: '台江区', code: '350103' });
    expect(divisionCell('district_code', '350102', 'en')).toEqual({ name: 'Gulou', code: '350102' });
  });

  it('leaves other columns, unknown codes and numbers to the ordinary rendering', () => {
    expect(divisionCell('route_id', '350103', 'zh')).toBeNull();
    expect(divisionCell('district_code', '999999', 'zh')).toBeNull();
    expect(divisionCell('district_code', 350103, 'zh')).toBeNull();
    expect(divisionCell('district_code', null, 'zh')).toBeNull();
  });
});
