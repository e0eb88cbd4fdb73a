import { Button, DatePicker, Flex, Form, Segmented, Select, Space } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../app/api';
import { useSession } from '../../app/auth/use-session';
import { AgencyTreeSelect } from '../agencies/agency-tree-select';
import { ProcedureSelect } from '../dossiers/shared/procedure-select';
import { shortcutOf, shortcutPeriod, vietnamToday, type PeriodShortcut, type ReportBasis, type ReportFilters } from './report-filters';

const DATE_FORMAT = 'DD/MM/YYYY';

export interface ReportFiltersBarProps {
  filters: ReportFilters;
  onChange: (next: ReportFilters) => void;
  /** The period shortcuts offered, in order. */
  shortcuts?: readonly PeriodShortcut[];
  /** Procedure and field filters (the dashboard keeps to period, agency and basis). */
  detailed?: boolean;
  extra?: ReactNode;
}

/** Period (with month shortcuts), agency subtree, procedure, field and counting basis; applied at once. */
export function ReportFiltersBar({
  filters,
  onChange,
  shortcuts = ['lastMonth', 'thisMonth', 'thisYear'],
  detailed = true,
  extra,
}: ReportFiltersBarProps) {
  const { t } = useTranslation();
  const { can } = useSession();
  const today = vietnamToday();
  const current = shortcutOf(filters, today);
  const fields = $api.useQuery('get', '/api/procedures/fields', {}, { enabled: detailed && can('procedures:read'), staleTime: 5 * 60_000 });
  const set = (patch: Partial<ReportFilters>) => onChange({ ...filters, ...patch });

  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }} data-testid="report-filters">
      <Flex wrap gap={12} align="center">
        <Space.Compact>
          {shortcuts.map((shortcut) => (
            <Button
              key={shortcut}
              type={current === shortcut ? 'primary' : 'default'}
              onClick={() => set(shortcutPeriod(shortcut, today))}
              data-testid={`period-${shortcut}`}
            >
              {t(`reports.filters.${shortcut}`)}
            </Button>
          ))}
        </Space.Compact>
        <DatePicker.RangePicker
          aria-label={t('reports.filters.period')}
          format={DATE_FORMAT}
          allowClear={false}
          value={[dayjs(filters.from), dayjs(filters.to)]}
          placeholder={[t('reports.filters.from'), t('reports.filters.to')]}
          onChange={(range) => {
            const [from, to] = range ?? [];
            if (from && to) set({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
          }}
          data-testid="period-range"
        />
        <Segmented<ReportBasis>
          value={filters.by}
          onChange={(by) => set({ by })}
          options={[
            { value: 'competent', label: t('reports.filters.byCompetent') },
            { value: 'receiving', label: t('reports.filters.byReceiving') },
          ]}
          aria-label={t('reports.filters.by')}
        />
        {extra}
      </Flex>
      <Form layout="inline" style={{ rowGap: 12 }}>
        {can('agencies:read') && (
          <Form.Item label={t('reports.filters.agency')} style={{ marginRight: 12 }}>
            <AgencyTreeSelect
              allowClear
              value={filters.agencyId}
              onChange={(agencyId) => set({ agencyId: agencyId || undefined })}
              placeholder={t('reports.filters.agencyAll')}
              style={{ width: 320 }}
              data-testid="report-agency"
            />
          </Form.Item>
        )}
        {detailed && (
          <>
            <Form.Item label={t('reports.filters.procedure')} style={{ marginRight: 12 }}>
              <ProcedureSelect value={filters.procedureCode} onChange={(procedureCode) => set({ procedureCode })} style={{ width: 360 }} />
            </Form.Item>
            <Form.Item label={t('reports.filters.field')} style={{ marginRight: 12 }}>
              <Select<string>
                allowClear
                showSearch
                value={filters.field}
                onChange={(field) => set({ field: field || undefined })}
                placeholder={t('reports.filters.fieldAll')}
                options={(fields.data ?? []).map((field) => ({ value: field, label: field }))}
                style={{ width: 220 }}
              />
            </Form.Item>
            {(filters.agencyId || filters.procedureCode || filters.field) && (
              <Form.Item>
                <Button onClick={() => set({ agencyId: undefined, procedureCode: undefined, field: undefined })}>
                  {t('reports.filters.reset')}
                </Button>
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Flex>
  );
}
