// Toast messages bound to the ConfigProvider (theme, locale). Used instead of antd's <App>,
// which would also bring Modal and notification into the first load.
import { message } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { createContext, type ReactNode, useContext } from 'react';

const MessageContext = createContext<MessageInstance | null>(null);

export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [api, holder] = message.useMessage();
  return (
    <MessageContext.Provider value={api}>
      {holder}
      {children}
    </MessageContext.Provider>
  );
}

/** antd's message API (success, error, …) for the current ConfigProvider. */
export function useMessage(): MessageInstance {
  const api = useContext(MessageContext);
  if (!api) throw new Error('useMessage must be used inside <FeedbackProvider>');
  return api;
}
