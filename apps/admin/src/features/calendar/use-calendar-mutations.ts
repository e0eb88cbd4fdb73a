import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { $api } from '../../app/api';
import { formatDate } from '../../app/format';

/** Days, settings and every computed due date read again: any calendar change can move a deadline. */
function useRefreshCalendar() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      ['/api/calendar/days', '/api/calendar/due', '/api/calendar/settings'].map((path) =>
        queryClient.invalidateQueries({ queryKey: ['get', path] }),
      ),
    );
}

/** Marks a date as a holiday, a day off or a make-up working day; the modal shows failures. */
export function useSetCalendarDay() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshCalendar();
  return $api.useMutation('put', '/api/calendar/days/{date}', {
    onSuccess: (day) => {
      void message.success(t('calendar.daySaved', { date: formatDate(day.date) }));
      void refresh();
    },
    onError: () => undefined,
  });
}

/** Puts a date back on the weekly pattern; the modal shows failures. */
export function useResetCalendarDay() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshCalendar();
  return $api.useMutation('delete', '/api/calendar/days/{date}', {
    onSuccess: (_data, variables) => {
      void message.success(t('calendar.dayReset', { date: formatDate(variables.params.path.date) }));
      void refresh();
    },
    onError: () => undefined,
  });
}

/** Copies a year's statutory holidays into the schedule; failures go to the central notification. */
export function useFillStatutoryHolidays() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshCalendar();
  return $api.useMutation('post', '/api/calendar/years/{year}/statutory', {
    onSuccess: (days, variables) => {
      void message.success(t('calendar.filled', { count: days.length, year: variables.params.path.year }));
      void refresh();
    },
  });
}

/** Saves the working weekdays and daily periods; the card puts failures on its fields. */
export function useUpdateCalendarSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshCalendar();
  return $api.useMutation('put', '/api/calendar/settings', {
    onSuccess: () => {
      void message.success(t('calendar.settingsSaved'));
      void refresh();
    },
    onError: () => undefined,
  });
}
