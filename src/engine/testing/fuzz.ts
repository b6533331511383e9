// Seeded random fault schedules for property tests: crash/restart, freeze/resume, heartbeat
// partition/heal, link cut/restore, path and target-port down/up. The schedule is data; the
// engine decides at run time whether each fault still applies (a skipped fault is traced).

import { createRng, nextInt } from '../rng';
import type { Personality, ScheduledFault } from '../model/scenario';
import { testScenario } from './scenarios';
import type { Scenario } from '../model/scenario';
import { PERSONALITY_OF_MODE } from '../model/scenario';

const MODE_OF: Record<Personality, 'none' | 'scsi2' | 'scsi3'> = { 'ha-lvm': 'none', 'mscs-2003': 'scsi2', 'wsfc-2008': 'scsi3', 'fence-scsi': 'scsi3' };

export function randomSchedule(personality: Personality, seed: number, durationMs = 90_000): Scenario {
  const rng = createRng(seed);
  const nodes = nextInt(rng, 0, 2) === 0 ? ['A', 'B', 'C'] : ['A', 'B'];
  const paths = nextInt(rng, 1, 2);
  const faults: ScheduledFault[] = [];
  const count = nextInt(rng, 2, 8);
  const pick = <T>(xs: readonly T[]): T => xs[nextInt(rng, 0, xs.length - 1)]!;
  for (let i = 0; i < count; i++) {
    const at = nextInt(rng, 1_000, durationMs - 10_000);
    const node = pick(nodes);
    const other = pick(nodes.filter((n) => n !== node));
    switch (nextInt(rng, 0, 13)) {
      case 0:
        faults.push({ at, fault: 'node-crash', node });
        break;
      case 1:
        faults.push({ at, fault: 'node-restart', node });
        break;
      case 2:
      case 3:
        faults.push({ at, fault: 'node-freeze', node }, { at: at + nextInt(rng, 1_000, 40_000), fault: 'node-resume', node });
        break;
      case 4: {
        const rest = nodes.filter((n) => n !== node);
        faults.push({ at, fault: 'heartbeat-partition', groups: [[node], rest] });
        break;
      }
      case 5:
        faults.push({ at, fault: 'heartbeat-heal' });
        break;
      case 6:
        faults.push({ at, fault: 'link-cut', between: [node, other] });
        break;
      case 7:
        faults.push({ at, fault: 'link-restore', between: [node, other] });
        break;
      case 8:
      case 9:
        faults.push({ at, fault: 'path-down', node, path: nextInt(rng, 1, paths) });
        break;
      case 10:
        faults.push({ at, fault: 'path-up', node, path: nextInt(rng, 1, paths) });
        break;
      case 11:
        faults.push({ at, fault: 'target-port-down', path: nextInt(rng, 1, paths) });
        break;
      case 12:
        faults.push({ at, fault: 'target-port-up', path: nextInt(rng, 1, paths) });
        break;
      default:
        faults.push({ at, fault: 'node-crash', node }, { at: at + nextInt(rng, 5_000, 30_000), fault: 'node-restart', node });
    }
  }
  faults.sort((a, b) => a.at - b.at);
  const mode = MODE_OF[personality];
  return {
    ...testScenario(nodes, { mode, personality: personality === PERSONALITY_OF_MODE[mode] ? undefined : personality, pathsPerNode: paths, faults, duration: durationMs, seed }),
    personality,
    id: `fuzz-${personality}-${seed}`,
  };
}
