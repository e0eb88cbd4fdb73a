import { i18n } from '../../i18n/i18n';

const locale = () => (i18n.language === 'en' ? 'en-US' : 'vi-VN');

/** A count as officials read it: 1.234 (Vietnamese thousands separator). */
export function formatCount(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}

/** A decimal with at most `digits` decimals, Vietnamese comma: 66,7. "—" for a figure with nothing to count. */
export function formatDecimal(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return i18n.t('oversight.none');
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
}

/** A share in %: 66,7%. "—" when nothing was counted (no dossier resolved, no rating). */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return i18n.t('oversight.none');
  return i18n.t('oversight.percent', { value: formatDecimal(value) });
}
