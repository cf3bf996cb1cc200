// fairdial wallboard: loads the state once from /api, then follows /events. No libraries, no build step.
// The token comes from the URL fragment (#token=...), which browsers never send to servers, or from the login
// form; it is kept in sessionStorage (this tab only) and removed from the address bar at once.
'use strict';

const TOKEN_KEY = 'fairdial.token';
const SVG = 'http://www.w3.org/2000/svg';
const state = { token: null, agents: new Map(), campaigns: new Map(), calls: new Map(), minutes: [],
  skew: 0, source: null };

function takeToken() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) {
    sessionStorage.setItem(TOKEN_KEY, fragment.get('token'));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function showLogin(message) {
  document.getElementById('board').hidden = true;
  document.getElementById('login').hidden = false;
  document.getElementById('login-error').textContent = message || '';
}

document.getElementById('login').addEventListener('submit', (e) => {
  e.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, document.getElementById('token').value.trim());
  document.getElementById('login').hidden = true;
  start();
});

async function api(path) {
  const response = await fetch(path, { headers: { Authorization: 'Bearer ' + state.token } });
  if (response.status === 401 || response.status === 403) {
    sessionStorage.removeItem(TOKEN_KEY);
    if (state.source) { state.source.close(); }
    showLogin(response.status === 401 ? 'That token is not valid.' : 'That token may not read the wallboard.');
    throw new Error('not authorised');
  }
  if (!response.ok) { throw new Error(path + ': HTTP ' + response.status); }
  const date = response.headers.get('Date');
  if (date) { state.skew = Date.parse(date) - Date.now(); }
  return response.json();
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) { node.className = className; }
  if (text !== undefined) { node.textContent = text; }
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) { node.setAttribute(k, v); }
  return node;
}

const now = () => Date.now() + state.skew;
const pct = (x) => (100 * x).toFixed(1) + '%';

