import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { en as zodEn, ptBR as zodPtBR } from 'zod/locales';
import { en } from './en';
import { monitoringEn } from './monitoring-en';
import { monitoringPtBR } from './monitoring-pt-BR';
import { ptBR } from './pt-BR';
import { serverEn } from './server-en';
import { setupEn, setupServerEn } from './setup-en';
import { setupPtBR } from './setup-pt-BR';

export const LANGUAGES = [
  { value: 'pt-BR', label: 'Português (Brasil)' },
  { value: 'en', label: 'English' },
] as const;

/** zod's own messages (a form field without a message of its own) follow the UI language. */
const setZodLanguage = (language: string) => z.config(language === 'en' ? zodEn() : zodPtBR());

/**
 * pt-BR by default; the language chosen in the header is kept in the settings (settings.language). The
 * `server` namespace holds the server's messages in other languages, by their keys (ADR 0025): pt-BR needs
 * none, the server already speaks it.
 */
export const setupI18n = (language: string = 'pt-BR') => {
  if (!i18n.isInitialized) {
    setZodLanguage(language);
    i18n.on('languageChanged', setZodLanguage);
    void i18n.use(initReactI18next).init({
      resources: {
        'pt-BR': { translation: { ...ptBR, ...monitoringPtBR, ...setupPtBR } },
        en: {
          translation: { ...en, ...monitoringEn, ...setupEn },
          server: { ...serverEn, ...setupServerEn },
        },
      },
      lng: language,
      fallbackLng: 'pt-BR',
      interpolation: { escapeValue: false },
    });
  }
  return i18n;
};
