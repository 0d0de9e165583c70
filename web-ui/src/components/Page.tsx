// A page's heading (the one h1), an intro line, and actions; sets the document title.
import { useEffect, type ReactNode } from 'react';
import { Typography } from 'antd';
import { useI18n } from '../i18n/I18nContext';

export function Page({ title, intro, extra, children }: { title: ReactNode; intro?: ReactNode; extra?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => {
    if (typeof title === 'string') document.title = `${title} · ${t('appTitle')}`;
  }, [title, t]);
  return (
    <div className="pdx-page">
      <div className="pdx-page-head">
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={1} className="pdx-h1">
            {title}
          </Typography.Title>
          {intro && <Typography.Paragraph className="pdx-intro">{intro}</Typography.Paragraph>}
        </div>
        {extra && <div className="pdx-page-extra">{extra}</div>}
      </div>
      {children}
    </div>
  );
}
