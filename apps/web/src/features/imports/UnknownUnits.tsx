import { Button, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import type { UnitProposal } from './import-queries';
import { useUnitOptions } from '../directory/directory-queries';

interface Props {
  proposals: UnitProposal[];
  busy: boolean;
  onMap(name: string, unitId: string): void;
  onCreate(name: string, unitName: string): void;
}

function ProposalRow({ p, busy, onMap, onCreate }: { p: UnitProposal } & Omit<Props, 'proposals'>) {
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string | undefined>(p.candidates[0]?.id);
  const found = useUnitOptions(search);
  const options = [
    ...p.candidates.map((c) => ({ value: c.id, label: `${c.name}（相似度 ${Math.round(c.score * 100)}%）` })),
    ...(search ? (found.data?.items ?? []).filter((u) => !p.candidates.some((c) => c.id === u.id)).map((u) => ({ value: u.id, label: u.name })) : []),
  ];
  return (
    <li className="unknown-unit">
      <Tag color="#a8071a">未识别</Tag>
      <strong>{p.name}</strong>
      <Space wrap style={{ marginLeft: 8 }}>
        <Select
          aria-label={`${p.name} 对应的单位`}
          style={{ width: 300 }}
          placeholder="选择已有单位"
          value={picked}
          showSearch={{ filterOption: false, onSearch: setSearch }}
          options={options}
          onChange={setPicked}
        />
        <Button disabled={!picked || busy} onClick={() => picked && onMap(p.name, picked)}>
          对应到此单位
        </Button>
        <Button disabled={busy} onClick={() => onCreate(p.name, p.proposed)}>
          新建单位“{p.proposed}”
        </Button>
      </Space>
    </li>
  );
}

/** Unit names the directory does not know: map each onto a unit (remembered as an alias) or create it. */
export function UnknownUnits(props: Props) {
  return (
    <ul className="unknown-units">
      {props.proposals.map((p) => (
        <ProposalRow key={p.name} p={p} busy={props.busy} onMap={props.onMap} onCreate={props.onCreate} />
      ))}
    </ul>
  );
}
