import { message } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { createContext, ReactNode, useContext } from 'react';

const Ctx = createContext<MessageInstance | null>(null);

/**
 * Short confirmations and refusals ("已签收", "此事项已被他人修改，已为您刷新"), themed like the rest.
 * (Ant Design's <App> would do the same but also loads modal and notification code up front.)
 */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [api, holder] = message.useMessage();
  return (
    <Ctx.Provider value={api}>
      {holder}
      {children}
    </Ctx.Provider>
  );
}

export function useFeedback(): { message: MessageInstance } {
  const api = useContext(Ctx);
  if (!api) throw new Error('useFeedback outside FeedbackProvider');
  return { message: api };
}
