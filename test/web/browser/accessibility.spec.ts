/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser.
import { expect, expectAccessible, signIn, test } from '../support/fixtures';

test('every page passes axe with no serious or critical violation', async ({ page, browser, desk, stack }) => {
  const title = `建设创新街区${desk.tag}`;
  const { tasks } = await desk.plan([
    { title, lead: desk.unitName, responsible: ['市发改委'], assisting: ['市财政局'], deadline: '2030年12月底前' },
    { title: `深化科技成果转化${desk.tag}`, lead: '市发改委', responsible: [desk.unitName], deadline: '2030年6月底前' },
  ]);
  const id = tasks['1'].id;
  await stack.api.call(desk.staff, 'POST', `/tasks/${id}/transitions`, { to: 'acknowledged', version: tasks['1'].version });
  await stack.api.call(desk.staff, 'POST', `/tasks/${id}/progress`, { percent: 40, note: '完成规划', evidence: ['https://example.gov.cn/plan.pdf'] });
  await stack.api.call(desk.staff, 'POST', `/tasks/${id}/comments`, { body: '请市发改委提供用地数据' });
  await stack.sql(
    `INSERT INTO notifications (user_id, task_id, channel, recipient, subject, body, notice_level)
     SELECT id, $2, 'inbox', username, '【黄色催办】' || $3, '请及时报送进展。', 'yellow' FROM users WHERE username = $1`,
    [desk.staff, id, title],
  );

  await page.goto('/app/login');
  await expectAccessible(page, 'login');
  await signIn(page, desk.staff);
  await expect(page.locator('table.task-table')).toBeVisible();
  await expectAccessible(page, 'workbench');
  await page.goto(`/app/items/${id}`);
  await expect(page.getByRole('region', { name: '进展报送' })).toContainText('40%');
  await expectAccessible(page, 'item');
  await page.getByRole('button', { name: '报送进展' }).click();
  await expect(page.getByRole('dialog', { name: '报送进展' })).toBeVisible();
  await expectAccessible(page, 'item: 报送进展 dialog');
  await page.keyboard.press('Escape');
  await page.goto('/app/inbox');
  await expect(page.getByRole('list', { name: '消息列表' })).toBeVisible();
  await expectAccessible(page, 'inbox');
  await page.goto('/app/settings');
  await expect(page.getByRole('heading', { name: '个人 API 令牌' })).toBeVisible();
  await expectAccessible(page, 'settings');
  await page.goto('/app/no-such-page');
  await expect(page.getByText('页面不存在')).toBeVisible();
  await expectAccessible(page, 'not found');

  // the acknowledgement page, without a session
  const [reminder] = await stack.sql<{ id: string }>(`SELECT id FROM reminders WHERE task_id = $1 AND reason = 'acknowledgement' LIMIT 1`, [tasks['2'].id]);
  expect(reminder).toBeDefined();
  await stack.sql(`UPDATE reminders SET due_at = now() WHERE task_id = $1 AND unit_id = $2 AND reason = 'acknowledgement' AND state = 'pending'`, [tasks['2'].id, desk.unitId]);
  const [mail] = await stack.sink.waitFor((m) => m.to.includes(`${desk.staff}@duban.example.cn`) && m.text.includes(tasks['2'].id), 1, 30_000);
  const ackUrl = /签收（[^）]*）：(\S+)/.exec(mail.text)![1];
  const fresh = await browser.newContext();
  const ackPage = await fresh.newPage();
  await ackPage.goto(ackUrl);
  await expect(ackPage.getByRole('button', { name: '签收' })).toBeVisible();
  await expectAccessible(ackPage, 'acknowledgement page');
  await fresh.close();
});

