import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Keyset pages of the API: the cursor of every page visited (the first page's is undefined), so
 * "previous" needs no offset. A new `key` (another tab or filter) starts over at the first page.
 */
export function useKeysetPaging(key: string) {
  const [paging, setPaging] = useState<{ key: string; cursors: Array<string | undefined> }>({ key, cursors: [undefined] });
  const cursors = paging.key === key ? paging.cursors : [undefined];
  return {
    cursors,
    cursor: cursors[cursors.length - 1],
    setCursors: (next: Array<string | undefined>) => setPaging({ key, cursors: next }),
  };
}

/** Previous / next for `useKeysetPaging`; `busy` holds "next" while the next page is still the placeholder. */
export function KeysetPager({
  cursors,
  nextCursor,
  busy = false,
  onChange,
}: {
  cursors: Array<string | undefined>;
  nextCursor: string | null | undefined;
  busy?: boolean;
  onChange: (cursors: Array<string | undefined>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex justify="end" align="center" gap={8} style={{ marginTop: 16 }}>
      <Typography.Text type="secondary">{t('common.page', { page: cursors.length })}</Typography.Text>
      <Button icon={<LeftOutlined />} disabled={cursors.length <= 1} onClick={() => onChange(cursors.slice(0, -1))}>
        {t('common.previousPage')}
      </Button>
      <Button disabled={!nextCursor || busy} onClick={() => nextCursor && onChange([...cursors, nextCursor])}>
        {t('common.nextPage')} <RightOutlined />
      </Button>
    </Flex>
  );
}
