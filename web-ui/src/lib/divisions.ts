// Administrative divisions (GB/T 2260) by code, in the console's language. What the console shows of a district column
// (and a dataset's spatial coverage) is the division's name, its code on hover; downloads keep the codes as they are.
import data from '../data/divisions.json';
import type { Locale } from '../i18n/messages';

interface Division {
  code: string;
  zh: string;
  en: string;
}

const BY_CODE: ReadonlyMap<string, Division> = new Map((data.divisions as Division[]).map((d) => [d.code, d]));

/** The name of a division code in this language; anything else (an unknown code, a number, null) as it was. */
export function divisionName<T>(value: T, locale: Locale): T | string {
  if (typeof value !== 'string') return value;
  return BY_CODE.get(value.trim())?.[locale] ?? value;
}

/** A column of division codes, by its name: district_code or a name ending in it (home_district_code), or district. */
export function isDivisionColumn(column: string): boolean {
  return /district_code$|^district$/i.test(column);
}

/** What a cell shows when its column holds division codes and its value is a known code: the name, and the code. */
export function divisionCell(column: string, value: unknown, locale: Locale): { name: string; code: string } | null {
  if (!isDivisionColumn(column) || typeof value !== 'string') return null;
  const name = divisionName(value, locale);
  return name === value ? null : { name, code: value };
}
