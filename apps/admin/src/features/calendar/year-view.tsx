import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, weekdayName } from '../../app/format';
import { DAY_KIND_STYLE, DAY_KINDS, dayKindLabel, type CalendarDay } from './labels';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** One cell: coloured by kind; computed statutory days carry a dashed border and an asterisk. */
function DayCell({ day, today, onOpen }: { day: CalendarDay; today: boolean; onOpen: (day: CalendarDay) => void }) {
  const { t } = useTranslation();
  const style = DAY_KIND_STYLE[day.kind];
  const statutory = day.source === 'STATUTORY';
  const label = [
    `${weekdayName(day.weekday)}, ${formatDate(day.date)}`,
    dayKindLabel(day.kind),
    day.name,
    statutory ? t('calendar.statutoryMark') : undefined,
  ]
    .filter(Boolean)
    .join(' — ');
  return (
    <button
      type="button"
      className="calendar-day"
      data-testid={`day-${day.date}`}
      data-kind={day.kind}
      data-source={day.source}
      aria-label={label}
      title={[label, day.document].filter(Boolean).join('\n')}
      onClick={() => onOpen(day)}
      style={{
        background: style.background,
        color: style.color,
        borderStyle: statutory ? 'dashed' : 'solid',
        borderColor: statutory ? '#cf1322' : today ? '#1677ff' : '#f0f0f0',
        fontWeight: today ? 700 : undefined,
      }}
    >
      {Number(day.date.slice(8, 10))}
      {statutory && <sup>*</sup>}
    </button>
  );
}

function MonthGrid({
  month,
  days,
  today,
  onOpen,
}: {
  month: number;
  days: CalendarDay[];
  today: string;
  onOpen: (day: CalendarDay) => void;
}) {
  const { t } = useTranslation();
  const leading = days.length ? days[0].weekday - 1 : 0;
  return (
    <section className="calendar-month" aria-label={t(`months.${month}`)}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
        {t(`months.${month}`)}
      </Typography.Text>
      <div className="calendar-grid">
        {WEEKDAYS.map((weekday) => (
          <span key={weekday} className="calendar-weekday" style={{ color: weekday >= 6 ? '#cf1322' : undefined }}>
            {t(`weekdays.short.${weekday}`)}
          </span>
        ))}
        {Array.from({ length: leading }, (_, index) => (
          <span key={`blank-${index}`} />
        ))}
        {days.map((day) => (
          <DayCell key={day.date} day={day} today={day.date === today} onOpen={onOpen} />
        ))}
      </div>
    </section>
  );
}

/** What each colour means, with how many days of the year are of that kind. */
export function CalendarLegend({ days }: { days: readonly CalendarDay[] }) {
  const { t } = useTranslation();
  const counts = new Map<string, number>();
  for (const day of days) counts.set(day.kind, (counts.get(day.kind) ?? 0) + 1);
  const statutory = days.filter((day) => day.source === 'STATUTORY').length;
  return (
    <Flex gap={16} wrap align="center" data-testid="calendar-legend">
      {DAY_KINDS.map((kind) => (
        <Flex key={kind} gap={6} align="center">
          <span className="calendar-swatch" style={{ background: DAY_KIND_STYLE[kind].background }} />
          <Typography.Text>
            {dayKindLabel(kind)} ({counts.get(kind) ?? 0})
          </Typography.Text>
        </Flex>
      ))}
      <Flex gap={6} align="center">
        <span className="calendar-swatch" style={{ borderStyle: 'dashed', borderColor: '#cf1322' }}>
          <sup>*</sup>
        </span>
        <Typography.Text>{t('calendar.legendStatutory', { count: statutory })}</Typography.Text>
      </Flex>
    </Flex>
  );
}

/** Twelve month grids, Monday first. */
export function YearView({ days, today, onOpen }: { days: readonly CalendarDay[]; today: string; onOpen: (day: CalendarDay) => void }) {
  const months = Array.from({ length: 12 }, (_, index) => index + 1);
  const byMonth = new Map<number, CalendarDay[]>();
  for (const day of days) {
    const month = Number(day.date.slice(5, 7));
    byMonth.set(month, [...(byMonth.get(month) ?? []), day]);
  }
  return (
    <div className="calendar-year" data-testid="calendar-year">
      {months.map((month) => (
        <MonthGrid key={month} month={month} days={byMonth.get(month) ?? []} today={today} onOpen={onOpen} />
      ))}
    </div>
  );
}
