import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import adminToolsEn from './admin-tools.en.json';
import adminToolsVi from './admin-tools.vi.json';
import dossiersEn from './dossiers.en.json';
import dossiersVi from './dossiers.vi.json';
import en from './en.json';
import oversightEn from './oversight.en.json';
import oversightVi from './oversight.vi.json';
import partiesEn from './parties.en.json';
import partiesVi from './parties.vi.json';
import reportsEn from './reports.en.json';
import reportsVi from './reports.vi.json';
import vi from './vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'motcua.language';

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === 'en' ? 'en' : 'vi';
}

void i18n.use(initReactI18next).init({
  // The dossier and registry screens keep their strings in their own files, under `dossiers.` and `parties.`;
  // the webhook and audit screens under `adminTools.`; the reports and the dashboard under `reports.`;
  // inspections, accountability and pilot models under `oversight.`.
  resources: {
    vi: {
      translation: {
        ...vi,
        dossiers: dossiersVi,
        parties: partiesVi,
        adminTools: adminToolsVi,
        reports: reportsVi,
        oversight: oversightVi,
      },
    },
    en: {
      translation: {
        ...en,
        dossiers: dossiersEn,
        parties: partiesEn,
        adminTools: adminToolsEn,
        reports: reportsEn,
        oversight: oversightEn,
      },
    },
  },
  lng: initialLanguage(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});

export function changeLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export { i18n };
