import { Select } from 'antd';
import { useState } from 'react';
import { useUnitOptions } from '../directory/directory-queries';

/** Several units by name, found as one types (the API resolves names, short names, aliases and groups). */
export function UnitNamesSelect({ id, value, onChange }: { id?: string; value?: string[]; onChange?(v: string[]): void }) {
  const [search, setSearch] = useState('');
  const units = useUnitOptions(search);
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder="输入单位名称查找"
      options={units.data?.items.map((u) => ({ value: u.name, label: u.name }))}
    />
  );
}
