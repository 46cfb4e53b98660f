import { Button, Empty } from 'antd';
import { useFeedback } from '../../app/feedback';
import { download } from '../../api/download';
import { messageOf } from '../../api/errors';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../lib/dates';
import { useTaskFiles } from './review-queries';

/** The item's evidence files (佐证材料), each downloadable with the session's token. */
export function EvidenceFiles({ taskId }: { taskId: string }) {
  const files = useTaskFiles(taskId);
  const { message } = useFeedback();
  const items = files.data ?? [];
  return (
    <Section title="佐证材料（文件）">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={files.isLoading ? '正在读取…' : '没有上传的文件'} />
      ) : (
        <ul className="evidence-list">
          {items.map((f) => (
            <li key={f.id}>
              <Button
                type="link"
                onClick={() => download('/files/{id}/content', { path: { id: f.id } }, f.name).catch((e) => void message.error(messageOf(e)))}
              >
                {f.name}
              </Button>
              <span className="task-sub">{formatDateTime(f.uploadedAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
