import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../src/i18n/messages';
import { REASON_CODES, columnName, fieldPath, inferColumns, inferType, parseCsv, proposeBounds, suggestEntityColumn, suggestTag } from '../src/lib/sampleInference';

const SAMPLE = [
  'id_card,手机号,plate_no,uscc,visit_date,district,age,diagnosis,amount,trips,active,note',
  '350102199003071234,13812345678,闽A12345,91350100M000100Y43,2026-01-03,350102,34,J18.9,12.50,3,true,"a, quoted ""note"""',
  '35010219851212567X,13912345678,闽D8K2Q1,91350100M000200Y21,2026-01-04,350103,71,I10,37.5,12,false,plain',
  '350103200101015678,15012345678,京N12345,91350100M000300Y08,2026-01-05,350104,8,E11.9,2.25,0,true,',
].join('\r\n');

describe('parseCsv', () => {
  it('reads quoted fields with commas and doubled quotes, CRLF lines and a byte-order mark', () => {
    const { header, rows } = parseCsv(`\uFEFF${SAMPLE}\r\n`);
    expect(header[0]).toBe('id_card');
    expect(rows).toHaveLength(3);
    expect(rows[0]?.[11]).toBe('a, quoted "note"');
    expect(rows[2]?.[11]).toBe('');
  });

  it('stops after maxRows rows and keeps a last line without a newline', () => {
    expect(parseCsv('a\n1\n2\n3\n4', 2).rows).toEqual([['1'], ['2']]);
    expect(parseCsv('a,b\n1,2').rows).toEqual([['1', '2']]);
  });
});

describe('column names', () => {
  it('makes names the API accepts', () => {
    expect(columnName('Trip Count', 0)).toBe('trip_count');
    expect(columnName('cardNo', 0)).toBe('card_no');
    expect(columnName('2024总量', 3)).toBe('_2024');
    expect(columnName('手机号', 1)).toBe('col_2');
  });
});

describe('inferType', () => {
  it('tells integers, big integers, doubles, dates, timestamps and booleans apart', () => {
    expect(inferType(['1', '-2', ''])).toBe('INTEGER');
    expect(inferType(['1', '3000000000'])).toBe('BIGINT');
    expect(inferType(['1', '2.5'])).toBe('DOUBLE');
    expect(inferType(['2026-01-03', '2026-12-31'])).toBe('DATE');
    expect(inferType(['2026-01-03 08:15:00', '2026-01-03T09:00:00Z'])).toBe('TIMESTAMP');
    expect(inferType(['true', 'FALSE'])).toBe('BOOLEAN');
    expect(inferType(['', ''])).toBe('VARCHAR');
    expect(inferType(['abc', '1'])).toBe('VARCHAR');
  });

  it('keeps codes that look like numbers as text', () => {
    expect(inferType(['350102199003071234', '350103200101015678'])).toBe('VARCHAR');
    expect(inferType(['13812345678', '15012345678'])).toBe('VARCHAR');
    expect(inferType(['350102', '350103'])).toBe('VARCHAR');
    expect(inferType(['007', '012'])).toBe('VARCHAR');
  });
});

describe('suggestTag', () => {
  it('finds identifiers by their values whatever the column is called', () => {
    expect(suggestTag('x', 'VARCHAR', ['350102199003071234', '35010219851212567X']).reason.code).toBe('value_idCard');
    expect(suggestTag('x', 'VARCHAR', ['13812345678', '15012345678']).tag).toBe('IDENTIFIER');
    expect(suggestTag('x', 'VARCHAR', ['闽A12345', '京N12345']).reason.code).toBe('value_plate');
    expect(suggestTag('x', 'VARCHAR', ['91350100M000100Y43']).reason.code).toBe('value_uscc');
  });

  it('needs a pattern to hold for most values', () => {
    expect(suggestTag('x', 'VARCHAR', ['13812345678', 'n/a', 'unknown', 'none']).tag).toBe('ATTRIBUTE');
  });

  it('suggests quasi-identifiers, sensitive and metric columns', () => {
    expect(suggestTag('x', 'VARCHAR', ['350102', '350103'])).toMatchObject({ tag: 'QUASI_IDENTIFIER', reason: { code: 'value_district' } });
    expect(suggestTag('visit_date', 'DATE', ['2026-01-03'])).toMatchObject({ tag: 'QUASI_IDENTIFIER', reason: { code: 'typeDate' } });
    expect(suggestTag('age', 'INTEGER', ['34'])).toMatchObject({ tag: 'QUASI_IDENTIFIER', reason: { code: 'nameAge' } });
    expect(suggestTag('diag', 'VARCHAR', ['J18.9', 'I10'])).toMatchObject({ tag: 'SENSITIVE', reason: { code: 'value_icd10' } });
    expect(suggestTag('fare_amount', 'DOUBLE', ['1.5'])).toMatchObject({ tag: 'METRIC', reason: { code: 'nameAmount' } });
    expect(suggestTag('passenger_count', 'INTEGER', ['123456', '234567'])).toMatchObject({ tag: 'METRIC' });
    expect(suggestTag('amount_note', 'VARCHAR', ['cash'])).toMatchObject({ tag: 'ATTRIBUTE', reason: { code: 'none' } });
  });
});

