import { ListLoading } from '@/components/helpdesk/states';

export default function Loading() {
  return <ListLoading />;
}
