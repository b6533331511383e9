import { describe, expect, it } from 'vitest';
import { checkScenarioText, scenarioFormatOf } from './checkScenarioText';
import beatNeverReached from './examples-invalid/beat-never-reached.json';
import { parseYamlText } from './schema/parseYamlText';

describe('parseYamlText', () => {
  it('gives the same data as JSON for the same scenario', () => {
    const yaml = 'id: x\ntitle: "X: a test"\nmode: scsi3\nnodes: [A, B]\nseed: 7\nparams:\n  fencing: false\nfaults:\n  - { at: 1000, fault: node-crash, node: A }\n';
    expect(parseYamlText(yaml)).toEqual({
      ok: true,
      value: { id: 'x', title: 'X: a test', mode: 'scsi3', nodes: ['A', 'B'], seed: 7, params: { fencing: false }, faults: [{ at: 1000, fault: 'node-crash', node: 'A' }] },
    });
  });

  it('reads JSON text too (YAML is a superset), and ignores a byte order mark', () => {
    expect(parseYamlText('\uFEFF{"id": "x", "nodes": ["A"]}')).toEqual({ ok: true, value: { id: 'x', nodes: ['A'] } });
  });

  it('keeps yes/no and dates as text (YAML 1.2), so the validator names them', () => {
    expect(parseYamlText('a: yes\nb: 2026-11-26\nc: 0x10\n')).toEqual({ ok: true, value: { a: 'yes', b: '2026-11-26', c: 16 } });
  });

  it.each<[string, string, number, number, string]>([
    ['a list item out of line', 'nodes:\n  - A\n - B\n', 3, 1, 'a block sequence may not be used as an implicit map key; check the indentation: list items ("- ") line up with each other, and a value that contains ": " must be in quotes'],
    ['a tab as indentation', 'params:\n\tfencing: true\n', 2, 1, 'tabs are not allowed as indentation; indent with spaces, not tabs'],
    ['a field twice', 'id: x\ntitle: T\nid: y\n', 3, 1, 'the field "id" appears twice in the same object; keep one of them'],
    ['a missing colon', 'id: x\nmode scsi3\nnodes: [A]\n', 2, 1, 'implicit keys need to be on a single line; write each field as "name: value" on one line, with a colon and a space after the name (or the line above is not closed)'],
    ['an unclosed list', 'nodes: [A, B\nmode: scsi3\n', 2, 1, 'flow sequence in block collection must be sufficiently indented and end with a ]; indent the fields of one object by the same number of spaces, and close a [ list with ] and a { object with }'],
    ['a colon inside a value', 'title: Failover: the basics\n', 1, 8, 'nested mappings are not allowed in compact mappings; check the indentation: list items ("- ") line up with each other, and a value that contains ": " must be in quotes'],
    ['two documents', 'id: x\n---\nid: y\n', 2, 1, 'source contains multiple documents; please use YAML.parseAllDocuments(); a scenario file holds one document: remove the "---" line and what follows, or put the other scenario in its own file'],
    ['an alias without anchor', 'id: x\nnodes: *both\n', 2, 8, 'the alias *both names no anchor before it; define the value first with &both, or write the value out instead of *both'],
    ['an empty file', ' \n', 1, 1, 'the file is empty; write the scenario as YAML fields, one per line: "id: my-scenario", "title: …", "mode: scsi3", "nodes: [A, B]"'],
  ])('%s', (_name, text, line, column, message) => {
    expect(parseYamlText(text)).toEqual({ ok: false, line, column, message });
  });

  it('refuses a file whose aliases multiply it (a "billion laughs")', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]`)].join('\n');
    const result = parseYamlText(bomb);
    expect(result.ok).toBe(false);
  });
});

describe('scenarioFormatOf', () => {
  it.each([
    ['s.yaml', '{}', 'yaml'],
    ['s.YML', '', 'yaml'],
    ['s.json', 'id: x', 'json'],
    ['scenario', '  {"id": "x"}', 'json'],
    ['scenario', '\uFEFF[1]', 'json'],
    ['scenario.txt', 'id: x', 'yaml'],
    ['scenario', '', 'json'],
  ])('%s starting %j is %s', (name, text, format) => {
    expect(scenarioFormatOf(name, text)).toBe(format);
  });
});

describe('checkScenarioText (what lab check and the app both say)', () => {
  it('validates YAML with the same validator, naming every problem by path', () => {
    const text = 'id: x\ntitle: X\nmode: scsi3\nnodes: [A, B]\nduration: "60000"\nparams:\n  fencing: yes\n  aptpl: no\n';
    const result = checkScenarioText('x.yaml', text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.split(':')[0])).toEqual(['duration', 'params.fencing', 'params.aptpl']);
  });

  it('words a syntax error as lab check does', () => {
    expect(checkScenarioText('x.yaml', 'params:\n\tfencing: true\n')).toEqual({ ok: false, problems: ['line 2, column 1: YAML syntax error: tabs are not allowed as indentation; indent with spaces, not tabs'] });
    expect(checkScenarioText('x.json', '{"id": "x",}')).toEqual({ ok: false, problems: ["line 1, column 11: JSON syntax error: a trailing comma before '}' is not allowed in JSON; remove the comma"] });
  });

  it('reports the story problems of a valid file with simulate, keeping the scenario', () => {
    const text = JSON.stringify(beatNeverReached);
    expect(checkScenarioText('b.json', text).ok).toBe(true);
    const simulated = checkScenarioText('b.json', text, { simulate: true });
    expect(simulated.ok).toBe(false);
    expect(!simulated.ok && simulated.scenario?.id).toBe('beat-never-reached');
  });

  it('never throws on odd YAML', () => {
    for (const text of ['!!binary aGVsbG8=', 'a: !foo x', '? [a, b]\n: c', '- 1\n- 2', 'null', '~', '"just text"', '&a [*a]', '%YAML 1.1\n---\nx: 1']) {
      expect(() => checkScenarioText('x.yaml', text)).not.toThrow();
      expect(checkScenarioText('x.yaml', text).ok).toBe(false);
    }
  });
});
