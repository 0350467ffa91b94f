import { Search } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

/** A GET form: the search lives in the URL (?search=), so results are shareable and work without script. */
export function SearchForm({ search }: { search?: string }) {
  return (
    <form method="get" aria-label="User search" className="flex max-w-md flex-1 items-center gap-2">
      <label htmlFor="user-search" className="sr-only">
        Search users
      </label>
      <Input id="user-search" name="search" type="search" defaultValue={search} placeholder="Search name, username or e-mail" />
      <Button type="submit" variant="secondary">
        <Search className="h-4 w-4" aria-hidden /> Search
      </Button>
    </form>
  );
}
