import * as domain from '@app/domain';

describe('@app/domain barrel', () => {
  it.each([
    'transition',
    'allowedTransitions',
    'TASK_STATUSES',
    'IllegalTransition',
    'transitionAssignment',
    'leadOverview',
    'HolidayCalendar',
    'readHolidayNotice',
    'addWorkdays',
    'previousWorkdayOnOrBefore',
    'workdaysBetween',
    'dueAtFor',
    'shanghaiDate',
    'trafficLight',
    'isOverdue',
    'daysOverdue',
    'appraisalLateness',
    'parseIsoDuration',
    'validatePolicy',
    'DEFAULT_REMINDER_POLICY',
    'computeReminders',
    'buildDigest',
  ])('exports %s', (name) => {
    expect((domain as Record<string, unknown>)[name]).toBeDefined();
  });
});
