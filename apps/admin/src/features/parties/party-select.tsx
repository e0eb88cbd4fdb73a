import { Select, type SelectProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../app/api';
import { formatDate } from '../../app/format';
import { useDebouncedValue } from '../../app/use-debounced-value';
import type { PartySummary, PartyType } from './labels';

const SEARCH_DEBOUNCE_MS = 300;

/** Name, birth date and first masked identifier: enough to tell two namesakes apart without revealing anything. */
export function partyOptionLabel(party: PartySummary): string {
  const identifier = party.identifiers[0]?.masked;
  return [party.displayName, party.dateOfBirth ? formatDate(party.dateOfBirth) : '', identifier ?? ''].filter(Boolean).join(' · ');
}

export type PartySelectProps = Omit<SelectProps<string>, 'options' | 'onSearch' | 'showSearch' | 'filterOption'> & {
  /** Only parties of this kind (representatives are individuals). */
  type?: PartyType;
  /** Labels of values chosen before (an edited organisation's representatives), shown until a search replaces them. */
  known?: ReadonlyArray<{ id: string; label: string }>;
};

/** Choose a party of the registry by typing a name (with or without diacritics), an identifier or a phone. */
export function PartySelect({ type, known = [], ...props }: PartySelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const query = $api.useQuery('get', '/api/parties', { params: { query: { q, type, limit: 20 } } }, { enabled: q.length >= 2 });
  const options = useMemo(() => {
    const found = (query.data?.items ?? []).map((party) => ({ value: party.id, label: partyOptionLabel(party) }));
    const ids = new Set(found.map((option) => option.value));
    return [...found, ...known.filter((item) => !ids.has(item.id)).map((item) => ({ value: item.id, label: item.label }))];
  }, [query.data, known]);
  return (
    <Select<string>
      showSearch
      filterOption={false}
      onSearch={setSearch}
      options={options}
      loading={query.isFetching}
      notFoundContent={q.length < 2 ? t('parties.select.typeToSearch') : t('parties.select.none')}
      placeholder={t('parties.select.placeholder')}
      {...props}
    />
  );
}
