import { addDays } from './calendar-date';
import { HolidayCalendar } from './holiday-calendar';
import { NoticeError, readHolidayNotice } from './holiday-notice';
import { chineseDaysCalendar } from '../test/chinese-days.fixture';

/** The State Council's 2025 notice (国办发明电〔2024〕12号) as published, page chrome and all. */
export const NOTICE_2025 = `国务院办公厅关于2025年部分节假日安排的通知
国办发明电〔2024〕12号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。
国务院办公厅
2024年11月12日`;

describe('readHolidayNotice', () => {
  it('reads the 2025 notice into exactly the working days chinese-days has for 2025', () => {
    const r = readHolidayNotice(NOTICE_2025);
    expect(r.year).toBe(2025);
    expect(r.holidays.map((h) => [h.name, h.from, h.to, h.days, h.workdays])).toEqual([
      ['元旦', '2025-01-01', '2025-01-01', 1, []],
      ['春节', '2025-01-28', '2025-02-04', 8, ['2025-01-26', '2025-02-08']],
      ['清明节', '2025-04-04', '2025-04-06', 3, []],
      ['劳动节', '2025-05-01', '2025-05-05', 5, ['2025-04-27']],
      ['端午节', '2025-05-31', '2025-06-02', 3, []],
      ['国庆节、中秋节', '2025-10-01', '2025-10-08', 8, ['2025-09-28', '2025-10-11']],
    ]);
    const fromNotice = new HolidayCalendar(r.days);
    const seeded = chineseDaysCalendar();
    for (let d = '2025-01-01'; d <= '2025-12-31'; d = addDays(d, 1)) {
      expect([d, fromNotice.isWorkday(d)]).toEqual([d, seeded.isWorkday(d)]);
    }
  });

  it('reads a range across the new year and dates with their own year', () => {
    const r = readHolidayNotice('一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。', 2019);
    expect(r.holidays[0]).toMatchObject({ from: '2018-12-30', to: '2019-01-01', days: 3, workdays: ['2018-12-29'] });
  });

  it.each([
    ['no year', '一、元旦：1月1日放假1天。', undefined, /找不到年份/],
    ['no holiday', '国务院办公厅关于2027年部分节假日安排的通知\n经国务院批准，现通知如下。', undefined, /没有读到任何节日/],
    ['a count that does not match', '一、春节：2月6日至2月12日放假调休，共8天。', 2027, /7 天，通知写“共8天”/],
    ['a weekday that does not match the year', '一、元旦：1月1日（周三）放假1天。', 2027, /星期五，与通知所写不符/],
    ['a 调休 workday on a weekday', '一、劳动节：5月1日至5日放假调休，共5天。4月28日（周三）上班。', 2027, /2027-04-28.*不是周末/],
    ['an impossible date', '一、元旦：2月30日放假1天。', 2027, /没有有效的放假日期/],
    ['a year out of range', '国务院办公厅关于5000年部分节假日安排的通知\n一、元旦：1月1日放假1天。', undefined, /年份 5000 无效/],
    ['a date years away from the notice', '一、元旦：2020年1月1日放假1天。', 2027, /2020-01-01 不在 2027 年前后/],
    ['a title year other than the one asked for', '国务院办公厅关于2026年部分节假日安排的通知\n一、元旦：1月1日放假1天。', 2027, /2026 年，与指定的 2027 年不符/],
  ])('refuses %s, naming it', (_what, text, year, message) => {
    expect(() => readHolidayNotice(text, year)).toThrow(NoticeError);
    expect(() => readHolidayNotice(text, year)).toThrow(message);
  });
});
