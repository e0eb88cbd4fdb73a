import type { Schemas } from '@motcua/api-client';
import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../app/api';
import { useDebouncedValue } from '../../app/use-debounced-value';

type ProcedureSummary = Schemas['ProcedureSummary'];

const SEARCH_DEBOUNCE_MS = 300;
const SUGGESTIONS = 20;

interface ProcedureMultiSelectProps extends Omit<SelectProps<string[]>, 'mode' | 'options' | 'onChange' | 'filterOption' | 'onSearch'> {
  value?: string[];
  onChange?: (codes: string[]) => void;
}

/**
 * Several procedures by national code, found by code or name as typed (the API folds diacritics).
 * The names of those chosen stay known while the search shows others; a code chosen before (an
 * edited pilot) shows as its code until a search brings its name.
 */
export function ProcedureMultiSelect({ value, onChange, ...rest }: ProcedureMultiSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const [known, setKnown] = useState<ReadonlyMap<string, string>>(new Map());
  const query = $api.useQuery('get', '/api/procedures', { params: { query: { q: q || undefined, limit: SUGGESTIONS } } });
  // One entry per national code: older versions of a procedure share it.
  const found = new Map<string, ProcedureSummary>();
  for (const procedure of query.data?.items ?? []) if (!found.has(procedure.code)) found.set(procedure.code, procedure);
  const labelOf = (code: string) => {
    const procedure = found.get(code);
    return procedure ? `${procedure.code} – ${procedure.name}` : (known.get(code) ?? code);
  };
  const codes = [...new Set([...(value ?? []), ...found.keys()])];

  return (
    <Select<string[]>
      mode="multiple"
      showSearch
      allowClear
      value={value}
      filterOption={false}
      onSearch={setSearch}
      onChange={(next) => {
        setKnown(new Map([...known, ...next.map((code): [string, string] => [code, labelOf(code)])]));
        setSearch('');
        onChange?.(next);
      }}
      loading={query.isFetching}
      notFoundContent={query.isFetching ? null : t('oversight.pilots.procedureNone')}
      placeholder={t('oversight.pilots.fields.proceduresPlaceholder')}
      options={codes.map((code) => ({ value: code, label: labelOf(code) }))}
      optionRender={(option) => <span style={{ whiteSpace: 'normal' }}>{option.label}</span>}
      {...rest}
    />
  );
}
