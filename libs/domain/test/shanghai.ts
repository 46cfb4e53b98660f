/** A moment written as Shanghai wall-clock time ('2025-09-30T18:00'), the way the rules are stated. */
export const sh = (local: string) => new Date(`${local}+08:00`);
