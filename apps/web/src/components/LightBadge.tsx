import { countdownText, CountdownInput } from './countdown';
import './light.css';

const SHAPE: Record<string, string> = { red: '■', yellow: '▲', green: '●', none: '○' };

/** The traffic light as colour, shape and words together. */
export function LightBadge(props: CountdownInput) {
  const light = props.overdue ? 'red' : props.light;
  return (
    <span className={`light light-${light}`}>
      <span aria-hidden className="light-shape">
        {SHAPE[light] ?? '○'}
      </span>
      {countdownText(props)}
    </span>
  );
}