describe('proposeBounds', () => {
  it('rounds the sample min and max outward', () => {
    expect(proposeBounds(['12.50', '37.5', '2.25'], 'DOUBLE')).toEqual({ lower: 0, upper: 40, granularity: 0.01 });
    expect(proposeBounds(['3', '12', '0'], 'INTEGER')).toEqual({ lower: 0, upper: 20, granularity: 1 });
    expect(proposeBounds(['-15', '1234'], 'INTEGER')).toEqual({ lower: -1000, upper: 2000, granularity: 1 });
  });

  it('keeps lower below upper and answers nothing without numbers', () => {
    expect(proposeBounds(['0', '0'], 'INTEGER')).toEqual({ lower: 0, upper: 1, granularity: 1 });
    expect(proposeBounds(['5'], 'INTEGER')).toEqual({ lower: 5, upper: 6, granularity: 1 });
    expect(proposeBounds(['', 'x'], 'INTEGER')).toBeNull();
  });
});

describe('inferColumns', () => {
  it('turns a sample into columns with tags, reasons and bounds', () => {
    const { header, rows } = parseCsv(SAMPLE);
    const cols = inferColumns(header, rows);
    const by = Object.fromEntries(cols.map((c) => [c.header, c]));
    expect(by['id_card']).toMatchObject({ name: 'id_card', type: 'VARCHAR', tag: 'IDENTIFIER' });
    expect(by['手机号']).toMatchObject({ name: 'col_2', tag: 'IDENTIFIER', reason: { code: 'value_mobile' } });
    expect(by['plate_no']?.tag).toBe('IDENTIFIER');
    expect(by['uscc']?.tag).toBe('IDENTIFIER');
    expect(by['visit_date']).toMatchObject({ type: 'DATE', tag: 'QUASI_IDENTIFIER' });
    expect(by['district']?.tag).toBe('QUASI_IDENTIFIER');
    expect(by['age']).toMatchObject({ type: 'INTEGER', tag: 'QUASI_IDENTIFIER' });
    expect(by['diagnosis']?.tag).toBe('SENSITIVE');
    expect(by['amount']).toMatchObject({ type: 'DOUBLE', tag: 'METRIC', lower: 0, upper: 40, granularity: 0.01 });
    expect(by['trips']).toMatchObject({ type: 'INTEGER', tag: 'ATTRIBUTE' });
    expect(by['active']?.type).toBe('BOOLEAN');
    expect(suggestEntityColumn(cols)).toBe('id_card');
  });

  it('never gives two columns the same name', () => {
    const names = inferColumns(['a b', 'a-b', '电话'], [['1', '2', '3']]).map((c) => c.name);
    expect(new Set(names).size).toBe(3);
  });
});

describe('fieldPath', () => {
  it('reads a problem field as a form path', () => {
    expect(fieldPath('columns[2].lower')).toEqual(['columns', 2, 'lower']);
    expect(fieldPath('sharingCondition')).toEqual(['sharingCondition']);
  });
});

describe('reasons in words', () => {
  it('has words for every reason in both languages', () => {
    for (const code of REASON_CODES) {
      expect(MESSAGES.zh, code).toHaveProperty(`reason_${code}`);
      expect(MESSAGES.en, code).toHaveProperty(`reason_${code}`);
    }
  });
});
