// The 工作台 as the boot script paints it from its early answers, before React and Ant Design have
// loaded: on two busy cores the app's own first render comes 0.5–1 s after the data (bench/web), and a
// person should read their items meanwhile. Same markup classes and stylesheets as the app's page; it
// is inert and hidden from assistive technology, its links without an address (nothing in it works yet), and the app removes it when
// its own 工作台 has the data (takeOverFromShell), so there is one page to read and to operate.
import type { WorkbenchItem } from '../features/tasks/task-queries';
import { WORKBENCH_TAB_LABELS } from '../features/tasks/workbench-tabs';
import { hasAnyRole, ROLE_PAGES } from '../auth/roles';
import { canAcknowledgeFromList, countdownText, lightShape, NOTEWORTHY_STATUSES } from '../components/countdown';
import { formatDate } from '../lib/day-label';
import { ROLE_COLOR, TAG } from '../lib/colors';
import { label, PART_STATUS, TASK_STATUS, UNIT_ROLE, USER_ROLE } from '../lib/labels';
import globalCss from '../app/global.css?inline';
import layoutCss from '../layout/layout.css?inline';
import tabBarCss from '../components/tab-bar.css?inline';
import lightCss from '../components/light.css?inline';
import tableCss from '../features/tasks/task-table.css?inline';
import shellCss from './workbench-shell.css?inline';

import { SHELL_ID, takeOverFromShell } from './early';

export interface ShellData {
  tab: string;
  user: { displayName: string; roles: string[] };
  counts: Record<string, number>;
  list: { items: WorkbenchItem[]; total: number };
  unread: number;
}

type Child = Node | string | null | false | undefined;

function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c) el.append(c);
  return el;
}

/** Item states worth a tag in the list, as TaskTable shows them. */

function row(t: WorkbenchItem): HTMLElement {
  const light = t.overdue ? 'red' : t.light;
  const noteworthy = NOTEWORTHY_STATUSES.includes(t.status);
  const canAcknowledge = canAcknowledgeFromList(t);
  const percent = Math.max(0, Math.min(100, t.partProgress));
  return h(
    'tr',
    {},
    h(
      'td',
      { class: 'task-title-cell', 'data-label': '责任事项' },
      h('a', { class: 'task-link shell-link' }, h('span', { class: 'task-code' }, t.code), ` ${t.title}`),
      h('div', { class: 'task-sub' }, t.planTitle),
      (noteworthy || t.extensionPending) &&
        h(
          'div',
          { class: 'task-tags' },
          noteworthy && h('span', { class: 'shell-tag' }, label(TASK_STATUS, t.status)),
          t.extensionPending && h('span', { class: 'shell-tag shell-tag-solid', style: `background:${TAG.purple}` }, '延期申请待审批'),
        ),
    ),
    h(
      'td',
      { 'data-label': '本单位' },
      h('span', { class: 'role-tag', style: `background:${ROLE_COLOR[t.role]}` }, label(UNIT_ROLE, t.role)),
      h('span', { class: 'task-part' }, t.role === 'assisting' ? '协助办理' : label(PART_STATUS, t.partStatus)),
    ),
    h('td', { class: 'nowrap', 'data-label': '完成时限' }, formatDate(t.dueAt)),
    h('td', { 'data-label': '时限状态' }, h('span', { class: `light light-${light}` }, h('span', { class: 'light-shape' }, lightShape(light)), countdownText(t))),
    h(
      'td',
      { 'data-label': '进度' },
      h('span', { class: 'meter' }, h('span', { class: 'meter-track' }, h('span', { class: 'meter-fill', style: `width:${percent}%` })), h('span', {}, `${t.partProgress}%`)),
    ),
    h('td', { 'data-label': '操作' }, canAcknowledge ? h('span', { class: 'shell-button shell-button-primary' }, '签收') : h('a', { class: 'target shell-link' }, '办理')),
  );
}

function header(d: ShellData): HTMLElement {
  const navLink = (text: string, active = false, ...extra: Child[]) =>
    h('a', { class: active ? 'app-nav-link active' : 'app-nav-link' }, h('span', { class: 'shell-icon' }), h('span', {}, text), ...extra);
  return h(
    'header',
    { class: 'app-header' },
    h(
      'div',
      { class: 'app-header-inner' },
      h('a', { class: 'app-brand' }, '督办'),
      h(
        'nav',
        { class: 'app-nav' },
        navLink('工作台', true),
        ...ROLE_PAGES.filter((p) => hasAnyRole(d.user.roles, p.roles)).map((p) => h('a', { class: 'app-nav-link' }, h('span', {}, p.label))),
        navLink('消息中心', false, d.unread > 0 && h('span', { class: 'app-count' }, d.unread > 99 ? '99+' : String(d.unread))),
        navLink('个人设置'),
      ),
      h(
        'div',
        { class: 'app-header-tools' },
        h('span', { class: 'shell-switch-row' }, h('span', { class: 'shell-switch' }), '关怀模式'),
        h('span', { class: 'app-user' }, d.user.displayName, h('span', { class: 'app-user-role' }, `（${d.user.roles.map((r) => label(USER_ROLE, r)).join('、')}）`)),
        h('span', { class: 'shell-button app-logout' }, h('span', { class: 'app-logout-text' }, '退出登录')),
      ),
    ),
  );
}

function workbench(d: ShellData): HTMLElement {
  const current = WORKBENCH_TAB_LABELS.find((t) => t.key === d.tab) ?? WORKBENCH_TAB_LABELS[0];
  return h(
    'main',
    { class: 'page' },
    h('h1', { class: 'page-title' }, '工作台'),
    d.user.roles.includes('unit_head') &&
      h('div', { class: 'shell-segmented' }, h('span', { class: 'shell-segmented-on' }, '按事项'), h('span', {}, '按人员')),
    h(
      'div',
      { class: 'tab-bar' },
      ...WORKBENCH_TAB_LABELS.map((t) =>
        h('span', { class: t.key === current.key ? 'tab-bar-tab tab-bar-active' : 'tab-bar-tab' }, t.label, h('span', { class: 'tab-count' }, `（${d.counts[t.key] ?? '…'}）`)),
      ),
    ),
    d.list.items.length === 0
      ? h('div', { class: 'shell-empty' }, current.empty)
      : h(
          'table',
          { class: 'task-table' },
          h('thead', {}, h('tr', {}, ...['责任事项', '本单位', '完成时限', '时限状态', '进度', '操作'].map((c) => h('th', {}, c)))),
          h('tbody', {}, ...d.list.items.map(row)),
        ),
  );
}

/** Paints the 工作台 before the app, unless the app has already taken over. */
export function paintWorkbenchShell(d: ShellData): void {
  const root = document.getElementById('root');
  if (!root || window.__dubanBoot?.tookOver || document.getElementById(SHELL_ID)) return;
  const style = h('style', { id: `${SHELL_ID}-style` }, [globalCss, layoutCss, tabBarCss, lightCss, tableCss, shellCss].join('\n'));
  const shell = h('div', { id: SHELL_ID, 'aria-hidden': 'true', inert: '' }, h('div', { class: 'app' }, header(d), workbench(d)));
  document.head.append(style);
  root.before(shell);
  performance.mark('duban:workbench-shown'); // read by bench/web: the data is on screen
  // Should the app never take over (its code failed to load), do not leave an inert page forever.
  setTimeout(() => takeOverFromShell(), 20_000);
}
