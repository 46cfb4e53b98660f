import { countdownText, CountdownInput, lightShape } from './countdown';
import './light.css';

/** The traffic light as colour, shape and words together. */
export function LightBadge(props: CountdownInput) {
  const light = props.overdue ? 'red' : props.light;
  return (
    <span className={`light light-${light}`}>
      <span aria-hidden className="light-shape">
        {lightShape(light)}
      </span>
      {countdownText(props)}
    </span>
  );
}
