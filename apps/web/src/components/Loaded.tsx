import { Skeleton } from 'antd';
import { ReactNode } from 'react';
import { LoadFailed } from './LoadFailed';

/** The state of one read as a page shows it (a TanStack Query result fits). */
interface Read<T> {
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch(): unknown;
}

/** A page's area for one read: why it failed and 重试, a skeleton until it has data, then the children with the data. */
export function Loaded<T>({ read, children }: { read: Read<T>; children(data: T): ReactNode }) {
  if (read.isError) return <LoadFailed error={read.error} retry={read.refetch} />;
  if (!read.data) return <Skeleton active />;
  return children(read.data);
}
