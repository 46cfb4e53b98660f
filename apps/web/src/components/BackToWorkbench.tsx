import { Button } from 'antd';
import { useNavigate } from 'react-router';

/** The way out of a page that has nothing to show: every role starts from its 工作台. */
export function BackToWorkbench() {
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/workbench')}>
      回到工作台
    </Button>
  );
}
