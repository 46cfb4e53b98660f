import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole first schema. Written as SQL so that the embedded PGlite and a PostgreSQL server
 * get exactly the same tables; gen_random_uuid() is built in (no uuid-ossp on PGlite).
 */
export class InitialSchema1732150000000 implements MigrationInterface {
  name = 'InitialSchema1732150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL UNIQUE,
        kind text NOT NULL DEFAULT 'department',
        parent_id uuid REFERENCES units(id) ON DELETE SET NULL,
        aliases text[] NOT NULL DEFAULT '{}',
        pending boolean NOT NULL DEFAULT false,
        contacts jsonb NOT NULL DEFAULT '[]',
        webhook jsonb,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX units_aliases_idx ON units USING gin (aliases)`);
    await q.query(`
      CREATE TABLE unit_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        aliases text[] NOT NULL DEFAULT '{}',
        member_ids uuid[] NOT NULL DEFAULT '{}'
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        email text,
        password_hash text NOT NULL,
        unit_id uuid REFERENCES units(id) ON DELETE SET NULL,
        roles text[] NOT NULL DEFAULT '{staff}',
        daily_digest boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX users_unit_idx ON users (unit_id)`);
    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        scope text NOT NULL DEFAULT 'read',
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        issuer text,
        year integer NOT NULL,
        published_at date,
        doc_number text,
        period_start date NOT NULL,
        period_end date NOT NULL,
        content_hash text NOT NULL UNIQUE,
        source_file_name text,
        reminder_policy jsonb,
        progress_cycle jsonb,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE plan_supervisors (
        plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (plan_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE plan_targets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        code text NOT NULL,
        text text NOT NULL,
        indicators jsonb NOT NULL DEFAULT '[]',
        UNIQUE (plan_id, code)
      )`);
    await q.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        code text NOT NULL,
        group_name text,
        section text,
        title text NOT NULL,
        content text NOT NULL DEFAULT '',
        goal text,
        deadline_text text,
        original_due_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        recurrence text,
        indicators jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'assigned',
        status_before_suspend text,
        status_reason text,
        progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        acknowledged_at timestamptz,
        submitted_at timestamptz,
        completed_at timestamptz,
        extension_approved_at timestamptz,
        last_progress_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (plan_id, code)
      )`);
    await q.query(`CREATE INDEX tasks_status_due_idx ON tasks (status, due_at)`);
    await q.query(`CREATE INDEX tasks_due_idx ON tasks (due_at)`);
    await q.query(`
      CREATE TABLE steps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        code text NOT NULL,
        position integer NOT NULL,
        text text NOT NULL,
        deadline_text text,
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'open',
        completed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        UNIQUE (task_id, position)
      )`);
    await q.query(`
      CREATE TABLE assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES units(id),
        role text NOT NULL CHECK (role IN ('lead', 'responsible', 'assisting')),
        status text NOT NULL DEFAULT 'assigned',
        progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        acknowledged_at timestamptz,
        last_progress_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (task_id, unit_id)
      )`);
    await q.query(`CREATE INDEX assignments_unit_idx ON assignments (unit_id, role)`);
    await q.query(`
      CREATE TABLE progress_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        unit_id uuid REFERENCES units(id),
        author_id uuid REFERENCES users(id),
        percent integer NOT NULL CHECK (percent BETWEEN 0 AND 100),
        note text NOT NULL DEFAULT '',
        evidence text[] NOT NULL DEFAULT '{}',
        indicator_values jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX progress_task_idx ON progress_reports (task_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE extension_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        unit_id uuid REFERENCES units(id),
        requested_by uuid REFERENCES users(id),
        requested_due_at timestamptz NOT NULL,
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        decision_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        reviewer_id uuid REFERENCES users(id),
        decision text NOT NULL CHECK (decision IN ('approve', 'return')),
        reason text,
        override_open_steps boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id),
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        actor_id uuid,
        actor_name text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        task_id uuid,
        before jsonb,
        after jsonb,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX audit_task_idx ON audit_events (task_id, id)`);
    // The audit trail is evidence: the database itself refuses to change or delete it.
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only';
      END;
      $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`
      CREATE TABLE domain_events (
        id bigserial PRIMARY KEY,
        type text NOT NULL,
        task_id uuid,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        processed_at timestamptz
      )`);
    await q.query(`CREATE INDEX domain_events_unprocessed_idx ON domain_events (id) WHERE processed_at IS NULL`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status integer NOT NULL,
        body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
    await q.query(`
      CREATE TABLE imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL DEFAULT 'previewed',
        file_name text NOT NULL,
        content_hash text NOT NULL,
        parsed jsonb NOT NULL,
        diff jsonb,
        plan_id uuid REFERENCES plans(id) ON DELETE SET NULL,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        committed_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE reminders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL,
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        step_id uuid REFERENCES steps(id) ON DELETE CASCADE,
        unit_id uuid REFERENCES units(id),
        kind text NOT NULL,
        audience text NOT NULL,
        reason text NOT NULL DEFAULT 'deadline',
        notice_level text NOT NULL,
        channels text[] NOT NULL,
        due_at timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        late boolean NOT NULL DEFAULT false,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One live row per schedule key; sent/cancelled rows stay as history.
    await q.query(
      `CREATE UNIQUE INDEX reminders_live_key_idx ON reminders (key) WHERE state IN ('pending', 'enqueued', 'sending')`,
    );
    await q.query(`CREATE INDEX reminders_due_idx ON reminders (due_at) WHERE state IN ('pending', 'enqueued')`);
    await q.query(`CREATE INDEX reminders_task_idx ON reminders (task_id)`);
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reminder_id uuid REFERENCES reminders(id) ON DELETE SET NULL,
        user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        unit_id uuid REFERENCES units(id),
        task_id uuid REFERENCES tasks(id) ON DELETE CASCADE,
        channel text NOT NULL,
        recipient text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        notice_level text,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Exactly once per reminder, recipient and channel, whatever retries happen.
    await q.query(
      `CREATE UNIQUE INDEX notifications_once_idx ON notifications (reminder_id, channel, recipient) WHERE reminder_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'notifications', 'reminders', 'imports', 'idempotency_keys', 'domain_events', 'audit_events',
      'comments', 'reviews', 'extension_requests', 'progress_reports', 'assignments', 'steps', 'tasks',
      'plan_targets', 'plan_supervisors', 'plans', 'api_tokens', 'refresh_tokens', 'users', 'unit_groups', 'units',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_events_append_only()`);
  }
}
