// `?scenario=<url>`: opens a scenario file from an address when the page starts. The address is
// resolved against the page (so `?scenario=my-lesson.yaml` is a file beside index.html) and must
// be same-origin or served with CORS (Access-Control-Allow-Origin). Only http(s) addresses are
// fetched; the text goes through openScenarioText like a file from the picker.

import { pushNotice } from '../../store/useSimStore';
import { MAX_SCENARIO_BYTES, openScenarioText } from './openScenarioText';

/** The `scenario` parameter of the page's query string, if any. */
export function scenarioParam(search: string): string | null {
  const value = new URLSearchParams(search).get('scenario');
  return value === null || value.trim() === '' ? null : value.trim();
}

/** The last part of the address, for the report's title ("my-lesson.yaml"). */
export function fileNameOf(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).at(-1);
  try {
    return last ? decodeURIComponent(last) : url.href;
  } catch {
    return last ?? url.href;
  }
}

/** Fetches and opens the file `param` names; a failure becomes a notice that says what to check. */
export async function openScenarioUrl(param: string, base: string, fetchText: typeof fetch = fetch): Promise<boolean> {
  const fail = (why: string): false => {
    pushNotice('error', `Could not load the scenario from ?scenario=${param}: ${why}. The lab keeps running the scenario it had.`);
    return false;
  };
  let url: URL;
  try {
    url = new URL(param, base);
  } catch {
    return fail('that is not an address; give a path such as my-lesson.yaml or a full https:// address');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(`only http and https addresses can be loaded, not ${url.protocol}`);
  let response: Response;
  try {
    response = await fetchText(url.href, { credentials: 'same-origin' });
  } catch {
    const cross = url.origin !== new URL(base).origin;
    return fail(
      cross
        ? `the request to ${url.origin} failed: the server is unreachable or does not allow this page to read it (CORS: it must send Access-Control-Allow-Origin)`
        : `the request to ${url.href} failed: the server is unreachable; check your connection`,
    );
  }
  if (!response.ok) {
    return fail(`the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${url.href}${response.status === 404 ? '; check the address and the file name' : ''}`);
  }
  // A static host (and vite preview) answers an unknown path with the app's own page.
  if (/text\/html/i.test(response.headers.get('content-type') ?? '')) {
    return fail(`${url.href} is a web page, not a scenario file; check the address and the file name`);
  }
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_SCENARIO_BYTES) return fail(`the file is ${(length / 1e6).toFixed(1)} MB; a scenario file is at most 2 MB`);
  let text: string;
  try {
    text = await response.text();
  } catch {
    return fail(`the download of ${url.href} broke off; try again`);
  }
  return openScenarioText(fileNameOf(url), text);
}
