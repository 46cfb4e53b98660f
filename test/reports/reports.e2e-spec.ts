import ExcelJS from 'exceljs';
import { shanghaiDate } from '@app/domain';
import { cellText, shanghaiDateTime } from '../../apps/api/src/reports/export/report-table';
import { days, parseCsv, ReportsApp, startReportsApp, UserKey } from './reports-fixture';

type Json = Record<string, unknown>;
interface TaskItem {
  id: string;
  code: string;
  status: string;
  light: string;
  overdue: boolean;
  dueAt: string;
}
interface Detail {
  id: string;
  status: string;
  overdue: boolean;
  completedAt: string | null;
  dueAt: string;
  appraisal: { late: boolean; basis: string };
  assignments: { unitId: string; role: string }[];
}

/** The ways the exporter may write one JSON value as text. */
const texts = (v: unknown): string[] => {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return [cellText(v, 'list')];
  if (typeof v === 'boolean') return [cellText(v, 'boolean')];
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return [v, shanghaiDateTime(v)];
  return [String(v)];
};

const binary = (res: { on(e: string, cb: (c?: Buffer) => void): void; setEncoding?: unknown }, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c?: Buffer) => c && chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('reports over HTTP', () => {
  let r: ReportsApp;
  const auth = (u: UserKey) => ({ Authorization: `Bearer ${r.tokens[u]}` });
  const get = (u: UserKey, path: string) => r.http.get(path).set(auth(u));
  const json = async (u: UserKey, path: string): Promise<Json> => (await get(u, path).expect(200)).body as Json;
  const tasks = async (u: UserKey, query: string): Promise<{ total: number; items: TaskItem[] }> => {
    const body = await json(u, `/tasks?limit=200&${query}`);
    return body as unknown as { total: number; items: TaskItem[] };
  };
  const details: Record<string, Detail> = {};
  const today = () => shanghaiDate(new Date());

  beforeAll(async () => {
    r = await startReportsApp();
    for (const id of Object.values(r.taskIds)) details[id] = (await json('admin', `/tasks/${id}`)) as unknown as Detail;
  });
  afterAll(async () => {
    await r?.close();
  });

  describe('summary equals the task list', () => {
    const filters = (): [string, string][] => [
      ['everything', ''],
      ['one plan', `planId=${r.planIds.P1}`],
      ['one unit', `unitId=${r.unitIds.B}`],
      ['a deadline window', `from=${shanghaiDate(days(-12))}&to=${shanghaiDate(days(12))}`],
    ];
    const listFilter = (q: string) => q.replace('from=', 'dueFrom=').replace('to=', 'dueTo=');

    it.each(['admin', 'leader', 'a_staff', 'd_staff'] as UserKey[])('for %s under every filter', async (user) => {
      for (const [, q] of filters()) {
        const s = await json(user, `/reports/summary?${q}`);
        const lq = listFilter(q);
        expect(s.total).toBe((await tasks(user, lq)).total);
        expect(s.overdue).toBe((await tasks(user, `${lq}&overdue=true`)).total);
        for (const [status, n] of Object.entries(s.byStatus as Record<string, number>)) {
          expect([status, n]).toEqual([status, (await tasks(user, `${lq}&status=${status}`)).total]);
        }
        for (const [light, n] of Object.entries(s.byLight as Record<string, number>)) {
          expect([light, n]).toEqual([light, (await tasks(user, `${lq}&light=${light}`)).total]);
        }
        const all = (await tasks(user, lq)).items;
        const open = (t: TaskItem) => !t.overdue && !['completed', 'cancelled', 'suspended'].includes(t.status);
        const within = (t: TaskItem, n: number) => {
          const d = shanghaiDate(new Date(t.dueAt));
          return d >= today() && d <= shanghaiDate(days(n));
        };
        expect(s.dueNext7).toBe(all.filter((t) => open(t) && within(t, 7)).length);
        expect(s.dueNext30).toBe(all.filter((t) => open(t) && within(t, 30)).length);
        const completed = all.filter((t) => t.status === 'completed');
        const onTime = completed.filter((t) => details[t.id].completedAt! <= t.dueAt);
        const cancelled = all.filter((t) => t.status === 'cancelled').length;
        if (all.length - cancelled) expect(s.completionRate).toBeCloseTo(completed.length / (all.length - cancelled), 4);
        else expect(s.completionRate).toBeNull();
        if (completed.length) expect(s.onTimeCompletionRate).toBeCloseTo(onTime.length / completed.length, 4);
        else expect(s.onTimeCompletionRate).toBeNull();
      }
    });

    it('has the numbers the seed was built to give', async () => {
      const s = await json('admin', '/reports/summary');
      // Overdue: T09, T10, T13. Not T03 (submitted in time), T11 (suspended), T12 (cancelled), T08 (extended).
      expect(s).toMatchObject({ total: 15, overdue: 3, completed: 3, completedOnTime: 1, cancelled: 1 });
      expect(s.byStatus).toMatchObject({ assigned: 2, in_progress: 5, submitted: 1, returned: 1, completed: 3, suspended: 1, cancelled: 1, acknowledged: 1 });
      expect((s.byLight as Json).red).toBe(3);
      expect((s.byLight as Json).none).toBe(5);
      // Days overdue: 7, 3 and 40 calendar days in Shanghai.
      expect(s.averageDaysOverdue).toBeCloseTo((7 + 3 + 40) / 3, 1);
    });
  });

  it('units: each unit’s row equals its items in the task list (lead and responsible; assisting apart)', async () => {
    const body = await json('admin', '/reports/units?limit=200');
    const rows = body.items as Json[];
    expect(rows.map((u) => u.unitName).sort()).toEqual(['市发改委', '市教育局', '市科技局', '市经信局']);
    for (const row of rows) {
      const unitId = row.unitId as string;
      const list = (await tasks('admin', `unitId=${unitId}`)).items;
      const role = (t: TaskItem) => details[t.id].assignments.find((a) => a.unitId === unitId)!.role;
      const mine = list.filter((t) => role(t) !== 'assisting');
      expect(row.assigned).toBe(mine.length);
      expect(row.assisting).toBe(list.length - mine.length);
      expect(row.asLead).toBe(mine.filter((t) => role(t) === 'lead').length);
      expect(row.overdue).toBe(mine.filter((t) => t.overdue).length);
      expect(row.completed).toBe(mine.filter((t) => t.status === 'completed').length);
      expect(row.onTime).toBe(mine.filter((t) => t.status === 'completed' && details[t.id].completedAt! <= t.dueAt).length);
    }
    // Ranking: sorted by on-time rate, ranks ascending, ties share a rank.
    const ranked = (await json('admin', '/reports/units?sort=overdue:desc&limit=2')) as { items: Json[]; total: number };
    expect(ranked.total).toBe(4);
    expect(ranked.items).toHaveLength(2);
    expect(ranked.items[0]).toMatchObject({ rank: 1 });
    expect(Number(ranked.items[0].overdue)).toBeGreaterThanOrEqual(Number(ranked.items[1].overdue));
    const a = rows.find((u) => u.unitName === '市科技局')!;
    expect(a).toMatchObject({ assigned: 9, asLead: 8, asResponsible: 1, assisting: 0, overdue: 1, completed: 2, onTime: 1 });
    const [{ last }] = (await r.ds.query(
      `SELECT max(pr.created_at) AS last FROM progress_reports pr JOIN assignments x ON x.task_id = pr.task_id AND x.unit_id = pr.unit_id
        WHERE pr.unit_id = $1 AND x.role <> 'assisting'`,
      [r.unitIds.A],
    )) as { last: Date }[];
    expect(a.lastProgressAt).toBe(last.toISOString());
  });

  it('appraisal: lateness against the original deadline, notices, late acknowledgements and progress urges', async () => {
    const body = (await json('admin', '/reports/appraisal')) as { items: Json[] };
    for (const row of body.items) {
      const unitId = row.unitId as string;
      const mine = Object.values(details).filter(
        (d) => d.status !== 'cancelled' && d.assignments.some((x) => x.unitId === unitId && x.role !== 'assisting'),
      );
      expect([row.unitName, row.late]).toEqual([row.unitName, mine.filter((d) => d.appraisal.late).length]);
      expect(row.onTime).toBe(mine.filter((d) => d.status === 'completed' && !d.appraisal.late).length);
    }
    const byName = Object.fromEntries(body.items.map((x) => [x.unitName, x]));
    // A: T07 extended in time counts against the new deadline (not late); T09 overdue, T06 completed late, T11 suspended but past.
    expect(byName['市科技局']).toMatchObject({ extendedInTime: 1, yellowNotices: 2, redNotices: 1, lateProgressReports: 1 });
    // T01 never acknowledged, T04 acknowledged after 10 days: both past 3 working days.
    expect(byName['市科技局'].lateAcknowledgements).toBe(2);
    // C: T08's extension came after the original deadline: late. T10 unacknowledged past 3 working days.
    expect(byName['市发改委']).toMatchObject({ extendedInTime: 0, redNotices: 1, lateAcknowledgements: 1, late: 3, onTime: 0 });
    // B: two yellow notices sent; the pending red one is not a notice received. T01 and T10 never acknowledged.
    expect(byName['市经信局']).toMatchObject({ yellowNotices: 2, redNotices: 0, lateAcknowledgements: 2 });
  });

  it('appraisal: kept counts for another window and month are rebuilt before the answer, then read, with the same figures', async () => {
    await r.ds.query(`UPDATE ack_deadline_sync SET fingerprint = 'another window'`);
    await r.ds.query(`UPDATE report_unit_rollup_month SET month = NULL`);
    const first = await json('admin', '/reports/appraisal');
    const [{ fingerprint }] = (await r.ds.query(`SELECT fingerprint FROM ack_deadline_sync`)) as { fingerprint: string }[];
    const [{ month }] = (await r.ds.query(`SELECT month::text AS month FROM report_unit_rollup_month`)) as { month: string | null }[];
    expect(fingerprint).not.toBe('another window');
    expect(month).toBe(`${today().slice(0, 7)}-01`);
    const second = await json('admin', '/reports/appraisal');
    expect(second.items).toEqual(first.items);
  });

  it('people: a unit head sees their unit’s people; staff may not; supervisors pick a unit', async () => {
    const mine = (await json('a_head', '/reports/people')) as { items: Json[]; total: number };
    expect(mine.items.map((p) => p.username).sort()).toEqual(['a_head', 'a_staff', 'a_staff2']);
    const staff = Object.fromEntries(mine.items.map((p) => [p.username, p]));
    // a_staff reported on T02, T07, T09; a_staff2 on T02 (last) and T05. Nobody is named 承办人, so each
    // part counts for its last reporter: T02 is a_staff2's; a_staff's reports all count.
    expect(staff.a_staff).toMatchObject({ items: 2, reports: 3, overdue: 1, yellowNotices: 0 });
    expect(staff.a_staff2).toMatchObject({ items: 2, reports: 2, completed: 1, onTime: 1 });
    // Two channels of one reminder are one notice.
    expect(staff.a_head).toMatchObject({ items: 0, yellowNotices: 2 });
    await get('a_head', `/reports/people?unitId=${r.unitIds.B}`).expect(403);
    await get('a_staff', '/reports/people').expect(403);
    const b = (await json('sup', `/reports/people?unitId=${r.unitIds.B}`)) as { items: Json[] };
    expect(b.items.map((p) => p.username)).toEqual(['b_staff']);
  });

  it('overdue: the same items as GET /tasks?overdue=true, with days, units and escalation level', async () => {
    const body = (await json('admin', '/reports/overdue?limit=200')) as { items: Json[]; total: number };
    const list = await tasks('admin', 'overdue=true');
    expect(body.total).toBe(list.total);
    expect(body.items.map((x) => x.taskId).sort()).toEqual(list.items.map((t) => t.id).sort());
    const t9 = body.items.find((x) => x.code === 'T09-overdue')!;
    expect(t9).toMatchObject({ daysOverdue: 7, escalationLevel: 'red', leadUnits: ['市科技局'], responsibleUnits: ['市经信局'], lastProgressNote: '经信局部分推进中' });
    expect(body.items.find((x) => x.code === 'T10-overdue-unacknowledged')).toMatchObject({ escalationLevel: 'yellow', daysOverdue: 3 });
    expect(body.items[0].code).toBe('T13-overdue-other-plan'); // longest overdue first
    const page2 = (await json('admin', '/reports/overdue?limit=2&page=2')) as { items: Json[]; total: number };
    expect(page2).toMatchObject({ total: 3 });
    expect(page2.items).toHaveLength(1);
  });

  it('indicators: target, latest value, percent achieved, on track', async () => {
    const body = (await json('admin', '/reports/indicators')) as { items: Json[] };
    const task = body.items.find((x) => x.source === 'task')!;
    expect(task).toMatchObject({ name: '入驻企业', target: 100, latestValue: 60, percentAchieved: 60, code: 'T02-in-progress-yellow' });
    // 30 of 33 days elapsed: 60% is behind.
    expect(task.onTrack).toBe(false);
    const plan = body.items.find((x) => x.source === 'plan')!;
    // The plan target takes the plan's latest report of that name (150 on T07, after 120 on T02).
    expect(plan).toMatchObject({ name: '研发投入', target: 200, latestValue: 150, percentAchieved: 75 });
    expect(plan.onTrack).toBe(Number(plan.elapsedPercent) <= 75);
    // A unit member sees only their items' indicators.
    const d = (await json('d_staff', '/reports/indicators')) as { items: Json[] };
    expect(d.items).toEqual([]);
  });

  it('trend: completions and new overdue per period equal independent counts', async () => {
    for (const interval of ['week', 'month']) {
      const body = (await json('admin', `/reports/trend?interval=${interval}&from=${shanghaiDate(days(-70))}`)) as { items: Json[] };
      const completions = body.items.reduce((n, p) => n + Number(p.completed), 0);
      const missed = body.items.reduce((n, p) => n + Number(p.newOverdue), 0);
      // From the seed: all three completions fall in the window; missed deadlines in it are T06, T09, T10, T13, T14
      // (T08's deadline in force is ahead; T11 is suspended, T12 cancelled).
      expect(completions).toBe(3);
      expect(missed).toBe(5);
      const p = body.items.find((x) => String(x.periodStart) <= today() && String(x.periodEnd) >= today())!;
      expect(p).toBeDefined();
    }
    await get('admin', '/reports/trend?interval=day').expect(400);
  });

  describe('exports open and equal the JSON', () => {
    const reports: [string, (b: Json) => Json[]][] = [
      ['summary', (b) => summaryRows(b)],
      ['units', (b) => b.items as Json[]],
      ['appraisal', (b) => b.items as Json[]],
      ['overdue', (b) => b.items as Json[]],
      ['indicators', (b) => b.items as Json[]],
      ['trend', (b) => b.items as Json[]],
      ['people', (b) => b.items as Json[]],
    ];
    const summaryRows = (b: Json): Json[] => {
      const rows: Json[] = [{ v: b.total }, { v: b.overdue }];
      for (const v of Object.values(b.byStatus as Json)) rows.push({ v });
      for (const k of ['green', 'yellow', 'red', 'none']) rows.push({ v: (b.byLight as Json)[k] });
      for (const k of ['completionRate', 'onTimeCompletionRate', 'averageDaysOverdue', 'dueNext7', 'dueNext30']) rows.push({ v: b[k] });
      return rows;
    };

    it.each(reports)('%s as CSV and XLSX', async (name, rowsOf) => {
      const q = ['units', 'overdue', 'indicators'].includes(name) ? '?limit=200' : '';
      const user: UserKey = name === 'people' ? 'a_head' : 'admin';
      const body = await json(user, `/reports/${name}${q}`);
      const expected = rowsOf(body);

      const csvRes = await get(user, `/reports/${name}${q ? `${q}&` : '?'}format=csv`).buffer(true).parse(binary).expect(200);
      expect(csvRes.headers['content-type']).toMatch(/^text\/csv/);
      const buf = csvRes.body as Buffer;
      expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = parseCsv(buf.subarray(3).toString('utf8'));
      const [header, ...data] = csv;
      expect(header.every((h) => /[\u4e00-\u9fff]/.test(h))).toBe(true);
      expect(data).toHaveLength(expected.length);

      const xRes = await get(user, `/reports/${name}${q ? `${q}&` : '?'}format=xlsx`).buffer(true).parse(binary).expect(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xRes.body as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const xHeader = (ws.getRow(1).values as unknown[]).slice(1);
      expect(xHeader).toEqual(header);
      expect(ws.columns.every((c) => Number(c.width) > 0)).toBe(true);
      expect(ws.rowCount).toBe(expected.length + 1);

      // Cell by cell: CSV text equals the JSON value as the exporter writes it; XLSX keeps numbers as numbers.
      if (name === 'summary') {
        data.forEach((line, i) => expect(line[1]).toBe(cellText(expected[i].v, 'number')));
        data.forEach((_, i) => {
          const v = ws.getRow(i + 2).getCell(2).value;
          expect(v === null ? null : Number(v)).toEqual(expected[i].v === null ? null : Number(expected[i].v));
        });
        return;
      }
      const numericCols = new Set<number>();
      header.forEach((_, c) => {
        const cell = ws.getRow(2).getCell(c + 1).value;
        if (typeof cell === 'number') numericCols.add(c);
      });
      for (let i = 0; i < expected.length; i++) {
        const jsonTexts = new Set(Object.values(expected[i]).flatMap(texts));
        for (const [c, text] of data[i].entries()) {
          if (text === '') continue;
          // Every non-empty CSV cell is one of this row's JSON values.
          expect([header[c], jsonTexts.has(text)]).toEqual([header[c], true]);
          if (numericCols.has(c)) expect(ws.getRow(i + 2).getCell(c + 1).value).toBe(Number(text));
          else expect(String(ws.getRow(i + 2).getCell(c + 1).value)).toBe(text);
        }
      }
    });

    it('weekly 督办通报: one sheet per plan, printable', async () => {
      const res = await get('admin', '/reports/weekly.xlsx').buffer(true).parse(binary).expect(200);
      expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name).sort()).toEqual(['科技创新工作要点(报表测试)', '营商环境行动方案(报表测试)']);
      const ws = wb.getWorksheet('科技创新工作要点(报表测试)')!;
      expect(String(ws.getRow(1).getCell(1).value)).toContain('督办通报');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
      expect(ws.pageSetup.orientation).toBe('landscape');
      const codes: string[] = [];
      ws.eachRow((row, n) => n > 3 && codes.push(String(row.getCell(2).value)));
      // Red and yellow items and this week's completions; not the green or the long-finished ones.
      expect(codes).toEqual(expect.arrayContaining(['T09-overdue', 'T10-overdue-unacknowledged', 'T02-in-progress-yellow', 'T05-completed-on-time', 'T06-completed-late']));
      expect(codes).not.toContain('T11-suspended');
      expect(codes).not.toContain('T12-cancelled');
    });
  });

  describe('permissions', () => {
    it('a staff member of another unit sees only their own unit’s numbers', async () => {
      const s = await json('d_staff', '/reports/summary');
      expect(s).toMatchObject({ total: 2, overdue: 1 });
      expect(s.total).toBe((await tasks('d_staff', '')).total);
      const units = (await json('d_staff', '/reports/units')) as { items: Json[] };
      expect(units.items.map((u) => u.unitName)).toEqual(['市教育局']);
      const appraisal = (await json('d_staff', '/reports/appraisal')) as { items: Json[] };
      expect(appraisal.items.map((u) => u.unitName)).toEqual(['市教育局']);
      const overdue = (await json('d_staff', '/reports/overdue')) as { items: Json[] };
      expect(overdue.items.map((x) => x.code)).toEqual(['T13-overdue-other-plan']);
      // Asking for another unit's figures yields nothing of theirs.
      const other = await json('d_staff', `/reports/summary?unitId=${r.unitIds.A}`);
      expect(other.total).toBe(0);
    });

    it('a read-only API token reads reports but cannot POST', async () => {
      const created = await r.http.post('/me/tokens').set(auth('leader')).send({ name: 'BI 报表' }).expect(201);
      const token = created.body.token as string;
      const s = await r.http.get('/reports/summary').set({ Authorization: `Bearer ${token}` }).expect(200);
      expect(s.body.total).toBe(15);
      await r.http.get('/reports/units?format=xlsx').set({ Authorization: `Bearer ${token}` }).expect(200);
      await r.http.post('/me/calendar-token').set({ Authorization: `Bearer ${token}` }).expect(403);
    });

    it('rejects bad filters with 400 and no credentials with 401', async () => {
      await get('admin', '/reports/summary?from=2025-02-30').expect(400);
      await get('admin', '/reports/summary?from=2025-03-01&to=2025-02-01').expect(400);
      await get('admin', '/reports/summary?format=pdf').expect(400);
      await get('admin', '/reports/summary?planId=nope').expect(400);
      await get('admin', '/reports/units?sort=rank:up').expect(400);
      await r.http.get('/reports/summary').expect(401);
    });
  });

  describe('calendar feed', () => {
    const icsPath = (url: string) => new URL(url).pathname;

    it('lists the open deadlines of the user’s unit, by a secret URL, and dies when replaced', async () => {
      const { body } = await r.http.post('/me/calendar-token').set(auth('b_staff')).expect(201);
      expect(body.url).toMatch(/\/calendar\/dbc_[\w-]+\.ics$/);
      const res = await r.http.get(icsPath(body.url)).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      const text = res.text;
      const uids = [...text.matchAll(/UID:task-([0-9a-f-]+)@duban/g)].map((m) => m[1]);
      // Unit B's items that are not completed or cancelled, due from 30 days ago on.
      const list = (await tasks('b_staff', '')).items.filter(
        (t) => !['completed', 'cancelled'].includes(t.status) && new Date(t.dueAt) >= days(-30),
      );
      expect(uids.sort()).toEqual(list.map((t) => t.id).sort());
      expect(text).toContain('DTSTART;VALUE=DATE:');
      expect(text).toContain('SUMMARY:【督办截止】T09-overdue');
      const second = await r.http.post('/me/calendar-token').set(auth('b_staff')).expect(201);
      await r.http.get(icsPath(body.url)).expect(404);
      await r.http.get(icsPath(second.body.url)).expect(200);
      await r.http.get('/calendar/dbc_unknown.ics').expect(404);
    });

    it('gives a supervisor the deadlines of the plans they supervise', async () => {
      const { body } = await r.http.post('/me/calendar-token').set(auth('sup')).expect(201);
      const text = (await r.http.get(icsPath(body.url)).expect(200)).text;
      expect(text).toContain('T01-assigned');
      expect(text).not.toContain('T15-due-in-25-days'); // plan P2 is not theirs
      const stored = (await r.ds.query(`SELECT token_hash FROM calendar_feeds WHERE user_id = $1`, [r.userIds.sup])) as { token_hash: string }[];
      expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(body.url).not.toContain(stored[0].token_hash);
    });
  });

  it('units and appraisal filtered to one unit show that unit’s row only', async () => {
    for (const report of ['units', 'appraisal']) {
      const b = (await json('admin', `/reports/${report}?unitId=${r.unitIds.B}`)) as { items: Json[] };
      expect(b.items.map((x) => x.unitName)).toEqual(['市经信局']);
    }
  });

  // It changes data the other tests count, and puts it back before it ends, so they may run before or after it.
  it('shows a write in the very next report: the report cache never serves a stale figure', async () => {
    const first = await json('admin', '/reports/summary');
    expect(await json('admin', '/reports/summary')).toEqual(first); // served again
    const open = Object.values(details).find((d) => d.status === 'in_progress' && !d.overdue)!;
    const moveDue = async (dueAt: string) => {
      const version = ((await json('admin', `/tasks/${open.id}`)) as { version: number }).version;
      await r.http.patch(`/tasks/${open.id}`).set(auth('admin')).send({ dueAt, version }).expect(200);
    };
    await moveDue(new Date(Date.now() - 86_400_000).toISOString());
    try {
      const after = await json('admin', '/reports/summary');
      expect(after.overdue).toBe((first.overdue as number) + 1);
      expect((after.byLight as Json).red).toBe(((first.byLight as Json).red as number) + 1);
    } finally {
      await moveDue(open.dueAt);
    }
    // The write back shows at once too: the same figures as before (computed anew, so a later asOf).
    expect({ ...(await json('admin', '/reports/summary')), asOf: null }).toEqual({ ...first, asOf: null });
  });
});
