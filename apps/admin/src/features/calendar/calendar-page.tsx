import { FileAddOutlined, LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../app/api';
import { useSession } from '../../app/auth/use-session';
import { vietnamNow } from '../../app/format';
import { DayModal } from './day-modal';
import { DueCalculator } from './due-calculator';
import type { CalendarDay } from './labels';
import { useFillStatutoryHolidays } from './use-calendar-mutations';
import { WorkingHoursCard } from './working-hours-card';
import { CalendarLegend, YearView } from './year-view';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** Lịch làm việc: the year's working days, the daily working hours, and the due-date tool. */
export function CalendarPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { modal } = App.useApp();
  const canManage = can('calendar:manage');
  const today = vietnamNow().format('YYYY-MM-DD');
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [opened, setOpened] = useState<CalendarDay>();
  const fill = useFillStatutoryHolidays();
  const days = $api.useQuery('get', '/api/calendar/days', { params: { query: { from: `${year}-01-01`, to: `${year}-12-31` } } });
  const list = days.data ?? [];
  // A year without an entered schedule takes its holidays from the Labour Code, computed on the fly.
  const unscheduled = days.data !== undefined && !list.some((day) => day.source === 'SCHEDULE');
  const workingDays = list.filter((day) => day.working).length;
  // The modal follows the list, so it shows the day as saved once the list is read again.
  const openedDay = opened && (list.find((day) => day.date === opened.date) ?? opened);

  const confirmFill = () =>
    modal.confirm({
      title: t('calendar.fillConfirmTitle', { year }),
      content: t('calendar.fillConfirm'),
      okText: t('calendar.fill'),
      cancelText: t('common.cancel'),
      onOk: () => fill.mutateAsync({ params: { path: { year } } }).catch(() => undefined),
    });

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={17}>
        <Card
          title={
            <Flex align="center" gap={8}>
              <Button
                type="text"
                icon={<LeftOutlined />}
                disabled={year <= MIN_YEAR}
                onClick={() => setYear(year - 1)}
                aria-label={t('calendar.previousYear')}
                data-testid="year-previous"
              />
              <span data-testid="calendar-year-title">{t('calendar.title', { year })}</span>
              <Button
                type="text"
                icon={<RightOutlined />}
                disabled={year >= MAX_YEAR}
                onClick={() => setYear(year + 1)}
                aria-label={t('calendar.nextYear')}
                data-testid="year-next"
              />
            </Flex>
          }
          extra={
            <Space>
              {canManage && unscheduled && (
                <Button icon={<FileAddOutlined />} loading={fill.isPending} onClick={confirmFill} data-testid="calendar-fill">
                  {t('calendar.fill')}
                </Button>
              )}
              <Button icon={<ReloadOutlined />} onClick={() => void days.refetch()} aria-label={t('common.reload')} />
            </Space>
          }
        >
          {unscheduled && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('calendar.unscheduled', { year })} />}
          {days.isLoading ? (
            <Skeleton active paragraph={{ rows: 12 }} />
          ) : (
            <Flex vertical gap={16}>
              <Flex justify="space-between" wrap gap={8}>
                <Typography.Text>{t('calendar.workingDays', { count: workingDays, year })}</Typography.Text>
                <Typography.Text type="secondary">{canManage ? t('calendar.clickToEdit') : t('calendar.clickToView')}</Typography.Text>
              </Flex>
              <CalendarLegend days={list} />
              <YearView days={list} today={today} onOpen={setOpened} />
            </Flex>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={7}>
        <Flex vertical gap={16}>
          <DueCalculator />
          <WorkingHoursCard canManage={canManage} />
        </Flex>
      </Col>
      <DayModal day={openedDay} canManage={canManage} yearUnscheduled={unscheduled} onClose={() => setOpened(undefined)} />
    </Row>
  );
}