test('the day’s work is done from the keyboard alone', async ({ page, desk, stack }) => {
  const title = `推进科技馆建设${desk.tag}`;
  const { tasks } = await desk.plan([{ title, lead: desk.unitName, deadline: '2030年12月底前' }]);
  await page.goto('/app/login');
  // the user name field takes the focus on load; typing before it has it would lose the first keys
  await expect(page.getByRole('textbox', { name: '用户名' })).toBeFocused();
  await page.keyboard.type(desk.staff);
  await page.keyboard.press('Tab');
  await page.keyboard.type('duban-demo');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible();

  // Tab to the row's 签收 button and press Enter
  const ack = page.getByRole('button', { name: `签收：${title}` });
  for (let i = 0; i < 60 && !(await ack.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(ack).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(`已签收：${title}`)).toBeVisible();

  // open the item from its link, open 报送进展, fill it and send it with the keyboard
  await page.goto(`/app/items/${tasks['1'].id}`);
  const report = page.getByRole('button', { name: '报送进展' });
  await report.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '报送进展' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('完成进度（%）').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('20');
  const note = dialog.getByLabel('进展情况');
  for (let i = 0; i < 5 && !(await note.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(note).toBeFocused();
  await page.keyboard.type('完成前期调研');
  const send = dialog.getByRole('button', { name: '报送', exact: true });
  for (let i = 0; i < 20 && !(await send.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(send).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('进展已报送')).toBeVisible();
  const detail = await stack.api.call<{ progress: number }>(desk.staff, 'GET', `/tasks/${tasks['1'].id}`);
  expect(detail.progress).toBe(20);
});

test('colour is never the only signal: every light carries words', async ({ page, desk, stack }) => {
  const { tasks } = await desk.plan([
    { title: `近期事项${desk.tag}`, lead: desk.unitName, deadline: '2030年12月底前' },
    { title: `超期事项${desk.tag}`, lead: desk.unitName, deadline: '2030年11月底前' },
  ]);
  // one item overdue by three days, one due within days
  await stack.sql(`UPDATE tasks SET due_at = now() - interval '3 days' WHERE id = $1`, [tasks['2'].id]);
  await stack.sql(`UPDATE tasks SET due_at = now() + interval '1 day' WHERE id = $1`, [tasks['1'].id]);
  await signIn(page, desk.staff);
  await page.getByRole('tab', { name: /全部/ }).click();
  const lights = page.locator('.light');
  await expect(lights.first()).toBeVisible();
  for (const text of await lights.allInnerTexts()) expect(text).toMatch(/超期 \d+ 天|今日已超期|剩 \d+ 个工作日|今日到期|已报送|已办结|已暂停|已撤销/);
  await expect(page.locator('table.task-table tbody tr').filter({ hasText: `超期事项${desk.tag}` }).locator('.light')).toHaveText(/超期 3 天/);
  await page.getByRole('tab', { name: /超期/ }).click();
  await expect(page.locator('table.task-table tbody tr').filter({ hasText: `超期事项${desk.tag}` })).toBeVisible();
});

test('关怀模式: larger type (≥ 18 pt), line spacing 1.3 and tap targets ≥ 44 px, kept after reload', async ({ page, desk }) => {
  await desk.plan([{ title: `关怀模式事项${desk.tag}`, lead: desk.unitName, deadline: '2030年12月底前' }]);
  await signIn(page, desk.staff);
  await page.getByRole('switch', { name: '关怀模式' }).click();
  await expect(page.locator('html')).toHaveClass(/care-mode/);
  const check = async () => {
    const body = await page.evaluate(() => {
      const s = getComputedStyle(document.body);
      return { fontSize: parseFloat(s.fontSize), lineHeight: parseFloat(s.lineHeight) / parseFloat(s.fontSize) };
    });
    expect(body.fontSize).toBeGreaterThanOrEqual(24); // 18 pt
    expect(body.lineHeight).toBeCloseTo(1.3, 1);
    for (const b of await page.getByRole('button').all()) {
      const box = await b.boundingBox();
      if (box) expect(Math.min(box.height, box.width), await b.innerText()).toBeGreaterThanOrEqual(44);
    }
  };
  await check();
  await page.reload();
  await expect(page.getByRole('switch', { name: '关怀模式' })).toBeChecked();
  await expect(page.locator('table.task-table')).toBeVisible();
  await check();
  await expectAccessible(page, 'workbench in 关怀模式');
});
