import { ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Outlet } from 'react-router';
import { FeedbackProvider } from '../components/feedback.tsx';
import { useLanguage } from '../i18n.ts';
import './antd-shell.css';
import { useFocusableTableScrollers } from './scrollableTables.ts';

/**
 * Text meets WCAG 2.1 AA's 4.5:1 contrast on white and on the layout's #f5f5f5 (checked by axe-core
 * in the browser journeys). antd's defaults do not: secondary text and statistic titles at 45 %
 * black are 3.4:1, placeholders 1.8:1, links #1677ff 4.1:1, and tags write their words in the
 * palette's 7th shade on its 1st (green 3.4:1, gold 2.8:1); error words #ff4d4f are 3.3:1. So those
 * take darker values here; a tag's words take the 8th shade (the 9th for gold and yellow, whose 8th
 * is still under 4.5:1). Success and warning words are darkened in antd-shell.css.
 */
const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1f6f43',
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    colorError: '#cf1322',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
  },
  components: {
    Menu: { itemSelectedBg: '#e3f1e8', itemSelectedColor: '#1f6f43', groupTitleColor: 'rgba(0, 0, 0, 0.6)' },
    Tag: {
      green7: '#237804',
      cyan7: '#006d75',
      gold7: '#874d00',
      yellow7: '#876800',
      orange7: '#ad4e00',
      red7: '#a8071a',
      volcano7: '#ad2102',
      blue7: '#003eb3',
      geekblue7: '#10239e',
      purple7: '#391085',
      magenta7: '#9e1068',
      lime7: '#3f6600',
      colorSuccess: '#237804',
      colorInfo: '#0958d9',
      colorWarning: '#874d00',
      colorError: '#a8071a',
    },
  },
};

/**
 * antd's theme, locale and toast holder for every page but the public home, which is drawn
 * without antd (LightLayout). Loaded on demand by App.tsx, so the home's first load carries no
 * antd code; one instance spans the public pages and both consoles, so a toast shown just before
 * a navigation between them survives it.
 */
export default function AntdShell() {
  const lang = useLanguage(); // re-render on a language switch so antd's locale follows
  useFocusableTableScrollers();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} button={{ autoInsertSpace: false }} theme={THEME}>
      <FeedbackProvider>
        <Outlet />
      </FeedbackProvider>
    </ConfigProvider>
  );
}
