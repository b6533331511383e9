import { beforeEach, describe, expect, it } from 'vitest';
import { useSimStore } from '../../store/useSimStore';
import { useLoadStore } from './loadStore';
import { fileNameOf, openScenarioUrl, scenarioParam } from './scenarioUrl';

const BASE = 'https://lab.example/course/index.html';
const notices = () => useSimStore.getState().notices.map((n) => n.text);
const answer = (body: string, init: ResponseInit = {}) => (async () => new Response(body, init)) as typeof fetch;

beforeEach(() => {
  useSimStore.setState({ notices: [] });
  useLoadStore.setState({ report: null, status: '', checking: null });
});

describe('?scenario=', () => {
  it('reads the parameter, ignoring an empty one', () => {
    expect(scenarioParam('?scenario=examples/a.yaml&x=1')).toBe('examples/a.yaml');
    expect(scenarioParam('?scenario=')).toBeNull();
    expect(scenarioParam('')).toBeNull();
  });

  it('names the file by the last part of its address', () => {
    expect(fileNameOf(new URL('https://h/x/my%20lesson.yaml?v=2'))).toBe('my lesson.yaml');
  });

  it.each<[string, string, typeof fetch, RegExp]>([
    ['a missing file', 'lesson.yaml', answer('', { status: 404, statusText: 'Not Found' }), /server answered 404 Not Found for https:\/\/lab\.example\/course\/lesson\.yaml; check the address/],
    ['the app page served for an unknown path', 'lesson.yaml', answer('<!doctype html>', { headers: { 'content-type': 'text/html' } }), /is a web page, not a scenario file/],
    ['another site without CORS', 'https://other.example/s.json', (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch, /CORS: it must send Access-Control-Allow-Origin/],
    ['a javascript: address', 'javascript:alert(1)', answer('{}'), /only http and https addresses can be loaded, not javascript:/],
  ])('%s gives a notice naming the problem, and opens nothing', async (_name, param, fetchText, message) => {
    expect(await openScenarioUrl(param, BASE, fetchText)).toBe(false);
    expect(notices()).toHaveLength(1);
    expect(notices()[0]).toMatch(/^Could not load the scenario from \?scenario=/);
    expect(notices()[0]).toMatch(message);
    expect(useLoadStore.getState().report).toBeNull();
  });

  it('reports a file with problems like lab check', async () => {
    expect(await openScenarioUrl('bad.yaml', BASE, answer('id: x\nmode scsi3\n'))).toBe(false);
    expect(useLoadStore.getState().report).toEqual({
      fileName: 'bad.yaml',
      problems: ['line 2, column 1: YAML syntax error: implicit map keys need to be followed by map values; write the field as "name: value", with a colon and a space after the name'],
    });
  });
});
