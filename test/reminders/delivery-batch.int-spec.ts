import { Db, ReminderRepository } from '@app/persistence';
import { openTestDatabase } from '../support/database';

/**
 * The statements concurrent deliveries share (claimManyForDelivery, settleMany): each row keeps the
 * outcome its own statement would have had. The worker suites (workers, failures) run them for real.
 */
const d2 = (fresh: string[]) => fresh[4];

describe('reminder delivery statements shared by several deliveries', () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let repo: ReminderRepository;
  let ids: string[];

  beforeAll(async () => {
    db = await openTestDatabase();
    repo = new ReminderRepository(Db.standalone(db.ds));
    await db.ds.query(`INSERT INTO units (code, name) VALUES ('u1', '单位1')`);
    await db.ds.query(
      `INSERT INTO users (username, display_name, email, password_hash, unit_id, roles) SELECT 'staff1', '办事员', 's1@example.test', 'x', id, ARRAY['staff'] FROM units`,
    );
    await db.ds.query(`INSERT INTO plans (title, year, period_start, period_end, content_hash) VALUES ('方案', 2026, '2026-01-01', '2026-12-31', 'h')`);
    await db.ds.query(`INSERT INTO tasks (plan_id, code, title, original_due_at, due_at, status) SELECT id, 'T1', '事项', now(), now(), 'acknowledged' FROM plans`);
    ids = (
      await db.ds.query(
        `INSERT INTO reminders (key, task_id, unit_id, kind, audience, notice_level, channels, due_at)
         SELECT 'k' || i, t.id, u.id, 'remind', 'responsible', 'blue', '{email,inbox}', now() FROM tasks t, units u, generate_series(1, 4) i
         RETURNING id`,
      )
    ).map((r: { id: string }) => r.id);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('claims several in one statement (each once, to its first asker), and settles each under its own fence', async () => {
    const [a, b, c, d] = ids;
    await db.ds.query(`UPDATE reminders SET state = 'sent' WHERE id = $1`, [d]);
    const claims = await repo.claimManyForDelivery([a, b, a.toUpperCase(), c, d], 60_000);
    expect(claims.map((x) => x?.reminder.id ?? null)).toEqual([a, b, null, c, null]);
    expect(claims[0]!.people!.map((p) => p.email)).toEqual(['s1@example.test']);
    expect(claims[0]!.context).toMatchObject({ taskCode: 'T1', unitName: '单位1', taskStatus: 'acknowledged' });

    // c's claim was taken over (its lease ran out and another attempt claimed it): its settle is fenced out,
    // but what it delivered is still recorded, so the new owner does not send it again.
    await db.ds.query(`UPDATE reminders SET attempts = attempts + 1 WHERE id = $1`, [c]);
    const inbox = (to: string) => ({ userId: null, channel: 'inbox' as const, recipient: to, subject: '提醒', body: '正文' });
    await repo.settleMany([
      { claim: claims[0]!.reminder, records: [inbox('x')], end: { state: 'sent', late: true, recipients: 1 } },
      { claim: claims[1]!.reminder, records: [], end: { state: 'failed', error: '550 no such user' } },
      { claim: claims[3]!.reminder, records: [inbox('y')], end: { state: 'sent', late: false, recipients: 1 } },
    ]);
    const rows = await db.ds.query(
      `SELECT id, state, attempts, late, recipients, last_error, claimed_until IS NOT NULL AS held FROM reminders WHERE id = ANY($1::uuid[])`,
      [[a, b, c]],
    );
    const row = (id: string) => rows.find((r: { id: string }) => r.id === id);
    expect(row(a)).toMatchObject({ state: 'sent', attempts: 1, late: true, recipients: 1, last_error: null, held: false });
    expect(row(b)).toMatchObject({ state: 'failed', attempts: 1, last_error: '550 no such user', held: false });
    expect(row(c)).toMatchObject({ state: 'sending', attempts: 2, held: true });
    // This test's reminders only: the other tests of the file (in any order) record their own.
    const recorded = await db.ds.query(`SELECT reminder_id, recipient FROM notifications WHERE reminder_id = ANY($1::uuid[]) ORDER BY recipient`, [ids]);
    expect(recorded).toEqual([
      { reminder_id: a, recipient: 'x' },
      { reminder_id: c, recipient: 'y' },
    ]);
  });

  it('settles some attempts and claims other reminders in one statement, as the two statements would', async () => {
    const fresh = (
      await db.ds.query(
        `INSERT INTO reminders (key, task_id, unit_id, kind, audience, notice_level, channels, due_at)
         SELECT 'm' || i, t.id, u.id, 'remind', 'responsible', 'blue', '{email,inbox}', now() FROM tasks t, units u, generate_series(1, 5) i
         RETURNING id`,
      )
    ).map((r: { id: string }) => r.id);
    const [a, b, c, d] = fresh;
    const [ca, cb] = await repo.claimManyForDelivery([a, b], 60_000);
    await db.ds.query(`UPDATE reminders SET state = 'cancelled' WHERE id = $1`, [d]);
    const mail = (to: string) => ({ userId: null, channel: 'email' as const, recipient: to, subject: '提醒', body: '正文' });

    // a ends sent, b is released for a retry; c is claimed, d (cancelled) is not.
    const claims = await repo.settleAndClaim(
      [
        { claim: ca!.reminder, records: [mail('a@example.test')], end: { state: 'sent', late: false, recipients: 1 } },
        { claim: cb!.reminder, records: [mail('b@example.test')], end: { state: 'enqueued', error: '421 try later' } },
      ],
      [c, d, c],
      60_000,
    );
    expect(claims.map((x) => x?.reminder.id ?? null)).toEqual([c, null, null]);
    expect(claims[0]!.people!.map((p) => p.email)).toEqual(['s1@example.test']);
    expect(claims[0]!.context).toMatchObject({ taskCode: 'T1', unitName: '单位1' });

    // b's retry in the same statement as another delivery's settle of b: settled first, then claimed,
    // with what b's first attempt delivered (so the retry does not mail b@ again).
    const [cc] = claims;
    const [again] = await repo.settleAndClaim([{ claim: cc!.reminder, records: [], end: { state: 'sent', late: true, recipients: 1 } }], [b], 60_000);
    expect(again?.reminder).toMatchObject({ id: b, attempts: 2 });
    expect([...again!.delivered]).toEqual(['email b@example.test']);

    // A late settle of an attempt whose lease ran out, with a claim of the same reminder: the settle
    // counts first (it is still that attempt's row), so the reminder is sent and not claimed again.
    const [late] = await repo.claimManyForDelivery([d2(fresh)], 60_000);
    await db.ds.query(`UPDATE reminders SET claimed_until = now() - interval '1 minute' WHERE id = $1`, [late!.reminder.id]);
    const [stolen] = await repo.settleAndClaim([{ claim: late!.reminder, records: [], end: { state: 'sent', late: false, recipients: 1 } }], [late!.reminder.id], 60_000);
    expect(stolen).toBeNull();

    const rows = await db.ds.query(`SELECT id, state, attempts, late, last_error, claimed_until IS NOT NULL AS held FROM reminders WHERE id = ANY($1::uuid[])`, [fresh]);
    const row = (id: string) => rows.find((r: { id: string }) => r.id === id);
    expect(row(a)).toMatchObject({ state: 'sent', attempts: 1, late: false, held: false });
    expect(row(b)).toMatchObject({ state: 'sending', attempts: 2, last_error: '421 try later', held: true });
    expect(row(c)).toMatchObject({ state: 'sent', attempts: 1, late: true, held: false });
    expect(row(d)).toMatchObject({ state: 'cancelled', attempts: 0 });
    expect(row(d2(fresh))).toMatchObject({ state: 'sent', attempts: 1, held: false });
    const recorded = await db.ds.query(`SELECT reminder_id, recipient FROM notifications WHERE reminder_id = ANY($1::uuid[]) ORDER BY recipient`, [fresh]);
    expect(recorded).toEqual([
      { reminder_id: a, recipient: 'a@example.test' },
      { reminder_id: b, recipient: 'b@example.test' },
    ]);
  });
});
