// An organization as the console shows it: its name, its 统一社会信用代码 on hover (title) and in data-code; the code
// itself where the name is not known to this user.
import { useOrganizationNames } from '../hooks';

export function OrganizationName({ code }: { code: string | null | undefined }) {
  const names = useOrganizationNames();
  if (!code) return null;
  const name = names[code];
  return name ? (
    <span title={code} data-code={code}>
      {name}
    </span>
  ) : (
    <code>{code}</code>
  );
}
