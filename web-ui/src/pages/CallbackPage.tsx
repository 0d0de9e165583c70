// Where Keycloak sends the browser back with the authorization code.
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Result } from 'antd';
import { userManager } from '../auth/oidc';
import { useI18n } from '../i18n/I18nContext';
import { Loading } from '../components/QueryView';
import { usePageTitle } from '../components/Page';

export function CallbackPage() {
  const navigate = useNavigate();
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const once = useRef(false);
  usePageTitle(error ? t('signInFailed') : t('signingIn'));

  useEffect(() => {
    if (once.current) return;
    once.current = true;
    userManager()
      .signinRedirectCallback()
      .then((user) => {
        const state = user.state as { returnTo?: string } | undefined;
        const target = state?.returnTo && state.returnTo.startsWith('/') && !state.returnTo.startsWith('/auth/') ? state.returnTo : '/';
        // A full load, so that every provider starts from the signed-in user.
        window.location.replace(target);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [navigate]);

  if (error) {
    return (
      <main id="main" className="pdx-main">
        <Result
          status="error"
          title={<h1 className="pdx-result-title">{t('signInFailed')}</h1>}
          subTitle={error}
          extra={<Button onClick={() => window.location.replace('/')}>{t('backHome')}</Button>}
        />
      </main>
    );
  }
  return (
    <main id="main" className="pdx-main">
      <h1 className="pdx-sr-only">{t('signingIn')}</h1>
      <Loading label={t('signingIn')} />
    </main>
  );
}
