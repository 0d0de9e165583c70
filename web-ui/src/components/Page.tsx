// A page's heading (the one h1), an intro line, and actions; sets the document title.
import { useEffect, type ReactNode } from 'react';
import { Typography } from 'antd';
import { useI18n } from '../i18n/I18nContext';

/** The browser tab's title: the page's own words, then the console's name (in the chosen language). */
export function usePageTitle(title: ReactNode) {
  const { t } = useI18n();
  useEffect(() => {
    if (typeof title === 'string' && title) document.title = `${title} · ${t('appTitle')}`;
  }, [title, t]);
}

export function Page({ title, intro, extra, children }: { title: ReactNode; intro?: ReactNode; extra?: ReactNode; children: ReactNode }) {
  usePageTitle(title);
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
