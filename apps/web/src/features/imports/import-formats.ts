/** What the 导入 page lets a user pick: the formats POST /imports reads (it tells them apart by the bytes). */
export const DOCUMENT_TYPES = ['.txt', '.html', '.htm', '.docx', '.xlsx', '.csv', '.pdf', '.ofd'];
/** Scans: read by OCR in the worker, not at upload. */
export const SCAN_TYPES = ['.jpg', '.jpeg', '.png', '.tif', '.tiff'];
export const ACCEPTED_TYPES = [...DOCUMENT_TYPES, ...SCAN_TYPES].join(',');
