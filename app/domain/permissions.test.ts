import { describe, expect, it } from 'vitest';
import { can, permissionsByRole } from './permissions';

describe('permissions', () => {
  it('lets an adult read and change only their own statement and account', () => {
    expect(can('adult', 'read:statement:own')).toBe(true);
    expect(can('adult', 'write:statement:own')).toBe(true);
    expect(permissionsByRole.adult.every((p) => p.endsWith(':own'))).toBe(true);
  });

  it('lets a worker read only what is shared with them, and an admin read no statement at all', () => {
    expect(can('worker', 'read:share:assigned')).toBe(true);
    expect(can('worker', 'read:share:own')).toBe(false);
    expect(permissionsByRole.admin.some((p) => p.includes('statement') || p.includes('share'))).toBe(false);
  });

  it('gives workers and admins nothing over an adult’s statement until the adult shares it', () => {
    expect(can('worker', 'read:statement:own')).toBe(false);
    expect(can('admin', 'write:statement:own')).toBe(false);
  });
});
