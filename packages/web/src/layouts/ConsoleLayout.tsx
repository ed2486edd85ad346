import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Typography } from 'antd';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { canAccess, type Face, selectedMenuPath } from '../access.ts';
import { useAuth } from '../auth/auth.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { AuthErrorPage, ForbiddenPage, loginPathFor } from '../components/RequireAccess.tsx';
import { useLanguage } from '../i18n.ts';
import { InboxBadge, WorklistBadge } from '../pages/worklist/MenuBadges.tsx';
import { type AppRoute, menuRoutes } from '../routes.tsx';
import { HeaderBar } from './HeaderBar.tsx';
import { groupMenu } from './menuGroups.ts';

/** Staff console and enterprise portal: Sider menu filtered by role, header, page outlet. */
function MenuBadge({ kind }: { kind: 'worklist' | 'inbox' }) {
  return kind === 'worklist' ? <WorklistBadge /> : <InboxBadge />;
}

export default function ConsoleLayout({ face }: { face: Exclude<Face, 'public'> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { user, roles, loading, error } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  // A phone (under 576 px) folds the menu away entirely, behind a button in the header, and opens it
  // over the page: its 80 px of icons left a page 310 px wide.
  const phone = Grid.useBreakpoint().xs === true;
  const toggle = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);
  const menuOpenOverPage = phone && !collapsed;
  // The open menu on a phone takes the keyboard as a dialog would: focus moves to its first entry,
  // Escape closes it and gives focus back to the button that opened it, and the page under it is
  // inert, so Tab cannot wander into what the menu covers (the header keeps the button to close it).
  useEffect(() => {
    if (!menuOpenOverPage) return;
    nav.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setCollapsed(true);
      toggle.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpenOverPage]);

  if (loading) return <PageLoading />;
  if (!user && error) return <AuthErrorPage error={error} />;
  if (!user) return <Navigate to={loginPathFor(location.pathname, location.search)} replace />;

  const entries = menuRoutes(face, (access) => canAccess(roles, access));
  const selected = selectedMenuPath(
    entries.map((r) => r.path),
    location.pathname,
  );

  const toItem = (r: AppRoute) => ({
    key: r.path,
    icon: r.menu?.icon,
    label: r.menu ? (
      <>
        {t(r.menu.labelKey)}
        {r.menu.badge ? <MenuBadge kind={r.menu.badge} /> : null}
      </>
    ) : (
      r.path
    ),
  });
  // Staff: the workbench and own lists on top, then 服务 / 审批 / 监管 / 统计 / 系统 (non-empty only).
  const grouped = face === 'staff' ? groupMenu(entries) : null;
  const menuItems = grouped
    ? [
        ...grouped.top.map(toItem),
        ...grouped.groups.map(({ group, entries: children }) => ({
          type: 'group' as const,
          key: `group:${group}`,
          label: t(`web.menuGroups.${group}`),
          children: children.map(toItem),
        })),
        ...grouped.rest.map(toItem),
      ]
    : entries.map(toItem);

  return (
    <Layout className="qs-full-height">
      <HeaderBar
        left={
          phone ? (
            <Button
              ref={toggle}
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={t(collapsed ? 'nav.openMenu' : 'nav.closeMenu')}
              aria-expanded={!collapsed}
              data-testid="menu-toggle"
              onClick={() => setCollapsed((c) => !c)}
            />
          ) : undefined
        }
        extra={<Typography.Text type="secondary">{t(`face.${face}`)}</Typography.Text>}
      />
      <Layout hasSider style={{ position: 'relative' }}>
        <Layout.Sider
          theme="light"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          collapsedWidth={phone ? 0 : 80}
          trigger={phone ? null : undefined}
          // English entries run longer ("Environmental incidents", "My discharge permits"): at 200 px
          // nine of them ended in "…" at 1366 px, so the column is wider in English only
          width={lang === 'en' ? 248 : 200}
          style={
            phone
              ? {
                  position: 'absolute',
                  insetBlock: 0,
                  insetInlineStart: 0,
                  zIndex: 20,
                  boxShadow: '2px 0 8px rgba(0,0,0,0.15)',
                }
              : { borderRight: '1px solid #f0f0f0' }
          }
        >
          {/* The column runs the page's full height, so it stays white down to the collapse button on a
              scrolled page; the menu inside sticks to the top with its own scroll, as the grouped
              menu can be taller than the window. Its height (antd-shell.css) leaves out the header
              (64 px) and the collapse button (48 px), so on an unscrolled page it ends above the
              button and never makes a short page scroll. */}
          <nav
            ref={nav}
            aria-label={t(`face.${face}`)}
            className={phone ? 'qs-console-nav qs-console-nav-phone' : 'qs-console-nav'}
          >
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected] : []}
              items={menuItems}
              onClick={({ key }) => {
                navigate(key);
                if (phone) setCollapsed(true);
              }}
            />
          </nav>
        </Layout.Sider>
        {menuOpenOverPage ? (
          // the page under an open menu: a tap on it closes the menu, as on any phone
          <div
            aria-hidden
            data-testid="menu-backdrop"
            onClick={() => setCollapsed(true)}
            style={{ position: 'absolute', inset: 0, zIndex: 19, background: 'rgba(0,0,0,0.25)' }}
          />
        ) : null}
        <Layout.Content inert={menuOpenOverPage} style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          {entries.length === 0 ? (
            <ForbiddenPage />
          ) : (
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
