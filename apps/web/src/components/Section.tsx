import { ReactNode, useId } from 'react';
import './section.css';

/** A titled block of a page: a real heading for screen readers, a card for the eye. */
export function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section className="section" aria-labelledby={id}>
      <div className="section-head">
        <h2 id={id} className="section-title">
          {title}
        </h2>
        {extra}
      </div>
      <div className="section-body">{children}</div>
    </section>
  );
}
