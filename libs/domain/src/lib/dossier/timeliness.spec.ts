import { classifyFinished, classifyOpen } from './timeliness';

const at = (iso: string) => new Date(iso);

describe('timeliness', () => {
  const due = at('2026-03-12T09:00:00+07:00');

  it('classifies a finished dossier against the due day and time', () => {
    expect(classifyFinished(at('2026-03-11T16:59:00+07:00'), due)).toBe('EARLY');
    expect(classifyFinished(at('2026-03-12T07:30:00+07:00'), due)).toBe('ON_TIME');
    expect(classifyFinished(at('2026-03-12T09:00:00+07:00'), due)).toBe('ON_TIME');
    expect(classifyFinished(at('2026-03-12T09:00:01+07:00'), due)).toBe('LATE');
  });

  it('uses the local (UTC+7) day, not the UTC day', () => {
    // 2026-03-11T23:30 UTC is already 12/03 in Hồ Chí Minh City: on time, not early.
    expect(classifyFinished(at('2026-03-11T23:30:00Z'), at('2026-03-12T09:00:00+07:00'))).toBe('ON_TIME');
  });

  it('classifies an open dossier', () => {
    expect(classifyOpen(at('2026-03-12T09:00:01+07:00'), due, 0, 1440)).toBe('OVERDUE');
    expect(classifyOpen(at('2026-03-11T09:00:00+07:00'), due, 480, 1440)).toBe('WITHIN');
    expect(classifyOpen(at('2026-03-11T16:00:00+07:00'), due, 180, 1440)).toBe('DUE_SOON');
    expect(classifyOpen(at('2026-03-11T16:00:00+07:00'), due, 180, 1440, 0.1)).toBe('WITHIN');
  });
});
