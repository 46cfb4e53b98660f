import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.locale('zh-cn');

/**
 * Every date a person reads is Asia/Shanghai time, wherever the browser is. China keeps UTC+8 all
 * year (no summer time since 1991), so a fixed offset is exact for every date this app shows, and
 * much cheaper than dayjs's timezone plugin: that one asks Intl for each date, and the first call
 * loads the browser's time-zone data (tens of ms on the 工作台's first render; bench/web).
 */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

export const shanghai = (d: string | Date | dayjs.Dayjs) => dayjs(d).utcOffset(SHANGHAI_OFFSET_MINUTES);

export { formatDate } from './day-label';
export const formatDateTime = (d: string | Date | null | undefined) => (d ? shanghai(d).format('YYYY年M月D日 HH:mm') : '—');
/** YYYY-MM-DD of a Shanghai calendar day, as the API takes dates. */
export const isoDate = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
export const todayShanghai = () => shanghai(new Date());

export { dayjs };
