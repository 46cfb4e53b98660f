import { CurrentDirectory } from './directory-plan';
import { DirectoryRows, ROLE_LABELS } from './directory-rows';

/**
 * The stored directory as the rows of a directory file, so that importing an export changes
 * nothing: confirmed units by code, every group, active users by username. Row numbers are those
 * the exported sheets will have.
 */
export function directoryRows(d: CurrentDirectory): DirectoryRows {
  const byId = new Map(d.units.map((u) => [u.id, u]));
  const units = d.units
    .filter((u) => !u.pending)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((u, i) => ({
      row: i + 2,
      name: u.name,
      code: u.code,
      aliases: [...u.aliases],
      parent: u.parentId ? (byId.get(u.parentId)?.name ?? '') : '',
      kind: u.kind,
      groups: d.groups.filter((g) => g.memberIds.includes(u.id)).map((g) => g.name),
    }));
  const groups = [...d.groups].sort((a, b) => a.name.localeCompare(b.name)).map((g, i) => ({ row: i + 2, name: g.name, aliases: [...g.aliases] }));
  const users = d.users
    .filter((u) => u.active)
    .sort((a, b) => a.username.localeCompare(b.username))
    .map((u, i) => ({
      row: i + 2,
      displayName: u.displayName,
      username: u.username,
      unit: u.unitId ? (byId.get(u.unitId)?.name ?? '') : '',
      roles: u.roles.map((r) => ROLE_LABELS[r]),
      email: u.email ?? '',
      phone: u.phone ?? '',
      password: '',
    }));
  return { units, groups, users };
}
