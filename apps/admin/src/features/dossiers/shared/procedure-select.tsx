import type { Schemas } from '@motcua/api-client';
import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../../app/api';
import { useDebouncedValue } from '../../../app/use-debounced-value';

type ProcedureSummary = Schemas['ProcedureSummary'];

const SEARCH_DEBOUNCE_MS = 300;
const SUGGESTIONS = 20;

interface ProcedureSelectProps extends Omit<SelectProps<string>, 'options' | 'onChange' | 'showSearch' | 'filterOption' | 'onSearch'> {
  value?: string;
  /** The procedure code, and the summary of the chosen procedure (undefined when cleared). */
  onChange?: (code: string | undefined, procedure: ProcedureSummary | undefined) => void;
  /** Only procedures in force (the intake); every status otherwise (filtering old dossiers). */
  publishedOnly?: boolean;
}

/**
 * Finds a procedure by code or name as the official types it, diacritics ignored (the API folds
 * both sides), and yields its national code.
 */
export function ProcedureSelect({ value, onChange, publishedOnly, ...rest }: ProcedureSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const [chosen, setChosen] = useState<ProcedureSummary>();
  const query = $api.useQuery('get', '/api/procedures', {
    params: { query: { q: q || undefined, status: publishedOnly ? 'PUBLISHED' : undefined, limit: SUGGESTIONS } },
  });
  // One entry per national code: older versions of a procedure share it.
  const byCode = new Map<string, ProcedureSummary>();
  for (const procedure of query.data?.items ?? []) if (!byCode.has(procedure.code)) byCode.set(procedure.code, procedure);
  if (chosen && chosen.code === value && !byCode.has(chosen.code)) byCode.set(chosen.code, chosen);
  const options = [...byCode.values()].map((procedure) => ({
    value: procedure.code,
    label: `${procedure.code} – ${procedure.name}`,
  }));

  return (
    <Select<string>
      showSearch
      allowClear
      value={value}
      filterOption={false}
      onSearch={setSearch}
      onChange={(code) => {
        const procedure = code ? byCode.get(code) : undefined;
        setChosen(procedure);
        setSearch('');
        onChange?.(code ?? undefined, procedure);
      }}
      loading={query.isFetching}
      notFoundContent={query.isFetching ? t('dossiers.procedureSelect.searching') : t('dossiers.procedureSelect.none')}
      placeholder={t('dossiers.procedureSelect.placeholder')}
      options={options}
      optionRender={(option) => <span style={{ whiteSpace: 'normal' }}>{option.label}</span>}
      {...rest}
    />
  );
}
