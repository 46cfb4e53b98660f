/** A percent as a bar and a number (lighter than a Progress component for long lists). */
export function Meter({ percent, label }: { percent: number; label: string }) {
  return (
    <span className="meter" role="img" aria-label={`${label} ${percent}%`}>
      <span className="meter-track" aria-hidden>
        <span className="meter-fill" style={{ width: `${Math.max(0, Math.min(100, percent))}%` }} />
      </span>
      <span aria-hidden>{percent}%</span>
    </span>
  );
}
