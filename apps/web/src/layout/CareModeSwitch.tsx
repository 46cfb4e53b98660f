import { Space, Switch } from 'antd';
import { useId } from 'react';
import { useCareMode } from '../app/care-mode';

/** 关怀模式: larger type and tap targets, remembered on this device. */
export function CareModeSwitch() {
  const { on, setOn } = useCareMode();
  const id = useId();
  return (
    <Space>
      <Switch id={id} checked={on} onChange={setOn} aria-describedby={`${id}-hint`} />
      <label htmlFor={id}>关怀模式</label>
      <span id={`${id}-hint`} className="visually-hidden">
        放大文字和按钮
      </span>
    </Space>
  );
}
