import { useTranslation } from 'react-i18next';
import { call } from '../api/transport';

/** The UI language, saved in the settings so the desktop window and the browser agree. */
export const useLanguage = () => {
  const { i18n } = useTranslation();
  const changeLanguage = (language: string) => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
    void call('settings.update', { language: language as 'pt-BR' | 'en' }).catch(() => {});
  };
  return { language: i18n.language, changeLanguage };
};
