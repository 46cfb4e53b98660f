import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

export default function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的地址不存在。"
      extra={
        <Button type="primary" onClick={() => navigate('/workbench')}>
          回到工作台
        </Button>
      }
    />
  );
}
