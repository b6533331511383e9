import { describe, expect, it } from 'vitest';
import type { SimMs, TimedInput } from '../engine';
import type { ScenarioCatalog, ScenarioFacts } from './scenarioCatalog';
import { loadFullCatalog } from './scenarioCatalog';
import { buildDeepLink, defaultUrlState, normalizeOrigin, parseDeepLink, type UrlState } from './urlState';
import { encodeInputs } from './inputsCodec';

const SCENARIO_CATALOG = await loadFullCatalog();

/** A catalog with a free-play scenario and a guided one of 6 beats. */
const FACTS: Record<string, ScenarioFacts> = {
  free: { id: 'free', seed: 1, beats: 0, questions: 0, duration: 120_000 },
  guided: { id: 'guided', seed: 3, beats: 6, questions: 2, duration: 90_000 },
  'odd id/é': { id: 'odd id/é', seed: 1, beats: 0, questions: 0, duration: 1000 },
};
const catalog: ScenarioCatalog = {
  defaultId: 'free',
  find: () => undefined,
  facts: (id) => FACTS[id],
  suggestions: () => Object.keys(FACTS),
};

const parse = (hash: string) => parseDeepLink(hash, catalog);
const texts = (hash: string) => parse(hash).notices.map((n) => n.text);

const fault = (step: number, at: number, node = 'A'): TimedInput => ({ step, at: at as SimMs, action: { type: 'fault', fault: 'node-crash', target: { node } } });

