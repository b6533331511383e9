/*
 * Reservation Lab SCORM 1.2 bridge. The SCO launcher (launch.html) frames the app and relays the
 * app's embed API events (postMessage, see docs/embedding.md) to the LMS's SCORM 1.2 API:
 *   ready                -> (nothing; LMSInitialize ran at launch)
 *   beatChanged          -> cmi.core.lesson_location, cmi.suspend_data, LMSCommit
 *   questionAnswered     -> cmi.core.score.raw/min/max (first answers), cmi.suspend_data, LMSCommit
 *   scenarioCompleted    -> cmi.core.lesson_status = completed, score, LMSCommit
 *   page unload          -> cmi.core.session_time, cmi.core.exit, LMSCommit, LMSFinish
 * A classic script (no modules, no build step) so any LMS can serve it; the same file is
 * imported by the unit tests, which drive createScormBridge against a recording fake LMS API.
 */
/* global window */
(function (root) {
  'use strict';

  var NS = 'reservation-lab';
  /** SCORM 1.2: cmi.suspend_data holds at most 4096 characters, cmi.core.lesson_location 255. */
  var MAX_SUSPEND_DATA = 4096;
  var MAX_LOCATION = 255;
  /** How many parent windows to climb looking for the API (ADL's wrapper uses 7; LMS frame sets can be deeper). */
  var MAX_API_DEPTH = 10;

  function apiIn(win) {
    try {
      return win && win.API ? win.API : null;
    } catch {
      return null; // a cross-origin window: not the LMS's
    }
  }

  function parentOf(win) {
    try {
      return win.parent && win.parent !== win ? win.parent : null;
    } catch {
      return null;
    }
  }

  /** ADL's search: this window and its parents up to the top (depth-limited), then the opener's. */
  function findScormApi(win, maxDepth) {
    var depth = maxDepth === undefined ? MAX_API_DEPTH : maxDepth;
    function climb(start) {
      var w = start;
      for (var i = 0; w && i <= depth; i++) {
        var api = apiIn(w);
        if (api) return api;
        w = parentOf(w);
      }
      return null;
    }
    var found = climb(win);
    if (found) return found;
    var opener;
    try {
      opener = win.opener || null;
    } catch {
      opener = null; // a cross-origin opener
    }
    return opener ? climb(opener) : null;
  }

  /** CMITimespan: HHHH:MM:SS.SS (SCORM 1.2 takes 2 to 4 hour digits). */
  function formatSessionTime(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    var h = Math.min(9999, Math.floor(cs / 360000));
    var m = Math.floor((cs % 360000) / 6000);
    var s = (cs % 6000) / 100;
    var pad = function (n, w) {
      var t = String(n);
      while (t.length < w) t = '0' + t;
      return t;
    };
    return pad(h, 4) + ':' + pad(m, 2) + ':' + pad(Math.floor(s), 2) + '.' + pad(Math.round((s % 1) * 100), 2);
  }

  /** Resume data: { v: 1, s: scenarioId, b: beat, q: { beatId: 1 | 0 } }, kept under 4096 characters. */
  function encodeSuspendData(state) {
    var data = { v: 1, s: state.scenarioId, b: state.beat || 0, q: {} };
    var ids = Object.keys(state.answers || {});
    for (var i = 0; i < ids.length; i++) data.q[ids[i]] = state.answers[ids[i]] ? 1 : 0;
    var text = JSON.stringify(data);
    // Too many answers to keep (hundreds of questions): keep the place, drop the oldest answers.
    while (text.length > MAX_SUSPEND_DATA && ids.length > 0) {
      delete data.q[ids.shift()];
      text = JSON.stringify(data);
    }
    if (text.length > MAX_SUSPEND_DATA) text = JSON.stringify({ v: 1, s: String(state.scenarioId).slice(0, 200), b: data.b, q: {} });
    return text;
  }

  function decodeSuspendData(text) {
    if (!text) return null;
    try {
      var d = JSON.parse(text);
      if (!d || d.v !== 1 || typeof d.s !== 'string') return null;
      var answers = {};
      if (d.q && typeof d.q === 'object') {
        Object.keys(d.q).forEach(function (k) {
          answers[k] = d.q[k] === 1;
        });
      }
      return { scenarioId: d.s, beat: typeof d.b === 'number' && d.b > 0 ? d.b : 0, answers: answers };
    } catch {
      return null;
    }
  }

  /**
   * The bridge's logic, free of the DOM: `api` is the LMS's SCORM 1.2 API object, `options.now`
   * a clock in ms, `options.scenarioId` the SCO's scenario.
   */
  function createScormBridge(api, options) {
    var now = options.now;
    var started = null;
    var finished = false;
    var connected = false;
    var completed = false;
    var state = { scenarioId: options.scenarioId, beat: 0, answers: {} };
    var questions = 0;

    function get(name) {
      return connected ? String(api.LMSGetValue(name)) : '';
    }
    function set(name, value) {
      if (connected) api.LMSSetValue(name, String(value));
    }
    function commit() {
      if (connected) api.LMSCommit('');
    }
    function lastError() {
      try {
        var code = api.LMSGetLastError();
        return code + ' ' + api.LMSGetErrorString(code);
      } catch {
        return 'unknown error';
      }
    }
    function score() {
      var raw = 0;
      var ids = Object.keys(state.answers);
      for (var i = 0; i < ids.length; i++) if (state.answers[ids[i]]) raw++;
      return { raw: raw, max: Math.max(questions, ids.length) };
    }
    function saveScore() {
      var s = score();
      set('cmi.core.score.min', 0);
      set('cmi.core.score.max', s.max);
      set('cmi.core.score.raw', s.raw);
    }
    function savePlace() {
      set('cmi.core.lesson_location', (state.scenarioId + (state.beat ? ':' + state.beat : '')).slice(0, MAX_LOCATION));
      set('cmi.suspend_data', encodeSuspendData(state));
    }

    return {
      /** LMSInitialize; marks the SCO incomplete; returns where to resume ({ scenarioId, beat }) and whether the LMS answered. */
      start: function () {
        started = now();
        if (!api) return { connected: false, error: 'no SCORM 1.2 API found (is this page launched by an LMS?)', scenarioId: state.scenarioId, beat: 0 };
        connected = String(api.LMSInitialize('')) === 'true';
        if (!connected) return { connected: false, error: 'LMSInitialize failed: ' + lastError(), scenarioId: state.scenarioId, beat: 0 };
        var status = get('cmi.core.lesson_status');
        completed = status === 'completed' || status === 'passed';
        if (status === '' || status === 'not attempted') set('cmi.core.lesson_status', 'incomplete');
        var resumed = decodeSuspendData(get('cmi.suspend_data'));
        if (resumed && resumed.scenarioId === state.scenarioId) {
          state.beat = resumed.beat;
          state.answers = resumed.answers;
        }
        commit();
        return { connected: true, scenarioId: state.scenarioId, beat: state.beat };
      },
      /** An event from the app's embed API. */
      handleEvent: function (type, payload) {
        if (!connected || finished || !payload || typeof payload !== 'object') return;
        if (payload.scenarioId !== undefined && payload.scenarioId !== state.scenarioId) return; // another scenario loaded in the frame
        if (type === 'beatChanged') {
          state.beat = payload.beat;
          savePlace();
          commit();
        } else if (type === 'questionAnswered') {
          if (payload.score && typeof payload.score.max === 'number') questions = Math.max(questions, payload.score.max);
          if (!(payload.beatId in state.answers)) state.answers[payload.beatId] = payload.correct === true;
          saveScore();
          savePlace();
          commit();
        } else if (type === 'scenarioCompleted') {
          if (payload.score && typeof payload.score.max === 'number') questions = Math.max(questions, payload.score.max);
          completed = true;
          set('cmi.core.lesson_status', 'completed');
          if (score().max > 0) saveScore();
          savePlace();
          commit();
        }
      },
      /** Session time, exit mode, LMSCommit and LMSFinish; safe to call more than once. */
      finish: function () {
        if (!connected || finished) return;
        finished = true;
        set('cmi.core.session_time', formatSessionTime(now() - (started === null ? now() : started)));
        set('cmi.core.exit', completed ? '' : 'suspend');
        commit();
        api.LMSFinish('');
      },
      state: function () {
        return { scenarioId: state.scenarioId, beat: state.beat, answers: state.answers, completed: completed, connected: connected, finished: finished };
      },
    };
  }

  /** The app's URL, relative to the launcher, with the deep link the SCO needs. */
  function appUrl(base, scenarioId, beat, parentOrigin) {
    var q = [];
    if (beat > 0) q.push('beat=' + beat);
    q.push('embed=1');
    if (parentOrigin && parentOrigin !== 'null') q.push('parentOrigin=' + encodeURIComponent(parentOrigin));
    return base + '#/s/' + encodeURIComponent(scenarioId) + '?' + q.join('&');
  }

  function scenarioFromQuery(search, fallback) {
    var m = /[?&]scenario=([^&#]*)/.exec(search || '');
    try {
      return m && m[1] ? decodeURIComponent(m[1]) : fallback;
    } catch {
      return fallback;
    }
  }

  /** Runs the launcher page: finds the LMS, frames the app at the right place, relays its events. */
  function launch(win, frame, statusEl) {
    var scenarioId = scenarioFromQuery(win.location.search, frame.getAttribute('data-scenario') || 'two-node-heartbeat');
    var bridge = createScormBridge(findScormApi(win), {
      scenarioId: scenarioId,
      now: function () {
        return Date.now();
      },
    });
    var started = bridge.start();
    if (!started.connected && statusEl) {
      statusEl.textContent = 'Not connected to a learning management system (' + started.error + '): your progress will not be saved.';
      statusEl.hidden = false;
    }
    win.addEventListener('message', function (event) {
      if (event.source !== frame.contentWindow) return;
      var data = event.data;
      if (!data || data.ns !== NS || data.v !== 1) return;
      bridge.handleEvent(data.type, data.payload);
    });
    var done = function () {
      bridge.finish();
    };
    win.addEventListener('pagehide', done);
    win.addEventListener('beforeunload', done);
    frame.src = appUrl(frame.getAttribute('data-app') || '../app/index.html', scenarioId, started.beat, win.location.origin);
    return bridge;
  }

  root.ReservationLabScorm = {
    findScormApi: findScormApi,
    formatSessionTime: formatSessionTime,
    encodeSuspendData: encodeSuspendData,
    decodeSuspendData: decodeSuspendData,
    createScormBridge: createScormBridge,
    appUrl: appUrl,
    scenarioFromQuery: scenarioFromQuery,
    launch: launch,
    MAX_SUSPEND_DATA: MAX_SUSPEND_DATA,
  };
})(typeof window !== 'undefined' ? window : globalThis);
