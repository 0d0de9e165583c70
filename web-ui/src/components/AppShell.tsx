// The frame: skip link, header with navigation by role, language switch and account; the main landmark.
import { useMemo, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { Alert, Button, Drawer, Grid, Layout, Menu, Space, Tooltip } from 'antd';
import { GlobalOutlined, LoginOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages';
import type { Role } from '../lib/jwt';

interface NavItem {
  path: string;
  label: MessageKey;
  roles?: Role[];
}

const NAV: NavItem[] = [
  { path: '/', label: 'navCatalog' },
  { path: '/publicity', label: 'navPublicity' },
  { path: '/verify', label: 'navVerify' },
  { path: '/provider', label: 'navProvider', roles: ['provider'] },
  { path: '/organization', label: 'navOrganization', roles: ['operator'] },
  { path: '/licenses', label: 'navLicenses', roles: ['operator', 'developer'] },
  { path: '/invoices', label: 'navInvoices', roles: ['operator'] },
  { path: '/workspace', label: 'navWorkspace', roles: ['developer'] },
  { path: '/tables', label: 'navTables', roles: ['developer', 'operator'] },
  { path: '/review', label: 'navReview', roles: ['bureau-reviewer', 'bureau-admin'] },
  { path: '/licenses', label: 'navAllLicenses', roles: ['bureau-reviewer', 'bureau-admin'] },
  { path: '/efficiency', label: 'navEfficiency', roles: ['bureau-reviewer', 'bureau-admin'] },
  { path: '/cases', label: 'navCases', roles: ['bureau-reviewer', 'bureau-admin'] },
  { path: '/ledger', label: 'navLedger', roles: ['bureau-admin'] },
  { path: '/audit', label: 'navAudit', roles: ['bureau-admin'] },
];

export function visibleNav(roles: Role[]): NavItem[] {
  const seen = new Set<string>();
  return NAV.filter((n) => !n.roles || n.roles.some((r) => roles.includes(r))).filter((n) => {
    if (seen.has(n.path)) return false;
    seen.add(n.path);
    return true;
  });
}

function selectedKey(pathname: string, items: NavItem[]): string {
  const match = items
    .filter((i) => (i.path === '/' ? pathname === '/' || pathname.startsWith('/datasets') || pathname.startsWith('/apply') : pathname.startsWith(i.path)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (match) return match.path;
  if (pathname.startsWith('/review')) return '/review';
  return '';
}

export function AppShell() {
  const auth = useAuth();
  const { t, te, locale, setLocale } = useI18n();
  const screens = Grid.useBreakpoint();
  const location = useLocation();
  const [drawer, setDrawer] = useState(false);
  const items = useMemo(() => visibleNav(auth.roles), [auth.roles]);
  // The bureau's eight entries fit one line only from xl (1200 px); below it they go to the drawer.
  const compact = !screens.lg || (!screens.xl && items.length > 6);
  const menuItems = items.map((i) => ({ key: i.path, label: <Link to={i.path} onClick={() => setDrawer(false)}>{t(i.label)}</Link> }));
  const selected = selectedKey(location.pathname, items);

  const localeButton = (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}
      aria-label={t('switchLocaleLabel')}
      lang={locale === 'zh' ? 'en' : 'zh-CN'}
      data-testid="locale-switch"
    >
      {t('switchLocale')}
    </Button>
  );

  const account = auth.user ? (
    <Space size={4} wrap={false}>
      <Tooltip title={auth.roles.map((r) => te('role_', r)).join(' / ')}>
        <span className="pdx-user" data-testid="current-user" tabIndex={0}>
          <UserOutlined aria-hidden /> <span className="pdx-user-name">{auth.username}</span>
        </span>
      </Tooltip>
      <Button type="text" icon={<LogoutOutlined />} onClick={() => void auth.logout()} data-testid="logout">
        {compact ? null : t('logout')}
        {compact && <span className="pdx-sr-only">{t('logout')}</span>}
      </Button>
    </Space>
  ) : (
    <Button type="primary" icon={<LoginOutlined />} onClick={() => void auth.login()} data-testid="login">
      {t('login')}
    </Button>
  );

  return (
    <Layout className="pdx-layout">
      <a href="#main" className="pdx-skip">
        {t('skipToContent')}
      </a>
      <Layout.Header className="pdx-header">
        <Link to="/" className="pdx-brand">
          <span className="pdx-brand-mark">PDX</span>
          {!compact || screens.sm ? <span className="pdx-brand-name">{t('appTitle')}</span> : <span className="pdx-sr-only">{t('appTitle')}</span>}
        </Link>
        {compact ? (
          <Space className="pdx-header-right" size={0}>
            {localeButton}
            {account}
            <Button type="text" icon={<MenuOutlined />} aria-label={t('openMenu')} onClick={() => setDrawer(true)} data-testid="open-menu" />
          </Space>
        ) : (
          <>
            <nav aria-label={t('mainNav')} className="pdx-nav">
              <Menu mode="horizontal" selectedKeys={[selected]} items={menuItems} disabledOverflow />
            </nav>
            <Space className="pdx-header-right" size={4}>
              {localeButton}
              {account}
            </Space>
          </>
        )}
      </Layout.Header>
      {compact && (
        <Drawer open={drawer} onClose={() => setDrawer(false)} title={t('appTitle')} placement="right" size="default">
          <nav aria-label={t('mainNav')}>
            <Menu mode="vertical" selectedKeys={[selected]} items={menuItems} />
          </nav>
        </Drawer>
      )}
      <Layout.Content id="main" tabIndex={-1} className="pdx-content">
        <div className="pdx-main">
          {auth.expired && <Alert type="warning" showIcon title={t('sessionExpired')} action={<Button size="small" onClick={() => void auth.login()}>{t('login')}</Button>} style={{ marginBottom: 16 }} />}
          <Outlet />
        </div>
      </Layout.Content>
      <Layout.Footer className="pdx-footer">
        <span>{t('appTitle')}</span> · <span>原始数据不出域 · 数据可用不可见</span>
      </Layout.Footer>
    </Layout>
  );
}
