import { Result } from 'antd';
import { BackToWorkbench } from '../components/BackToWorkbench';

export default function NotFoundPage() {
  return <Result status="404" title="页面不存在" subTitle="您访问的地址不存在。" extra={<BackToWorkbench />} />;
}
