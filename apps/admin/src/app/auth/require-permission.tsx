import type { Permission } from '@motcua/domain';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSession } from './use-session';

/** Shows the page only to a user holding one of the permissions; others get a 403 result. */
export function RequirePermission({ anyOf, children }: { anyOf: readonly Permission[]; children: ReactNode }) {
  const { canAny } = useSession();
  if (canAny(anyOf)) return children;
  return <ForbiddenResult />;
}

export function ForbiddenResult() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div data-testid="forbidden">
      <Result
        status="403"
        title="403"
        subTitle={t('auth.forbidden')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('auth.backHome')}
          </Button>
        }
      />
    </div>
  );
}
