import { Flex, Spin } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionStore } from '../api';
import { useSession } from './use-session';

/**
 * On start the session is unknown: a reload keeps the user signed in through a silent refresh
 * (the httpOnly cookie), so nothing is routed until that answers.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { state } = useSession();
  const restoring = state.status === 'restoring';

  useEffect(() => {
    if (restoring) void sessionStore.refresh();
  }, [restoring]);

  if (restoring) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" tip={t('auth.restoring')}>
          <div style={{ width: 200, height: 80 }} />
        </Spin>
      </Flex>
    );
  }
  return children;
}
