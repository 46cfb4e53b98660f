import { ackPageUrl, itemPageUrl, workbenchUrl } from './links';
import { renderReminder } from './templates/reminder.template';
import { renderDigest } from './templates/digest.template';

describe('mail links', () => {
  it('point to the pages under /app, whatever the trailing slash of PUBLIC_URL', () => {
    for (const base of ['https://duban.example.cn', 'https://duban.example.cn/']) {
      expect(itemPageUrl(base, 'abc')).toBe('https://duban.example.cn/app/items/abc');
      expect(ackPageUrl(base, 'tok.sig')).toBe('https://duban.example.cn/app/ack/tok.sig');
      expect(workbenchUrl(base)).toBe('https://duban.example.cn/app/workbench');
    }
  });

  it('a reminder links the item page and the acknowledgement page, saying the button acknowledges', () => {
    const m = renderReminder({
      kind: 'remind',
      reason: 'acknowledgement',
      noticeLevel: 'blue',
      planTitle: '方案',
      taskCode: '1',
      taskTitle: '培育高新技术企业',
      stepText: null,
      unitName: '市科技局',
      recipientName: '张三',
      dueAt: new Date('2027-06-30T10:00:00Z'),
      now: new Date('2027-06-01T01:00:00Z'),
      taskUrl: itemPageUrl('https://d.example.cn', 'task-1'),
      ackUrl: ackPageUrl('https://d.example.cn', 'tok.sig'),
      late: false,
    });
    expect(m.text).toContain('查看与报送进展：https://d.example.cn/app/items/task-1');
    expect(m.text).toMatch(/签收（无需登录，打开后点击“签收”按钮，链接限时有效）：https:\/\/d\.example\.cn\/app\/ack\/tok\.sig/);
    expect(m.html).toContain('<a href="https://d.example.cn/app/ack/tok.sig">');
    expect(m.html).toContain('<a href="https://d.example.cn/app/items/task-1">');
  });

  it('the digest links the workbench', () => {
    const item = { code: '1', title: 't', planTitle: 'p', dueAt: new Date('2027-06-30T10:00:00Z') };
    const m = renderDigest({ recipientName: '张三', dueToday: [], dueSoon: [item], overdue: [], tasksUrl: workbenchUrl('https://d.example.cn') });
    expect(m.text).toContain('查看全部：https://d.example.cn/app/workbench');
  });
});
