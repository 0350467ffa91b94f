export interface AdminWorkflowRole {
  role_id: number;
  name: string;
  description: string;
  is_active: boolean;
  members: { assignment_id: number; user_id: number; username: string; name: string; is_active: boolean }[];
}
export interface PersonOption {
  id: number;
  username: string;
  name: string;
}
