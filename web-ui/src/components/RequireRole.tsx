// Pages for signed-in users of some roles: a login prompt or a refusal in words otherwise.
import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import type { Role } from '../lib/jwt';
import { usePageTitle } from './Page';

export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const auth = useAuth();
  const { t, te } = useI18n();
  const refused = roles.length > 0 && !auth.hasRole(...roles);
  // the page's own title once it shows (a child's effect runs before this one: null leaves it)
  usePageTitle(!auth.user ? t('loginRequired') : refused ? t('forbiddenTitle') : null);
  if (!auth.user) {
    return (
      <Result
        status="info"
        title={<h1 className="pdx-result-title">{t('loginRequired')}</h1>}
        subTitle={t('loginRequiredDetail')}
        extra={
          <Button type="primary" onClick={() => void auth.login()}>
            {t('login')}
          </Button>
        }
      />
    );
  }
  if (refused) {
    return (
      <Result
        status="403"
        title={<h1 className="pdx-result-title">{t('forbiddenTitle')}</h1>}
        subTitle={t('forbiddenDetail', { roles: roles.map((r) => te('role_', r)).join(' / ') })}
      />
    );
  }
  return <>{children}</>;
}
