import { Role } from '@app/persistence';

/** The demo's people: one per role, in the seed units. Listed in the README with the password. */
export const DEMO_PASSWORD = 'duban-demo';

export interface DemoUser {
  username: string;
  displayName: string;
  /** A unit name or alias as the documents write it; resolved through the unit directory. */
  unit: string | null;
  roles: Role[];
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'supervisor', displayName: '督办员 王督', unit: null, roles: ['supervisor'] },
  { username: 'leader', displayName: '分管领导 李领', unit: null, roles: ['leader'] },
  { username: 'kjj.staff', displayName: '市科技局 承办人 张科', unit: '市科技局', roles: ['staff'] },
  { username: 'kjj.head', displayName: '市科技局 负责人 陈局', unit: '市科技局', roles: ['unit_head'] },
  { username: 'fgw.staff', displayName: '市发改委 承办人 刘发', unit: '市发改委', roles: ['staff'] },
  { username: 'fgw.head', displayName: '市发改委 负责人 赵主任', unit: '市发改委', roles: ['unit_head'] },
  { username: 'czj.staff', displayName: '市财政局 承办人 孙财', unit: '市财政局', roles: ['staff'] },
  { username: 'jyj.staff', displayName: '市教育局 承办人 周教', unit: '市教育局', roles: ['staff'] },
  { username: 'dhgx.staff', displayName: '东湖高新区 承办人 吴光', unit: '东湖高新区管委会', roles: ['staff'] },
  { username: 'jaq.staff', displayName: '江岸区 承办人 郑岸', unit: '江岸区人民政府', roles: ['staff'] },
];

export const demoEmail = (username: string) => `${username}@duban.example.cn`;
