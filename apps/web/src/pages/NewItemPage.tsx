import { useNavigate } from 'react-router';
import { useFeedback } from '../app/feedback';
import { HandItemForm } from '../features/items/HandItemForm';

/** 立项交办 (督办员): a 交办件 entered by hand, then its page. */
export default function NewItemPage() {
  const navigate = useNavigate();
  const { message } = useFeedback();
  return (
    <>
      <h1 className="page-title">立项交办</h1>
      <HandItemForm
        onCreated={(id) => {
          void message.success('已立项并交办，承办单位将收到通知');
          navigate(`/items/${id}`);
        }}
      />
    </>
  );
}
