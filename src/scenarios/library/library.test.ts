// The library of guided scenarios, replayed headless like `lab check --simulate`: every beat is
// reached in order and every expectation holds; Previous/Next between beats is exact; the
// content rules hold (4–10 beats, cards complete, narration parses, answers valid); and every
// correction of research §9 ("what the source article gets wrong") is taught somewhere.

import { describe, expect, it } from 'vitest';
import schemaJson from '../../../public/scenario.schema.json';
import { createSimulation, runStory, runToBeat, type Beat, type BeatPosition } from '../../engine';
import { parseNarration, narrationText } from '../narration';
import { jsonSchemaErrors } from '../schema/jsonSchemaSubset';
import { TRACE_KINDS } from '../schema/validateBeats';
import { checkStory } from './checkStory';
import { LIBRARY, LIBRARY_PROBLEMS, beatsOf } from './index';

const entries = LIBRARY.map((e) => [e.card.id, e] as const);

describe('the library', () => {
  it('loads every file without a validation problem', () => {
    expect(LIBRARY_PROBLEMS).toEqual([]);
  });

  it('has at least 14 scenarios with distinct ids', () => {
    expect(LIBRARY.length).toBeGreaterThanOrEqual(14);
    expect(new Set(LIBRARY.map((e) => e.card.id)).size).toBe(LIBRARY.length);
  });

  it('covers every mode and personality', () => {
    expect(new Set(LIBRARY.map((e) => e.card.mode))).toEqual(new Set(['none', 'scsi2', 'scsi3']));
    expect(new Set(LIBRARY.map((e) => e.card.personality))).toEqual(new Set(['ha-lvm', 'mscs-2003', 'wsfc-2008', 'fence-scsi']));
  });

  it('starts with an introduction', () => {
    expect(LIBRARY[0]!.card.level).toBe('intro');
  });
});

describe.each(entries)('%s', (_id, entry) => {
  const beats = beatsOf(entry.scenario);

  it('has a complete card and 4 to 10 beats with distinct ids', () => {
    const { card } = entry;
    for (const text of [card.title, card.summary]) expect(text.trim().length).toBeGreaterThan(0);
    expect(['intro', 'core', 'advanced']).toContain(card.level);
    expect(card.minutes).toBeGreaterThan(0);
    expect(card.beats).toBe(beats.length);
    expect(beats.length).toBeGreaterThanOrEqual(4);
    expect(beats.length).toBeLessThanOrEqual(10);
    expect(new Set(beats.map((b) => b.id)).size).toBe(beats.length);
  });

  it('is accepted by public/scenario.schema.json', () => {
    expect(jsonSchemaErrors(schemaJson as never, JSON.parse(JSON.stringify(entry.scenario)))).toEqual([]);
  });

  it('has narration that parses, in one to four sentences, and questions whose answer is a choice', () => {
    for (const beat of beats) {
      const parsed = parseNarration(beat.narration);
      expect(parsed.ok, `${beat.id}: ${parsed.ok ? '' : parsed.error}`).toBe(true);
      const text = parsed.ok ? narrationText(parsed.narration) : '';
      // Sentences end with . ! or ? followed by a space or the end (not inside `code` such as 0x5).
      const sentences = text.split(/[.!?](?=\s|$)/).filter((s) => s.trim().length > 0);
      expect(sentences.length, `${beat.id} has ${sentences.length} sentences`).toBeLessThanOrEqual(4);
      if (beat.question) {
        const q = beat.question;
        expect(Number.isInteger(q.answer) && q.answer >= 0 && q.answer < q.choices.length, beat.id).toBe(true);
        for (const t of [q.prompt, q.explanation, ...q.choices]) expect(parseNarration(t).ok, `${beat.id}: ${t}`).toBe(true);
      }
    }
  });

  it('reaches every beat in order, and every expectation holds', () => {
    const result = checkStory(entry.scenario, beats);
    expect(result.problems.map((p) => p.message)).toEqual([]);
    expect(result.positions).toHaveLength(beats.length);
    for (let i = 1; i < result.positions.length; i++) expect(result.positions[i]!.step).toBeGreaterThanOrEqual(result.positions[i - 1]!.step);
    expect(result.held).toBe(result.expectations);
    // The engine's own runStory (what the player uses) agrees beat for beat.
    const story = runStory(createSimulation({ scenario: entry.scenario }), beats);
    expect(story.map((s) => (s.outcome.reached ? s.outcome.at : s.outcome.reason))).toEqual(result.positions);
    // Every trace kind the run records is one a beat may wait on.
    const unknown = [...new Set(result.sim.trace().map((e) => e.kind))].filter((k) => !TRACE_KINDS.includes(k));
    expect(unknown).toEqual([]);
  });

  it('Previous/Next between beats is exact: back to beat k-1 and on to beat k gives the same view and trace', () => {
    const sim = createSimulation({ scenario: entry.scenario });
    let previous: BeatPosition = { step: 0, time: 0, traceLength: 0 };
    for (const [k, beat] of beats.entries()) {
      const first = runToBeat(sim, beat as Beat, previous, true);
      expect(first.reached, beat.id).toBe(true);
      if (!first.reached) return;
      const view = JSON.stringify(sim.view());
      const trace = JSON.stringify(sim.trace());
      if (k > 0) {
        sim.seekStep(previous.step, previous.time);
        const again = runToBeat(sim, beat as Beat, previous, false);
        expect(again, beat.id).toEqual(first);
        expect(JSON.stringify(sim.view()), `${beat.id}: view`).toBe(view);
        expect(JSON.stringify(sim.trace()), `${beat.id}: trace`).toBe(trace);
      }
      previous = first.at;
    }
  });
});

