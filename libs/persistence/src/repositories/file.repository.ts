import { Injectable } from '@nestjs/common';
import { RepositoryBase } from '../db/repository';
import { sql, Sql } from '../db/sql';
import { FileAttachment, FileEntity } from '../entities';

/** A file row with its uploader's name, as lists show it. */
export interface FileView extends FileEntity {
  uploaderName: string | null;
}

/** Where an attach puts files: the owner columns that go with `attachedTo`. */
export interface FileTarget {
  attachedTo: FileAttachment;
  taskId?: string;
  planId?: string;
  progressReportId?: string;
  commentId?: string;
}

const COLUMNS = sql`f.id, f.storage_key AS "storageKey", f.name, f.kind, f.mime, f.size::float8 AS size, f.sha256,
  f.uploaded_by AS "uploadedBy", f.uploaded_at AS "uploadedAt", f.attached_to AS "attachedTo", f.attached_at AS "attachedAt",
  f.task_id AS "taskId", f.plan_id AS "planId", f.progress_report_id AS "progressReportId", f.comment_id AS "commentId",
  f.import_id AS "importId", u.display_name AS "uploaderName"`;

/** Metadata of stored files (the bytes are in the FileStore): uploads, attachments, the clean-up. */
@Injectable()
export class FileRepository extends RepositoryBase {
  async insert(row: Omit<FileEntity, 'attachedTo' | 'attachedAt' | 'taskId' | 'planId' | 'progressReportId' | 'commentId'>): Promise<FileEntity> {
    await this.m.insert(FileEntity, {
      ...row,
      attachedTo: null,
      attachedAt: null,
      taskId: null,
      planId: null,
      progressReportId: null,
      commentId: null,
    });
    return (await this.m.findOne(FileEntity, { where: { id: row.id } }))!;
  }

  private async select(where: Sql, order = sql`f.uploaded_at, f.id`): Promise<FileView[]> {
    return this.db.query<FileView>(sql`SELECT ${COLUMNS} FROM files f LEFT JOIN users u ON u.id = f.uploaded_by WHERE ${where} ORDER BY ${order}`);
  }

  async findById(id: string): Promise<FileView | null> {
    return (await this.select(sql`f.id = ${id}`))[0] ?? null;
  }

  /** Every file of an item (progress, submissions, comments), oldest first. */
  forTask(taskId: string): Promise<FileView[]> {
    return this.select(sql`f.task_id = ${taskId}`);
  }

  /** A plan's files: its source documents and attachments, oldest first. */
  forPlan(planId: string): Promise<FileView[]> {
    return this.select(sql`f.plan_id = ${planId}`);
  }

  forProgressReports(ids: readonly string[]): Promise<FileView[]> {
    return ids.length ? this.select(sql`f.progress_report_id = ANY(${[...ids]}::uuid[])`) : Promise.resolve([]);
  }

  forComments(ids: readonly string[]): Promise<FileView[]> {
    return ids.length ? this.select(sql`f.comment_id = ANY(${[...ids]}::uuid[])`) : Promise.resolve([]);
  }

  /**
   * Gives the uploader's own unattached files to `target`; returns those it took. A file already
   * attached, someone else's, or gone is left out, so the caller can name it.
   */
  async attach(ids: readonly string[], uploaderId: string, target: FileTarget): Promise<FileView[]> {
    if (!ids.length) return [];
    // A CTE, so the driver answers rows (a bare UPDATE … RETURNING comes back as [rows, count]).
    const taken = await this.db.query<{ id: string }>(sql`
      WITH taken AS (
        UPDATE files SET attached_to = ${target.attachedTo}, attached_at = now(),
               task_id = ${target.taskId ?? null}, plan_id = ${target.planId ?? null},
               progress_report_id = ${target.progressReportId ?? null}, comment_id = ${target.commentId ?? null}
         WHERE id = ANY(${[...ids]}::uuid[]) AND uploaded_by = ${uploaderId}
           AND attached_to IS NULL AND task_id IS NULL AND plan_id IS NULL
        RETURNING id)
      SELECT id FROM taken`);
    if (!taken.length) return [];
    return this.select(sql`f.id = ANY(${taken.map((r) => r.id)}::uuid[])`);
  }


  /** Where the document uploaded for an import is stored (the worker reads a scan from there). */
  async importDocumentKey(importId: string): Promise<string | null> {
    const rows = await this.db.query<{ storage_key: string }>(sql`SELECT storage_key FROM files WHERE import_id = ${importId} ORDER BY uploaded_at LIMIT 1`);
    return rows[0]?.storage_key ?? null;
  }

  /** The committed import's document becomes a source file of the plan. */
  async attachImportSource(importId: string, planId: string): Promise<void> {
    await this.db.query(sql`
      UPDATE files SET attached_to = 'plan_source', attached_at = now(), plan_id = ${planId}
       WHERE import_id = ${importId} AND attached_to IS NULL`);
  }

  /**
   * Removes up to `limit` rows of files that nothing holds (never attached, or their owner is gone)
   * uploaded before `before`, and returns their storage keys so the bytes can go too.
   */
  async removeLoose(before: Date, limit: number): Promise<string[]> {
    const rows = await this.db.query<{ storage_key: string }>(sql`
      WITH gone AS (
        DELETE FROM files WHERE id IN (
          SELECT id FROM files WHERE task_id IS NULL AND plan_id IS NULL AND uploaded_at < ${before}
           ORDER BY uploaded_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING storage_key)
      SELECT storage_key FROM gone`);
    return rows.map((r) => r.storage_key);
  }
}
