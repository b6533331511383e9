// Engine benchmarks. Prints one JSON object per line. Speed targets live here, not in tests.
//
//   npm run bench
//
// heartbeat-3-nodes:  engine events per second for a 3-node run over one virtual hour
// seek-20-points:     wall time of seek() to 20 random points of that run (median and p95)
// personality-<name>: events per second per personality, 3 nodes × 2 paths, one virtual hour

import { performance } from 'node:perf_hooks';
import { createSimulation } from '../src/engine';
import { createRng, nextInt } from '../src/engine/rng';
import { BUILTIN_SCENARIOS } from '../src/scenarios';
import { testScenario } from '../src/engine/testing/scenarios';
import type { Personality } from '../src/engine';

const HOUR_MS = 3_600_000;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function emit(record: Record<string, unknown>): void {
  console.log(JSON.stringify(record));
}

const base = BUILTIN_SCENARIOS.find((s) => s.id === 'three-node-heartbeat')!;
const scenario = { ...base, duration: HOUR_MS as typeof base.duration, params: { ...base.params, heartbeatNetworks: 1 } };

// Warm up the JIT on a short run so the figure reflects steady state.
createSimulation({ scenario, seed: 1 }).runUntil(60_000);

const sim = createSimulation({ scenario, seed: 1 });
const t0 = performance.now();
sim.runUntil(HOUR_MS);
const wallMs = performance.now() - t0;
const events = sim.stepCount();
emit({
  bench: 'heartbeat-3-nodes',
  virtualMs: HOUR_MS,
  events,
  traceEntries: sim.trace().length,
  wallMs: Math.round(wallMs),
  eventsPerSecond: Math.round(events / (wallMs / 1000)),
});

const rng = createRng(2026);
const seeks: number[] = [];
for (let i = 0; i < 20; i++) {
  const t = nextInt(rng, 0, HOUR_MS);
  const s0 = performance.now();
  sim.seek(t);
  seeks.push(performance.now() - s0);
}
seeks.sort((a, b) => a - b);
emit({
  bench: 'seek-20-points',
  points: seeks.length,
  medianMs: Number(percentile(seeks, 50).toFixed(2)),
  p95Ms: Number(percentile(seeks, 95).toFixed(2)),
  maxMs: Number(seeks[seeks.length - 1]!.toFixed(2)),
});

const MODE_OF: Record<Personality, 'none' | 'scsi2' | 'scsi3'> = { 'ha-lvm': 'none', 'mscs-2003': 'scsi2', 'wsfc-2008': 'scsi3', 'fence-scsi': 'scsi3' };
for (const personality of Object.keys(MODE_OF) as Personality[]) {
  const sc = { ...testScenario(['A', 'B', 'C'], { mode: MODE_OF[personality], pathsPerNode: 2, duration: HOUR_MS }), personality };
  try {
    const run = createSimulation({ scenario: sc });
    const p0 = performance.now();
    run.runUntil(HOUR_MS);
    const ms = performance.now() - p0;
    emit({ bench: `personality-${personality}`, nodes: 3, pathsPerNode: 2, virtualMs: HOUR_MS, events: run.stepCount(), wallMs: Math.round(ms), eventsPerSecond: Math.round(run.stepCount() / (ms / 1000)) });
  } catch (err) {
    emit({ bench: `personality-${personality}`, error: err instanceof Error ? err.message : String(err) });
  }
}