/**
 * Research §9: each correction of the source article, the scenario and beat that teach it, and
 * words that beat's narration (or its question's explanation) must contain.
 */
const CORRECTIONS: { point: string; scenario: string; beat: string; words: string[] }[] = [
  // 1. Not "retry until successful, release after I/O": hold and renew every 3 s; release only offline; a challenger tries once and gives up.
  { point: '§9.1', scenario: 'article-scsi2', beat: 'held-not-released', words: ['correction 1', '3-s renewals', 'no RELEASE', 'VMFS'] },
  { point: '§9.1', scenario: 'article-scsi2', beat: 'gives-up', words: ['correction 1', 'one RESERVE', 'stopped its cluster service', 'hang forever', 'reset'] },
  { point: '§9.1', scenario: 's2-failover-mscs', beat: 'a-online', words: ['RELEASE only when the resource goes offline', 'every 3 s', 'KB 309186'] },
  // 2. A crashed node's persistent reservation is preempted automatically; manual clearing is for disks no member arbitrates.
  { point: '§9.2', scenario: 'article-persistent', beat: 'preempted', words: ['correction 2', 'PREEMPT', 'no human', 'manual clear', 'S11'] },
  { point: '§9.2', scenario: 's11-pr-left-behind', beat: 'lesson', words: ['preempt stale keys automatically', 'manual clear', 'destroyed cluster'] },
  // 3. SCSI-2 reservations are per initiator port (path): multipath breaks or needs a reset / translation.
  { point: '§9.3', scenario: 'article-scsi2', beat: 'per-path', words: ['correction 3', 'per path, not per node', 'multipath', 'reset'] },
  { point: '§9.3', scenario: 's7-scsi2-path-loss', beat: 'rereserved', words: ['round-robin', 'translated', 'persistent reservation'] },
  // 4. Deactivating a VG is not a block; system IDs/tags are overwritten; safety is quorum + fencing.
  { point: '§9.4', scenario: 'article-no-reservation', beat: 'b-writes', words: ['correction 4', 'deactivation is not a block', 'nothing on the storage'] },
  { point: '§9.4', scenario: 'article-no-reservation', beat: 'overwritten', words: ['system_id=B', 'not a lock'] },
  { point: '§9.4', scenario: 'article-no-reservation', beat: 'fence-first', words: ['quorum', 'fencing', 'never mentions'] },
  // 5. SCSI-3 PR does not decide the winner; the cluster does, and PR enforces it.
  { point: '§9.5', scenario: 'article-persistent', beat: 'scrub', words: ['correction 5', 'do not decide the winner', 'quorum', 'enforces'] },
  { point: '§9.5', scenario: 'intro-lun-paths-keys', beat: 'owner-writes', words: ['decided by the cluster', 'enforces'] },
  // 6. Windows 2008 removed bus resets and parallel SCSI and made PR a hard requirement.
  { point: '§9.6', scenario: 'article-persistent', beat: 'no-resets', words: ['correction 6', 'hard requirement', 'validation wizard', 'parallel SCSI', 'bus resets'] },
];

describe('every correction of research §9 is taught', () => {
  it('lists all six points', () => {
    expect(new Set(CORRECTIONS.map((c) => c.point))).toEqual(new Set(['§9.1', '§9.2', '§9.3', '§9.4', '§9.5', '§9.6']));
  });

  it.each(CORRECTIONS.map((c) => [c.point, c] as const))('%s', (_point, c) => {
    const entry = LIBRARY.find((e) => e.card.id === c.scenario);
    expect(entry, c.scenario).toBeDefined();
    const beat = beatsOf(entry!.scenario).find((b) => b.id === c.beat);
    expect(beat, `${c.scenario} / ${c.beat}`).toBeDefined();
    const text = [beat!.narration, beat!.question?.explanation ?? ''].join(' ').toLowerCase();
    for (const w of c.words) expect(text, `${c.scenario} / ${c.beat} mentions "${w}"`).toContain(w.toLowerCase());
  });
});
