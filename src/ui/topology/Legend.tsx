// What the diagram's marks mean (RaftScope issue #17: learners asked for a legend).

import { Icon } from './icons';

export function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
      <li>
        <svg width="14" height="14" viewBox="-8 -8 16 16" aria-hidden="true">
          <path className="legend-arrow" d="M 7 0 L -6 -6.5 L -3 0 L -6 6.5 Z" />
        </svg>
        command on its way
      </li>
      <li>
        <span className="legend-pill ok">
          <Icon name="check" size={11} /> GOOD
        </span>
        <span className="legend-pill danger">
          <Icon name="noentry" size={11} /> CONFLICT
        </span>
        answers
      </li>
      <li>
        <Icon name="timer" size={13} /> lost: waits for its timeout
      </li>
      <li>
        <span className="legend-line current" aria-hidden="true" /> path in use
      </li>
      <li>
        <Icon name="cross" size={12} className="danger" /> broken cable or port
      </li>
      <li>
        <Icon name="heart" size={12} className="pulse-icon" /> heartbeat link (dot: a heartbeat)
      </li>
      <li>
        <Icon name="key" size={12} /> registered key
      </li>
      <li>
        <Icon name="star" size={11} /> reservation holder
      </li>
      <li>
        <Icon name="lock" size={11} /> SCSI-2 RESERVE
      </li>
    </ul>
  );
}
