import { describe, expect, it } from 'vitest';
import { Table, TimestampMillisecond, Utf8, makeVector, tableFromArrays, tableToIPC, vectorFromArray } from 'apache-arrow';
import { arrowToResult, chartData, defaultChartChoice, jsonRowsToResult, tableToResult } from '../src/lib/arrowData';

function stream(table: Table): Uint8Array {
  return tableToIPC(table, 'stream');
}

describe('Arrow result streams to table and chart data', () => {
  const table = tableFromArrays({
    district_code: ['350102', '350103', '350104'],
    swipes: BigInt64Array.from([1200n, 950n, 40n]),
    avg_fare: Float64Array.from([1.5, 1.25, 2]),
  });

  it('reads an IPC stream into columns with kinds and plain rows (bigint as number)', () => {
    const result = arrowToResult(stream(table));
    expect(result.totalRows).toBe(3);
    expect(result.columns.map((c) => [c.name, c.kind])).toEqual([
      ['district_code', 'text'],
      ['swipes', 'number'],
      ['avg_fare', 'number'],
    ]);
    expect(result.rows[0]).toEqual({ district_code: '350102', swipes: 1200, avg_fare: 1.5 });
  });

  it('reads an ArrayBuffer as fetch gives it, and honours a row limit', () => {
    const bytes = stream(table);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const result = arrowToResult(buffer, 2);
    expect(result.rows).toHaveLength(2);
    expect(result.totalRows).toBe(3);
  });

  it('shows timestamps as ISO instants and keeps nulls', () => {
    const hour = vectorFromArray([new Date('2026-10-01T05:00:00Z'), null], new TimestampMillisecond());
    const name = vectorFromArray(['a', null], new Utf8());
    const result = tableToResult(new Table({ swipe_hour: hour, name }));
    expect(result.columns[0]?.kind).toBe('temporal');
    expect(result.rows[0]?.['swipe_hour']).toBe('2026-10-01 05:00:00Z');
    expect(result.rows[1]).toEqual({ swipe_hour: null, name: null });
  });

  it('keeps integers beyond 2^53 exact, as text', () => {
    const big = makeVector(BigInt64Array.from([9007199254740993n]));
    const result = tableToResult(new Table({ big }));
    expect(result.rows[0]?.['big']).toBe('9007199254740993');
  });

  it('chooses a first chart: the text column along x, numeric columns as series', () => {
    const result = arrowToResult(stream(table));
    const choice = defaultChartChoice(result.columns);
    expect(choice).toEqual({ x: 'district_code', y: ['swipes', 'avg_fare'] });
    expect(chartData(result, choice)).toEqual({
      categories: ['350102', '350103', '350104'],
      series: [
        { name: 'swipes', data: [1200, 950, 40] },
        { name: 'avg_fare', data: [1.5, 1.25, 2] },
      ],
    });
  });

  it('names the districts along the axis in the chosen language, a code it does not know as it is', () => {
    const result = jsonRowsToResult([
      { district_code: '350103', n: 3 },
      { district_code: '350199', n: 2 },
      { district_code: null, n: 1 },
    ]);
    expect(chartData(result, { x: 'district_code', y: ['n'] }, 'zh').categories).toEqual(['台江区', '350199', '∅']);
    expect(chartData(result, { x: 'district_code', y: ['n'] }, 'en').categories).toEqual(['Taijiang', '350199', '∅']);
    expect(chartData(result, { x: 'district_code', y: ['n'] }).categories).toEqual(['350103', '350199', '∅']);
  });

  it('charts a chosen subset and turns non-numbers into gaps', () => {
    const result = jsonRowsToResult([
      { d: 'x', v: 1 },
      { d: null, v: 'n/a' },
    ]);
    expect(chartData(result, { x: 'd', y: ['v'] })).toEqual({ categories: ['x', '∅'], series: [{ name: 'v', data: [1, null] }] });
  });
});