function duration(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, r = s % 60;
  return (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(r).padStart(2, '0');
}

// --- agents -----------------------------------------------------------------------------------------------
function renderAgents() {
  const grid = document.getElementById('agents');
  const tiles = [...state.agents.values()].sort((a, b) => a.id.localeCompare(b.id)).map((a) => {
    const tile = el('div', 'agent state-' + a.state);
    tile.dataset.agent = a.id;
    tile.dataset.since = a.since;
    tile.append(el('div', 'name', a.displayName + (a.displayName === a.id ? '' : ' (' + a.id + ')')),
      el('div', 'state', a.state.replace('_', ' ')), el('div', 'since', ''));
    if (a.failures > 0) {
      // A phone that failed bridges: held out with a back-off, then on probation until it takes a call.
      tile.classList.add('failing');
      tile.append(el('div', 'backoff', a.failures + ' failed' + (a.heldUntil && Date.parse(a.heldUntil) > now()
        ? ', held until ' + new Date(a.heldUntil).toLocaleTimeString() : ', on probation')));
    }
    return tile;
  });
  grid.replaceChildren(...tiles);
  tick();
}

// --- campaigns and their abandon gauges -------------------------------------------------------------------
function gauge(rate, cap) {
  // A half circle from 0 to twice the cap, so the cap sits straight up and an overshoot stays visible.
  const max = cap > 0 ? 2 * cap : 0.06;
  const share = Math.min(1, rate / max);
  const arc = (from, to) => {
    const a0 = Math.PI * (1 - from), a1 = Math.PI * (1 - to);
    const p = (a) => (60 + 50 * Math.cos(a)).toFixed(2) + ' ' + (60 - 50 * Math.sin(a)).toFixed(2);
    return 'M ' + p(a0) + ' A 50 50 0 0 1 ' + p(a1);
  };
  const level = rate >= cap ? 'over' : rate >= 0.8 * cap ? 'warn' : 'ok';
  const g = svg('svg', { class: 'gauge', viewBox: '0 0 120 68', role: 'img',
    'aria-label': 'abandon rate ' + pct(rate) + ' of cap ' + pct(cap) });
  g.append(svg('path', { class: 'track', d: arc(0, 1), fill: 'none', 'stroke-width': 12 }));
  if (share > 0) {
    g.append(svg('path', { class: 'fill ' + level, d: arc(0, share), fill: 'none', 'stroke-width': 12 }));
  }
  g.append(svg('line', { class: 'cap-mark', x1: 60, y1: 2, x2: 60, y2: 18 }));
  return { node: g, level };
}

function renderCampaigns() {
  const cards = [...state.campaigns.values()].sort((a, b) => a.name.localeCompare(b.name)).map((c) => {
    const card = el('div', 'campaign');
    card.dataset.campaign = c.name;
    const title = el('h3', '', c.name);
    title.append(el('span', 'badge' + (c.running ? ' running' : ''), c.running ? 'dialing' : 'paused'));
    const g = gauge(c.abandonRate, c.abandonRateCap);
    card.dataset.level = g.level;
    const counts = el('div', 'counts');
    for (const [label, value] of [['dialed', c.stats.dialed], ['answered', c.stats.answered],
      ['abandoned', c.stats.abandoned], ['ratio', c.dialRatio]]) {
      const item = el('span', label);
      item.append(el('b', '', String(value)), label);
      counts.append(item);
    }
    card.append(title, g.node, el('div', 'gauge-value', pct(c.abandonRate)),
      el('div', 'gauge-cap', 'cap ' + pct(c.abandonRateCap) + ' (' + c.profile + ')'), counts);
    return card;
  });
  document.getElementById('campaigns').replaceChildren(...cards);
}

// --- live calls -------------------------------------------------------------------------------------------
function renderCalls() {
  const rows = [...state.calls.values()].sort((a, b) => (a.startedAt || '').localeCompare(b.startedAt || ''))
    .map((c) => {
      const row = el('tr');
      row.dataset.call = c.callId;
      row.dataset.started = c.startedAt || '';
      row.append(el('td', '', c.campaign), el('td', '', c.number), el('td', 'state', c.state),
        el('td', '', c.agent || ''), el('td', 'age', ''));
      return row;
    });
  document.querySelector('#calls tbody').replaceChildren(...rows);
  document.getElementById('calls-count').textContent = '(' + rows.length + ')';
  tick();
}

// --- answered / abandoned chart ---------------------------------------------------------------------------
function renderChart() {
  const chart = document.getElementById('chart');
  const minutes = state.minutes;
  const top = Math.max(1, ...minutes.map((m) => m.answered));
  const w = 600 / 60, h = 140;
  const nodes = [svg('line', { class: 'axis', x1: 30, y1: 150, x2: 630, y2: 150 })];
  minutes.forEach((m, i) => {
    const x = 30 + i * w;
    const ha = (h * m.answered) / top, hb = (h * m.abandoned) / top;
    if (m.answered > 0) {
      nodes.push(svg('rect', { class: 'answered', x: x + 1, y: 150 - ha, width: w - 2, height: ha,
        'data-minute': m.minute }));
    }
    if (m.abandoned > 0) {
      nodes.push(svg('rect', { class: 'abandoned', x: x + 1, y: 150 - hb, width: w - 2, height: hb,
        'data-minute': m.minute }));
    }
  });
  const label = (x, y, text, anchor) => {
    const t = svg('text', { x, y, 'text-anchor': anchor || 'start' });
    t.textContent = text;
    return t;
  };
  nodes.push(label(2, 16, String(top)), label(2, 152, '0'), label(30, 166, '-60 min'),
    label(630, 166, 'now', 'end'));
  chart.replaceChildren(...nodes);
  const answered = minutes.reduce((s, m) => s + m.answered, 0);
  const abandoned = minutes.reduce((s, m) => s + m.abandoned, 0);
  document.getElementById('chart-totals').textContent =
    ' - ' + answered + ' answered, ' + abandoned + ' abandoned' + (answered ? ' (' + pct(abandoned / answered) + ')' : '');
}

function countEnded(call) {
  if (!call.answeredAt || (call.disposition !== 'ANSWERED' && call.disposition !== 'ABANDONED')) { return; }
  const minute = new Date(Math.floor(Date.parse(call.answeredAt) / 60000) * 60000).toISOString();
  let bucket = state.minutes.find((m) => Date.parse(m.minute) === Date.parse(minute));
  if (!bucket) {
    bucket = { minute, answered: 0, abandoned: 0 };
    state.minutes.push(bucket);
    state.minutes = state.minutes.slice(-60);
  }
  bucket.answered++;
  if (call.disposition === 'ABANDONED') { bucket.abandoned++; }
  renderChart();
}

// --- clocks -----------------------------------------------------------------------------------------------
function tick() {
  const t = now();
  document.getElementById('clock').textContent = new Date(t).toLocaleTimeString();
  document.querySelectorAll('.agent').forEach((tile) => {
    tile.querySelector('.since').textContent = duration(t - Date.parse(tile.dataset.since));
  });
  document.querySelectorAll('#calls tr[data-call]').forEach((row) => {
    row.querySelector('.age').textContent = row.dataset.started ? duration(t - Date.parse(row.dataset.started)) : '';
  });
}

// --- loading and the event stream -------------------------------------------------------------------------
async function load() {
  const [who, campaigns, agents, calls, chart] = await Promise.all([api('/api/whoami'), api('/api/campaigns'),
    api('/api/agents'), api('/api/calls'), api('/api/stats/answered')]);
  document.getElementById('user').textContent = who.name + ' (' + who.role + ')';
  state.campaigns = new Map(campaigns.map((c) => [c.name, c]));
  state.agents = new Map(agents.map((a) => [a.id, a]));
  state.calls = new Map(calls.map((c) => [c.callId, c]));
  state.minutes = chart.minutes;
  renderCampaigns();
  renderAgents();
  renderCalls();
  renderChart();
}

function onEvent(message) {
  const event = JSON.parse(message.data);
  if (event.type === 'agent.state') {
    state.agents.set(event.agent.id, event.agent);
    renderAgents();
  } else if (event.type === 'campaign.stats') {
    state.campaigns.set(event.campaign.name, event.campaign);
    renderCampaigns();
  } else if (event.type === 'call.ended') {
    state.calls.delete(event.call.callId);
    renderCalls();
    countEnded(event.call);
  } else if (event.type.startsWith('call.')) {
    state.calls.set(event.call.callId, event.call);
    renderCalls();
  }
}

function connect() {
  const status = document.getElementById('status');
  const source = new EventSource('/events?token=' + encodeURIComponent(state.token));
  state.source = source;
  source.onmessage = onEvent;
  source.onopen = () => {
    status.textContent = 'live';
    status.className = 'status online';
    load().catch((e) => console.warn(e.message)); // events may have been missed meanwhile: reload everything
  };
  source.onerror = () => {
    status.textContent = 'reconnecting';
    status.className = 'status offline';
    if (source.readyState === EventSource.CLOSED) {
      // Refused (not just dropped): the browser gives up, so find out why and try again ourselves.
      setTimeout(() => load().then(connect).catch((e) => console.warn(e.message)), 5000);
    }
  };
}

function start() {
  state.token = takeToken();
  if (!state.token) {
    showLogin();
    return;
  }
  document.getElementById('board').hidden = false;
  // Load first: a bad token shows as a 401 here (an EventSource only reports a failed connection).
  load().then(connect).catch((e) => console.warn(e.message));
}

function resyncChart() {
  if (state.token) {
    api('/api/stats/answered').then((c) => { state.minutes = c.minutes; renderChart(); }).catch(() => {});
  }
}

setInterval(tick, 1000);
setInterval(resyncChart, 300000); // CDRs are the truth; events only keep the chart current between loads
start();
