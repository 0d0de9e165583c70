// The frame: skip link, header with navigation by role, language switch and account; the main landmark.
import { useMemo, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { Alert, Button, Drawer, Grid, Layout, Menu, Space, Tooltip } from 'antd';
import { GlobalOutlined, LoginOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { FOOTER_NAV, GROUP_LABEL, headerLayout, navEntries, visibleNav, type NavItem } from '../lib/nav';

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
  const entries = useMemo(() => navEntries(items), [items]);
  // One line at any width from lg: the bureau's pages besides its queue are one sub-menu, the console's name gives way
  // to the PDX mark where the line is long; below that, the drawer.
  const { compact, brandName } = headerLayout(screens, entries.length);
  const link = (i: NavItem) => ({ key: i.path, label: <Link to={i.path} onClick={() => setDrawer(false)}>{t(i.label)}</Link> });
  // In the header a group opens as a sub-menu (a tab stop of its own; Enter or ↓ opens it and focuses its first page); in
  // the drawer every page is listed under its group's heading.
  const menuItems = entries.map((e) =>
    e.kind === 'item'
      ? link(e.item)
      : {
          key: `group:${e.group}`,
          label: (
            <span tabIndex={0} data-testid={`nav-group-${e.group}`}>
              {t(GROUP_LABEL[e.group])}
            </span>
          ),
          children: e.items.map(link),
        },
  );
  const drawerItems = entries.map((e) =>
    e.kind === 'item' ? link(e.item) : { type: 'group' as const, key: `group:${e.group}`, label: t(GROUP_LABEL[e.group]), children: e.items.map(link) },
  );
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
          {brandName ? <span className="pdx-brand-name">{t('appTitle')}</span> : <span className="pdx-sr-only">{t('appTitle')}</span>}
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
            <Menu mode="vertical" selectedKeys={[selected]} items={drawerItems} />
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
        <nav aria-label={t('footerNav')} className="pdx-footer-nav">
          {FOOTER_NAV.map((i) => (
            <Link key={i.path} to={i.path} data-testid={`footer-${i.path.slice(1)}`}>
              {t(i.label)}
            </Link>
          ))}
        </nav>
      </Layout.Footer>
    </Layout>
  );
}
