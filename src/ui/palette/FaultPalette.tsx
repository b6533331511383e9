// The fault palette: every fault the engine registers (view.faults, in the registry's order) with
// a target picker built from the targets it applies to now and an Inject button. Keyboard users
// get native selects and buttons; faults that apply nowhere now say why.

import { useMemo } from 'react';
import type { FaultOption } from '../../engine';
import { useSimStore } from '../../store/useSimStore';
import { FaultRow } from './FaultRow';

export function FaultPalette() {
  // The view is a fresh copy on every update; compare the fault list by content.
  const signature = useSimStore((s) => (s.view ? JSON.stringify(s.view.faults) : ''));
  const faults = useMemo(() => (signature ? (JSON.parse(signature) as FaultOption[]) : []), [signature]);
  const error = useSimStore((s) => (s.inputError?.source === 'palette' ? s.inputError.text : null));
  const applicable = faults.filter((f) => f.targets.length > 0).length;
  return (
    <section className="panel palette" aria-label="Faults">
      <h2>
        Faults <span className="count">{applicable} of {faults.length} apply now</span>
      </h2>
      {error && (
        <p className="palette-error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <ul className="fault-list">
        {faults.map((f) => (
          <FaultRow key={f.id} fault={f} />
        ))}
      </ul>
    </section>
  );
}
