import { Link } from 'react-router-dom';
import { Result } from 'antd';
import { useI18n } from '../i18n/I18nContext';
import { usePageTitle } from '../components/Page';

export function NotFoundPage() {
  const { t } = useI18n();
  usePageTitle(t('notFoundTitle'));
  return (
    <Result
      status="404"
      title={<h1 className="pdx-result-title">{t('notFoundTitle')}</h1>}
      subTitle={t('notFoundDetail')}
      extra={<Link to="/">{t('backHome')}</Link>}
    />
  );
}
