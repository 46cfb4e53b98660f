import ExcelJS from 'exceljs';

/**
 * The directory of a made-up city (某市) as its office keeps it: units with short names, a parent and
 * a group, users with roles in Chinese. `edit` changes cells before the workbook is written.
 */
export const CITY = {
  units: [
    ['单位名称', '单位代码', '简称/别名', '上级单位', '类型', '分组'],
    ['某市人民政府', 'mc', '市政府；市人民政府', '', 'government', ''],
    ['某市发展和改革委员会', 'mc-fgw', '市发改委；市发展改革委', '某市人民政府', 'department', ''],
    ['某市科学技术局', 'mc-kjj', '市科技局', '某市人民政府', 'department', ''],
    ['某市财政局', 'mc-czj', '市财政局', 'mc', 'department', ''],
    ['某市东区人民政府', 'mc-dq', '东区政府；东区人民政府', '某市人民政府', 'district', '各区人民政府'],
    ['某市西区人民政府', 'mc-xq', '西区政府；西区人民政府', '某市人民政府', 'district', '各区人民政府'],
    ['某市东区发展和改革局', '', '', '东区政府', '', ''],
  ],
  groups: [
    ['分组名称', '别名'],
    ['各区人民政府', '各区政府；各区'],
  ],
  users: [
    ['姓名', '用户名', '单位', '角色', '电子邮箱', '手机', '初始密码'],
    ['张伟', 'mc.fgw.zhang', '市发改委', '承办人', 'zhang@mc.example.cn', '13800000001', ''],
    ['李娜', 'mc.fgw.li', '某市发展和改革委员会', '单位负责人、承办人', '', '+86 27 8888 0000', ''],
    ['王芳', 'mc.kjj.wang', 'mc-kjj', '承办人', 'wang@mc.example.cn', '', 'initial-pass-1'],
    ['赵敏', 'mc.sup', '', '督办员', 'zhao@mc.example.cn', '', 'initial-pass-2'],
  ],
};

export type CityTables = typeof CITY;

export async function cityWorkbook(edit: (t: CityTables) => void = () => undefined): Promise<Buffer> {
  const tables: CityTables = JSON.parse(JSON.stringify(CITY));
  edit(tables);
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of [['单位', tables.units], ['分组', tables.groups], ['用户', tables.users]] as const) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One table as CSV, as Excel would save it (quotes only where needed). */
export function csv(rows: string[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
}
