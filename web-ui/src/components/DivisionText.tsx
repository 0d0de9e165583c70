// Division codes as the console shows them: the name in the chosen language, the code on hover (title) and in data-code.
import { useI18n } from '../i18n/I18nContext';
import { divisionCell, divisionName } from '../lib/divisions';

/** A code standing for a division (a dataset's spatial coverage): its name, or the code when the table does not know it. */
export function DivisionText({ code }: { code: string }) {
  const { locale } = useI18n();
  const name = divisionName(code, locale);
  return name === code ? <>{code}</> : <span title={code} data-code={code}>{name}</span>;
}

/** A text cell of a table of rows: a district column's known code by its name, anything else as it is (∅ for none). */
export function TextCell({ column, value }: { column: string; value: unknown }) {
  const { locale } = useI18n();
  const division = divisionCell(column, value, locale);
  if (division) {
    return (
      <span className="pdx-nowrap" title={division.code} data-code={division.code}>
        {division.name}
      </span>
    );
  }
  return <span className="pdx-nowrap">{value === null || value === undefined ? '∅' : String(value)}</span>;
}
