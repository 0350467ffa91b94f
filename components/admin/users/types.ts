import type { UserDto } from '@/lib/domain/identity/queries';

export type AdminUser = UserDto;
export interface RoleOption {
  id: number;
  name: string;
  system: string;
  description: string;
}
