import { describe, expect, it } from 'vitest';
import type { Actor, ActorRole } from '@/lib/domain/actor';
import { canUsePortal, portalsFor } from '@/lib/domain/identity/policy';

const actor = (...roles: [ActorRole['system'], string][]): Actor => ({
  id: 1,
  email: 'a@example.com',
  username: 'a',
  name: 'A',
  roles: roles.map(([system, role], i) => ({ system, role, system_role_id: i + 1 })),
});

describe('portalsFor', () => {
  it('gives each demo role its portal', () => {
    expect(portalsFor(actor(['hdts', 'Employee']))).toEqual(['employee']);
    expect(portalsFor(actor(['hdts', 'Ticket Coordinator']))).toEqual(['coordinator']);
    expect(portalsFor(actor(['tts', 'Support Agent']))).toEqual(['agent']);
    expect(portalsFor(actor(['tts', 'Approver']))).toEqual(['agent']);
  });

  it('lists the most privileged portal first (where a user lands)', () => {
    expect(portalsFor(actor(['hdts', 'Admin'], ['tts', 'Admin']))).toEqual(['admin', 'coordinator', 'agent']);
    expect(portalsFor(actor(['hdts', 'Admin']))).toEqual(['admin', 'coordinator']);
    expect(portalsFor(actor(['tts', 'Admin']))).toEqual(['admin', 'agent']);
    expect(portalsFor(actor(['hdts', 'Employee'], ['tts', 'Specialist']))).toEqual(['agent', 'employee']);
    expect(portalsFor(actor(['hdts', 'Ticket Coordinator'], ['hdts', 'Employee']))).toEqual(['coordinator', 'employee']);
  });

  it('gives no portal without roles, and names are per system', () => {
    expect(portalsFor(actor())).toEqual([]);
    expect(portalsFor(actor(['tts', 'Employee']))).toEqual(['agent']);
    expect(portalsFor(actor(['hdts', 'Support Agent']))).toEqual([]);
  });

  it('canUsePortal follows portalsFor', () => {
    const employee = actor(['hdts', 'Employee']);
    expect(canUsePortal(employee, 'employee')).toBe(true);
    expect(canUsePortal(employee, 'admin')).toBe(false);
    expect(canUsePortal(actor(['tts', 'Admin']), 'coordinator')).toBe(false);
  });
});
