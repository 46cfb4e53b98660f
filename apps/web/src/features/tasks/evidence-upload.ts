import type { EvidenceUpload } from './EvidenceField';

/**
 * Where evidence files go. The API takes evidence as links only today; when it accepts file uploads
 * (multipart), this uploads one and returns its URL, and the camera button of 报送进展 turns on.
 */
export const evidenceUpload: EvidenceUpload = null;
