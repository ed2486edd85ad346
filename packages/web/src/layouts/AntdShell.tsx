import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Outlet } from 'react-router';
import { FeedbackProvider } from '../components/feedback.tsx';
import { useLanguage } from '../i18n.ts';
import './antd-shell.css';

/**
 * antd's theme, locale and toast holder for every page but the public home, which is drawn
 * without antd (LightLayout). Loaded on demand by App.tsx, so the home's first load carries no
 * antd code; one instance spans the public pages and both consoles, so a toast shown just before
 * a navigation between them survives it.
 */
export default function AntdShell() {
  const lang = useLanguage(); // re-render on a language switch so antd's locale follows
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      button={{ autoInsertSpace: false }}
      theme={{
        token: { colorPrimary: '#1f6f43' },
        components: { Menu: { itemSelectedBg: '#e3f1e8', itemSelectedColor: '#1f6f43' } },
      }}
    >
      <FeedbackProvider>
        <Outlet />
      </FeedbackProvider>
    </ConfigProvider>
  );
}
