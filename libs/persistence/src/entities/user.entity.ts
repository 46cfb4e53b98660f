import { Column, Entity } from 'typeorm';
import { CreatedAt, EditableRow, NullableAt, UuidRow } from './columns';

export type Role = 'staff' | 'unit_head' | 'supervisor' | 'leader' | 'admin';

@Entity('users')
export class UserEntity extends EditableRow {
  @Column('text') username: string;
  @Column('text', { name: 'display_name' }) displayName: string;
  @Column('text', { nullable: true }) email: string | null;
  @Column('text', { nullable: true }) phone: string | null;
  @Column('text', { name: 'password_hash' }) passwordHash: string;
  @Column('uuid', { name: 'unit_id', nullable: true }) unitId: string | null;
  @Column('text', { array: true }) roles: Role[];
  @Column('boolean', { name: 'daily_digest' }) dailyDigest: boolean;
  @Column('boolean') active: boolean;
  /** Access tokens carry it; raising it refuses every token issued before (sessions revoked). */
  @Column('integer', { name: 'session_epoch', default: 0 }) sessionEpoch: number;
}

/** A secret issued to a user, kept only as its hash (the token itself is shown once), until revoked. */
export abstract class IssuedToken extends UuidRow {
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text', { name: 'token_hash' }) tokenHash: string;
  @NullableAt('revoked_at') revokedAt: Date | null;
  @CreatedAt() createdAt: Date;
}

@Entity('refresh_tokens')
export class RefreshTokenEntity extends IssuedToken {
  /** All tokens rotated from one login share a family; reuse of a spent one revokes it. */
  @Column('uuid', { name: 'family_id' }) familyId: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @NullableAt('used_at') usedAt: Date | null;
}

/** A personal API token (read or write) for scripts and other systems. */
@Entity('api_tokens')
export class ApiTokenEntity extends IssuedToken {
  @Column('text') name: string;
  @Column('text') scope: 'read' | 'write';
  @NullableAt('last_used_at') lastUsedAt: Date | null;
  /** null: until revoked. */
  @NullableAt('expires_at') expiresAt: Date | null;
}

/** A person's named view of a list page (the 总台账): the filters as the page's query string. */
@Entity('saved_views')
export class SavedViewEntity extends UuidRow {
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text') page: string;
  @Column('text') name: string;
  @Column('text') query: string;
  @CreatedAt() createdAt: Date;
}
