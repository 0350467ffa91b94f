import { PageLoading } from '@/components/workflow/states';

export default function Loading() {
  return <PageLoading label="your tasks" />;
}
