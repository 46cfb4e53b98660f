// Solid tag colours with white text: each keeps a contrast of at least 4.5:1 (Ant Design's light
// preset tags such as cyan, gold, green and volcano do not).
export const TAG = {
  blue: '#0958d9',
  teal: '#006d75',
  purple: '#531dab',
  green: '#237804',
  amber: '#ad4e00',
  red: '#a8071a',
  grey: '#595959',
} as const;

export const ROLE_COLOR: Record<string, string> = { lead: TAG.blue, responsible: TAG.teal, assisting: TAG.grey };
export const NOTICE_COLOR: Record<string, string> = { blue: TAG.blue, yellow: TAG.amber, red: TAG.red };
export const EXTENSION_COLOR: Record<string, string> = { pending: TAG.purple, approved: TAG.green, rejected: TAG.grey };
