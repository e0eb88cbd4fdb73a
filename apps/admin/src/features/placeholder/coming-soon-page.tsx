import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown for modules whose screens have not landed yet, so navigation never leads to a blank page. */
export function ComingSoonPage({ labelKey }: { labelKey: string }) {
  const { t } = useTranslation();
  return <Result status="info" title={t('placeholder.title')} subTitle={t('placeholder.description', { name: t(labelKey) })} />;
}
