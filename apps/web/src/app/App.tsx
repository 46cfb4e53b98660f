import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import '../lib/dates';
import { ApiError } from '../api/errors';
import { primeLedgerFromBoot } from '../features/supervision/supervision-queries';
import { primeWorkbenchFromBoot } from '../features/tasks/task-queries';
import { CareModeProvider, useCareMode } from './care-mode';
import { FeedbackProvider } from './feedback';
import { AppRoutes } from './routes';
import { themeFor } from './theme';
import './global.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A refusal does not get better by asking again; a dropped connection might.
      retry: (count, e) => count < 2 && (!(e instanceof ApiError) || e.transient),
      refetchOnWindowFocus: true,
      // Ask even when the browser thinks it is offline: the page then says so, instead of waiting silently.
      networkMode: 'always',
    },
    mutations: { networkMode: 'always' },
  },
});

// Answers the boot script already asked for go straight into the cache.
primeWorkbenchFromBoot(queryClient);
primeLedgerFromBoot(queryClient);

function Themed() {
  const { on } = useCareMode();
  return (
    <ConfigProvider locale={zhCN} theme={themeFor(on)} componentSize={on ? 'large' : undefined} button={{ autoInsertSpace: false }}>
      <FeedbackProvider>
        <AppRoutes />
      </FeedbackProvider>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <CareModeProvider>
        <Themed />
      </CareModeProvider>
    </QueryClientProvider>
  );
}