describe('parseDeepLink', () => {
  describe('the scenario', () => {
    it.each(['', '#', '#/', '/'])('shows the default scenario for an empty hash %j, without a notice', (hash) => {
      expect(parse(hash)).toEqual({ state: defaultUrlState('free'), notices: [], apiAllowed: true });
    });

    it('reads the scenario id from #/s/<id>', () => {
      expect(parse('#/s/guided').state.scenarioId).toBe('guided');
      expect(parse('#/s/guided/').state.scenarioId).toBe('guided');
    });

    it('decodes a percent-encoded id', () => {
      expect(parse(`#/s/${encodeURIComponent('odd id/é')}`).state.scenarioId).toBe('odd id/é');
    });

    it('names an unknown scenario and shows the default', () => {
      const r = parse('#/s/foo');
      expect(r.state.scenarioId).toBe('free');
      expect(r.notices).toEqual([{ param: 'scenario', text: 'unknown scenario "foo"; showing the default (free)' }]);
    });

    it('ignores, with one notice, the parameters that belonged to an unknown scenario', () => {
      const r = parse('#/s/foo?beat=2&seed=4&t=10&speed=2');
      expect(r.state).toEqual({ ...defaultUrlState('free'), speed: 2 });
      expect(r.notices.map((n) => n.text)).toEqual(['unknown scenario "foo"; showing the default (free)', 'beat, seed, t were made for scenario "foo" and are ignored']);
    });

    it('refuses an address that is not a Reservation Lab link', () => {
      expect(texts('#/x/guided')).toEqual(["the link's address \"#/x/guided\" is not a Reservation Lab link (expected #/s/<scenario>?…); showing the default scenario"]);
      expect(texts('#/s/%E0%A4%A')).toHaveLength(1); // malformed percent-encoding does not throw
    });

    it('resolves built-in, library and free-play ids in the real catalog', () => {
      for (const id of ['two-node-heartbeat', 's1-failover-ha-lvm', 'free-fence-scsi-2x2', 'free-ha-lvm-nofence-3x1']) {
        expect(parseDeepLink(`#/s/${id}`, SCENARIO_CATALOG).state.scenarioId).toBe(id);
      }
    });
  });

  describe('seed', () => {
    it('takes a whole number', () => expect(parse('#/s/free?seed=7').state.seed).toBe(7));
    it.each(['x', '-1', '1.5', '4294967296', ''])('refuses %j and names the scenario seed it uses instead', (v) => {
      const r = parse(`#/s/guided?seed=${v}`);
      expect(r.state.seed).toBeNull();
      expect(r.notices[0]!.text).toBe("seed must be a whole number from 0 to 4294967295; using the scenario's seed 3");
    });
  });

  describe('beat', () => {
    it('takes a beat of a guided scenario', () => expect(parse('#/s/guided?beat=4').state.beat).toBe(4));
    it('says a beat past the end does not exist, and how many there are', () => {
      expect(texts('#/s/guided?beat=12')).toEqual(['beat 12 does not exist (this scenario has 6)']);
    });
    it('says a free-play scenario has no beats', () => {
      expect(texts('#/s/free?beat=1')).toEqual(['beat 1 does not exist (this scenario has no narrated beats)']);
    });
    it.each(['0', 'two', '1.5'])('refuses beat=%s', (v) => {
      const r = parse(`#/s/guided?beat=${v}`);
      expect(r.state.beat).toBeNull();
      expect(r.notices[0]!.text).toBe('beat must be a whole number from 1 to 6; starting at the beginning');
    });
  });

  describe('speed', () => {
    it('takes an offered speed', () => expect(parse('#/s/free?speed=0.25').state.speed).toBe(0.25));
    it('uses the nearest offered speed for another number', () => {
      const r = parse('#/s/free?speed=3');
      expect(r.state.speed).toBe(4);
      expect(r.notices[0]!.text).toMatch(/^speed 3 is not offered \(0\.1, .*20\); using the nearest, 4×$/);
    });
    it.each(['fast', '0', '-2'])('refuses speed=%s', (v) => {
      const r = parse(`#/s/free?speed=${v}`);
      expect(r.state.speed).toBeNull();
      expect(r.notices[0]!.text).toBe('speed must be a number of times real time such as 2; using 1×');
    });
  });

  describe('view', () => {
    it.each(['diagram', 'lun', 'ladder', 'log', 'faults', 'node'])('takes view=%s', (v) => expect(parse(`#/s/free?view=${v}`).state.view).toBe(v));
    it('names the views when given another', () => {
      expect(texts('#/s/free?view=chart')).toEqual(['view "chart" does not exist; use diagram, lun, ladder, log, faults, node']);
    });
  });

  describe('t', () => {
    it('takes a virtual time in ms, fractions included', () => {
      expect(parse('#/s/free?t=12345').state.t).toBe(12345);
      expect(parse('#/s/free?t=12.5').state.t).toBe(12.5);
    });
    it('goes to the end for a time past it, saying so', () => {
      const r = parse('#/s/guided?t=999999');
      expect(r.state.t).toBe(90_000);
      expect(r.notices[0]!.text).toBe("t 999999 is after the scenario's end (90000 ms); going to the end");
    });
    it.each(['-5', 'noon', '1e3'])('refuses t=%s', (v) => {
      expect(parse(`#/s/free?t=${v}`).state.t).toBeNull();
      expect(texts(`#/s/free?t=${v}`)).toEqual(['t must be a time in ms such as 12000; starting at the beginning']);
    });
  });

  describe('inputs', () => {
    it('decodes the learner inputs', () => {
      const inputs = [fault(3, 1500), { step: 9, at: 4000 as SimMs, action: { type: 'console' as const, node: 'B', line: 'sg_persist -i -k /dev/sdb' } }];
      expect(parse(`#/s/free?inputs=${encodeInputs(inputs)}`).state.inputs).toEqual(inputs);
    });
    it('drops inputs placed after the end of the scenario (a stale link)', () => {
      const r = parse(`#/s/guided?inputs=${encodeInputs([fault(1, 10), fault(900, 95_000)])}`);
      expect(r.state.inputs).toEqual([]);
      expect(r.notices[0]!.text).toBe("inputs could not be used: one is at 95000 ms, after the scenario's end (90000 ms); was the link made for another version of the scenario?");
    });
    it('drops inputs it cannot read, with a notice naming the problem', () => {
      const r = parse('#/s/free?inputs=1.%%%');
      expect(r.state.inputs).toEqual([]);
      expect(r.notices[0]!.text).toBe('inputs could not be read: it is not valid base64url text (was it cut off?); the run starts without the faults and commands the link recorded');
    });
  });

  describe('embed, controls, autoplay, h5p', () => {
    it('reads flags as 1/0/true/false', () => {
      expect(parse('#/s/free?embed=1&autoplay=true&h5p=1').state).toMatchObject({ embed: true, autoplay: true, h5p: true });
      expect(parse('#/s/free?embed=0&autoplay=false').state).toMatchObject({ embed: false, autoplay: false });
    });
    it('refuses another flag value', () => {
      expect(texts('#/s/free?embed=yes')).toEqual(['embed must be 1 or 0, got "yes"; using 0']);
    });
    it.each(['full', 'min', 'none'] as const)('takes controls=%s', (c) => expect(parse(`#/s/free?controls=${c}`).state.controls).toBe(c));
    it('refuses other controls', () => {
      expect(texts('#/s/free?controls=some')).toEqual(['controls must be full, min or none, got "some"; showing full controls']);
    });
    it('keeps autoplay off without a pause button (controls=none), WCAG 2.2.2', () => {
      const r = parse('#/s/free?controls=none&autoplay=1');
      expect(r.state.autoplay).toBe(false);
      expect(r.notices[0]!.text).toMatch(/WCAG 2\.2\.2/);
    });
  });

  describe('parentOrigin', () => {
    it('takes an origin, written with or without a slash', () => {
      expect(parse('#/s/free?parentOrigin=https://lms.example').state.parentOrigin).toBe('https://lms.example');
      expect(parse('#/s/free?parentOrigin=https%3A%2F%2Flms.example%3A8443%2F').state.parentOrigin).toBe('https://lms.example:8443');
    });
    it.each(['lms.example', 'https://lms.example/course/7', 'file:///x', 'null', 'javascript:alert(1)'])('refuses %j and keeps the API off (fail closed)', (v) => {
      const r = parse(`#/s/free?parentOrigin=${encodeURIComponent(v)}`);
      expect(r.state.parentOrigin).toBeNull();
      expect(r.apiAllowed).toBe(false);
      expect(r.notices[0]!.text).toMatch(/is not an origin such as https:\/\/lms\.example .*the embed API stays off/);
    });
    it('normalizes origins', () => {
      expect(normalizeOrigin('HTTPS://LMS.Example')).toBe('https://lms.example');
      expect(normalizeOrigin('https://lms.example:443')).toBe('https://lms.example');
      expect(normalizeOrigin('https://user:pw@lms.example')).toBeNull();
    });
  });

  it('names an unknown parameter and keeps the others', () => {
    const r = parse('#/s/free?sped=2&seed=5');
    expect(r.state.seed).toBe(5);
    expect(r.notices[0]!.text).toMatch(/^unknown parameter "sped" ignored \(known: beat, seed/);
  });

  it('never throws, whatever the hash', () => {
    for (const hash of ['#/s/', '#/s//', '#?', '#/s/free?&&==&', '#/s/free?inputs=' + 'A'.repeat(20_000), '#/s/%', '#/s/free?beat=1e999', `#/s/free?t=${'9'.repeat(400)}`]) {
      expect(() => parse(hash)).not.toThrow();
    }
  });
});

describe('buildDeepLink', () => {
  it('leaves out every default', () => {
    expect(buildDeepLink({ scenarioId: 'free' })).toBe('#/s/free');
  });

  it('writes the parameters in a stable order', () => {
    expect(buildDeepLink({ scenarioId: 'guided', beat: 4, seed: 7, speed: 2, view: 'ladder', t: 12345, embed: true, controls: 'min', autoplay: true, parentOrigin: 'https://lms.example' })).toBe(
      '#/s/guided?beat=4&seed=7&speed=2&view=ladder&t=12345&embed=1&controls=min&autoplay=1&parentOrigin=https%3A%2F%2Flms.example',
    );
  });

  it('prefixes a page URL, replacing its hash', () => {
    expect(buildDeepLink({ scenarioId: 'free', t: 5 }, 'https://cdn.example/lab/index.html#/s/old')).toBe('https://cdn.example/lab/index.html#/s/free?t=5');
  });

  const full: UrlState = {
    scenarioId: 'guided',
    beat: 6,
    seed: 4_294_967_295,
    speed: 0.1,
    view: 'node',
    t: 90_000,
    inputs: [fault(0, 0), fault(12, 3400.5, 'B'), { step: 40, at: 9000 as SimMs, action: { type: 'console', node: 'A', line: 'sg_persist --out --register --param-sark=0x1 /dev/sdb # ü & ?=#' } }],
    embed: true,
    controls: 'none',
    autoplay: false,
    parentOrigin: 'http://localhost:8080',
    h5p: true,
  };

  it.each<[string, UrlState]>([
    ['all defaults', defaultUrlState('free')],
    ['every parameter set', full],
    ['an id needing escapes', { ...defaultUrlState('odd id/é'), t: 0 }],
  ])('round-trips %s through parseDeepLink without notices', (_name, state) => {
    expect(parse(buildDeepLink(state))).toEqual({ state, notices: [], apiAllowed: true });
  });

  it('stays URL-safe: only unreserved characters and the query separators', () => {
    const link = buildDeepLink(full);
    expect(link).toMatch(/^#\/s\/guided\?[A-Za-z0-9\-._~%&=]+$/);
  });
});
