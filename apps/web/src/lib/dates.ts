import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

/** Every date a person reads is Asia/Shanghai time, wherever the browser is. */
export const TZ = 'Asia/Shanghai';

export const shanghai = (d: string | Date | dayjs.Dayjs) => dayjs(d).tz(TZ);

export const formatDate = (d: string | Date | null | undefined) => (d ? shanghai(d).format('YYYY年M月D日') : '—');
export const formatDateTime = (d: string | Date | null | undefined) => (d ? shanghai(d).format('YYYY年M月D日 HH:mm') : '—');
/** YYYY-MM-DD of a Shanghai calendar day, as the API takes dates. */
export const isoDate = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
export const todayShanghai = () => shanghai(new Date());

export { dayjs };
