import { parseCsv, ReportsApp, startReportsApp, UserKey } from './reports-fixture';

interface Page {
  total: number;
  items: { id: string; code: string; title: string }[];
}

// GET /reports/items is GET /tasks as a report (the 总台账's export); GET /tasks?extensionPending is the 待审批延期 queue.
describe('the item list as a report, and the pending-extension filter', () => {
  let r: ReportsApp;
  const get = (u: UserKey, path: string) => r.http.get(path).set({ Authorization: `Bearer ${r.tokens[u]}` });

  beforeAll(async () => {
    r = await startReportsApp();
  });
  afterAll(async () => {
    await r?.close();
  });

  it.each([['sup' as const, 'sort=code:asc'], ['sup' as const, 'light=red&sort=dueAt:desc'], ['a_staff' as const, 'overdue=false'], ['leader' as const, 'status=in_progress&q=T0']])(
    'as %s with %s: the same items in the same order as GET /tasks',
    async (user, query) => {
      const list = (await get(user, `/tasks?limit=200&${query}`).expect(200)).body as Page;
      const report = (await get(user, `/reports/items?limit=200&${query}`).expect(200)).body as Page;
      expect(list.total).toBeGreaterThan(0);
      expect(report.total).toBe(list.total);
      expect(report.items.map((t) => t.id)).toEqual(list.items.map((t) => t.id));
    },
  );

  it('exports every row of the filter as CSV with Chinese headers, whatever the page size', async () => {
    const list = (await get('sup', '/tasks?limit=200&sort=code:asc').expect(200)).body as Page;
    const res = await get('sup', '/reports/items?format=csv&limit=1&sort=code:asc').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const rows = parseCsv(res.text.replace(/^\ufeff/, ''));
    expect(rows[0]).toEqual(['计划', '编号', '责任事项', '牵头单位', '状态', '灯色', '完成时限', '原定时限', '进度(%)']);
    expect(rows.slice(1).map((row) => row[1])).toEqual(list.items.map((t) => t.code));
  });

  it('refuses a filter it does not know in words', async () => {
    const res = await get('sup', '/reports/items?light=purple').expect(400);
    expect(JSON.stringify(res.body)).toMatch(/light/);
  });

  it('GET /tasks?extensionPending=true lists exactly the items with an extension request waiting for a decision', async () => {
    const id = r.taskIds['T02-in-progress-yellow'];
    const before = (await get('sup', '/tasks?extensionPending=true&limit=200').expect(200)).body as Page;
    expect(before.items.map((t) => t.id)).not.toContain(id);
    await r.ds.query(`INSERT INTO extension_requests (task_id, requested_due_at, reason) VALUES ($1, now() + interval '60 days', '等待资金')`, [id]);
    const pending = (await get('sup', '/tasks?extensionPending=true&limit=200').expect(200)).body as Page;
    expect(pending.items.map((t) => t.id)).toContain(id);
    expect(pending.total).toBe(before.total + 1);
    const others = (await get('sup', '/tasks?extensionPending=false&limit=200').expect(200)).body as Page;
    const all = (await get('sup', '/tasks?limit=200').expect(200)).body as Page;
    expect(others.total + pending.total).toBe(all.total);
    expect(others.items.map((t) => t.id)).not.toContain(id);
  });
});
