import { expect, test } from '../support/fixtures';
import { Robot } from '../support/robot';
import { signInAs } from '../support/roles';
import { shoot } from '../support/shots';

test('the admin sets a unit’s robot and sends a test message; a robot that refuses is said in words', async ({ page, desk }) => {
  const robot = await Robot.start();
  try {
    await signInAs(page, 'admin', '用户管理');
    await page.goto(`/app/admin/units?unit=${desk.unitId}`);
    await expect(page.getByRole('heading', { name: desk.unitName })).toBeVisible();
    await expect(page.getByText('未设置')).toBeVisible();
    await page.getByLabel('机器人地址（Webhook）').fill(robot.url(`k-${desk.tag}`));
    await page.getByRole('button', { name: '保存机器人' }).click();
    // Only the host (and its port) is shown, never the key.
    await expect(page.getByText(/企业微信群机器人（127\.0\.0\.1:\d+）/)).toBeVisible();
    await expect(page.getByText(`k-${desk.tag}`)).toHaveCount(0);

    await page.getByRole('button', { name: '发送测试' }).click();
    await expect(page.getByRole('status').filter({ hasText: '测试消息已送达 127.0.0.1' })).toBeVisible();
    expect(robot.received).toHaveLength(1);
    expect(JSON.stringify(robot.received[0])).toContain('督办系统机器人连通测试');
    await shoot(page, 'unit-webhook');

    robot.status = 404;
    await page.getByRole('button', { name: '发送测试' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '测试消息未送达机器人 127.0.0.1' })).toBeVisible();
  } finally {
    await robot.stop();
  }
});
