import { Alert, Button } from 'antd';
import { messageOf } from '../api/errors';

/** A read that failed: why, in words, and 重试 (small beside the page's other controls; full size where it is the page). */
export function LoadFailed({ error, retry, size = 'small' }: { error: unknown; retry(): unknown; size?: 'small' | 'middle' }) {
  return (
    <Alert
      type="error"
      showIcon
      title={messageOf(error)}
      action={
        <Button size={size} onClick={() => void retry()}>
          重试
        </Button>
      }
    />
  );
}
