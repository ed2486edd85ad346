import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n.ts';

/** One button: shows the other language and switches to it. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const next = lang === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      data-testid="lang-switch"
      title={t('lang.ariaLabel')}
      lang={next}
      onClick={() => void setLanguage(next)}
    >
      {t('lang.switchTo')}
    </Button>
  );
}
