// Linkpulse live dashboard: sign in with a token, list and create links, watch one link's clicks live.
// Every piece of data reaches the page through textContent or an attribute value (see dom.js): never as markup.
import { el, clear, say, safeHttpUrl, formatCount, formatTime, formatAgo } from './dom.js';
import { Api, ApiError } from './api.js';
import * as tokens from './token.js';
import { LiveSocket } from './socket.js';
import { LiveModel, MinuteChart, renderTop } from './live.js';

const HOUR_MS = 3600000;
const CHART_TICK_MS = 15000;
const REFRESH_MS = 30000;
const MAX_TIMEOUT_MS = 2147483647;

const $ = (id) => document.getElementById(id);
const TITLE = document.title;

const state = {
  config: null,
  api: null,
  token: null,
  claims: null,
  socket: null,
  cursor: null,
  loadingLinks: false,
  links: new Map(), // code -> link
  live: null, // the open live view: {code, link, model, chart, pending, timer, openedAt, seededAt}
  topsPeriod: 'hour',
  expiryTimer: null,
  retryTicker: null,
};

// ---------------------------------------------------------------- start-up

async function main() {
  wire();
  try {
    state.config = await loadConfig();
  } catch (err) {
    say($('boot'), `This dashboard cannot start: ${err.message}`);
    $('boot').classList.add('boot-error');
    return;
  }
  $('boot').hidden = true;
  const saved = tokens.load();
  if (saved) {
    try {
      const claims = tokens.decodeClaims(saved);
      const exp = tokens.expiresAt(claims);
      if (exp !== null && exp <= Date.now()) throw new Error('Your token has expired. Paste a new one.');
      startSession(saved, claims);
      return;
    } catch (err) {
      tokens.forget();
      showSignIn(err.message);
      return;
    }
  }
  showSignIn();
}

/** config.json: {"api": "https://...", "ws": "wss://..."}, the only file that differs between environments. */
async function loadConfig() {
  let response;
  try {
    response = await fetch('config.json', { cache: 'no-store', credentials: 'omit' });
  } catch {
    throw new Error('config.json could not be fetched.');
  }
  if (!response.ok) throw new Error(`config.json answered ${response.status}.`);
  const config = await response.json().catch(() => null);
  const api = config && typeof config.api === 'string' ? safeHttpUrl(config.api) : null;
  if (!api) throw new Error('config.json has no valid "api" URL.');
  let ws = config && typeof config.ws === 'string' ? config.ws.trim() : '';
  if (ws && !/^wss?:\/\/[^\s]+$/i.test(ws)) ws = '';
  return { api: api.replace(/\/+$/, ''), ws: ws.replace(/\/+$/, '') };
}

function wire() {
  $('sign-in-form').addEventListener('submit', onSignIn);
  $('sign-out').addEventListener('click', () => signOut());
  $('banner-action').addEventListener('click', () => signOut('Paste a new token to continue.'));
  $('create-form').addEventListener('submit', onCreate);
  $('redirect').addEventListener('change', describeRedirect);
  $('refresh-links').addEventListener('click', () => loadLinks(true));
  $('load-more').addEventListener('click', () => loadLinks(false));
  $('live-close').addEventListener('click', () => closeLive(true));
  $('tops-hour').addEventListener('click', () => setTopsPeriod('hour'));
  $('tops-week').addEventListener('click', () => setTopsPeriod('week'));
  for (const id of ['url', 'alias']) $(id).addEventListener('input', () => fieldError(id, ''));
  $('token').addEventListener('input', () => fieldError('token', ''));
  // A token is one line: Enter signs in (Shift+Enter still types a newline).
  $('token').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $('sign-in-form').requestSubmit();
    }
  });
  describeRedirect();
}

// ---------------------------------------------------------------- session

function showSignIn(message) {
  $('app').hidden = true;
  $('session').hidden = true;
  $('sign-in').hidden = false;
  fieldError('token', message || '');
}

function onSignIn(event) {
  event.preventDefault();
  const token = tokens.normalize($('token').value);
  if (!token) {
    fieldError('token', 'Paste a token first.');
    $('token').focus();
    return;
  }
  let claims;
  try {
    claims = tokens.decodeClaims(token);
  } catch (err) {
    fieldError('token', err.message);
    $('token').focus();
    return;
  }
  const exp = tokens.expiresAt(claims);
  if (exp !== null && exp <= Date.now()) {
    fieldError('token', `This token expired at ${new Date(exp).toLocaleString()}. Run ./linkpulse token alice for a new one.`);
    $('token').focus();
    return;
  }
  tokens.save(token);
  $('token').value = '';
  startSession(token, claims);
  $('url').focus();
}

function startSession(token, claims) {
  state.token = token;
  state.claims = claims;
  state.api = new Api(state.config.api, token);
  $('who').textContent = typeof claims.sub === 'string' && claims.sub ? claims.sub : '(a token without a subject)';
  $('session').hidden = false;
  $('sign-in').hidden = true;
  $('app').hidden = false;
  hideBanner();
  clearTimeout(state.expiryTimer);
  const exp = tokens.expiresAt(claims);
  if (exp !== null) {
    state.expiryTimer = setTimeout(() => showBanner(`Your token expired at ${formatTime(exp)}. Sign in again to keep working.`, true),
      Math.min(MAX_TIMEOUT_MS, Math.max(0, exp - Date.now())));
  }
  loadLinks(true);
}

function signOut(message) {
  closeLive(false);
  if (state.socket) state.socket.close();
  state.socket = null;
  clearTimeout(state.expiryTimer);
  tokens.forget();
  state.token = null;
  state.claims = null;
  state.api = null;
  state.cursor = null;
  state.links.clear();
  clear($('links'));
  hideBanner();
  say($('create-error'), '');
  $('create-status').textContent = '';
  showSignIn(message);
  $('token').focus();
}

/** A 401 means the token is no good any more: say so and offer a way back in. Returns true when handled. */
function handleUnauthorized(err) {
  if (!(err instanceof ApiError) || err.status !== 401) return false;
  showBanner('The API rejected your token (it has expired or is not valid). Sign in again.', true);
  return true;
}

function showBanner(text, signInAgain) {
  $('banner-text').textContent = text;
  $('banner-action').hidden = !signInAgain;
  $('banner').hidden = false;
}

function hideBanner() {
  $('banner').hidden = true;
}

// ---------------------------------------------------------------- my links

async function loadLinks(reset) {
  if (state.loadingLinks || !state.api) return;
  state.loadingLinks = true;
  const api = state.api;
  say($('links-error'), '');
  $('load-more').disabled = true;
  $('links').setAttribute('aria-busy', 'true');
  if (reset) $('links-loading').hidden = state.links.size > 0;
  try {
    const page = await api.listLinks(reset ? null : state.cursor);
    if (api !== state.api) return;
    if (reset) {
      clear($('links'));
      state.links.clear();
    }
    for (const link of Array.isArray(page && page.items) ? page.items : []) {
      if (!link || typeof link.code !== 'string' || state.links.has(link.code)) continue;
      state.links.set(link.code, link);
      $('links').append(linkRow(link));
    }
    state.cursor = page && typeof page.cursor === 'string' && page.cursor ? page.cursor : null;
  } catch (err) {
    if (!handleUnauthorized(err)) say($('links-error'), `Your links could not be loaded: ${sentence(err.message)}`);
  } finally {
    state.loadingLinks = false;
    $('links').setAttribute('aria-busy', 'false');
    $('links-loading').hidden = true;
    $('load-more').disabled = false;
    $('load-more').hidden = !state.cursor;
    $('links-empty').hidden = state.links.size > 0 || !$('links-error').hidden;
  }
}

function linkRow(link) {
  const short = typeof link.shortUrl === 'string' ? link.shortUrl : '';
  const href = safeHttpUrl(short);
  const shortNode = href
    ? el('a', { class: 'short mono', text: short, attrs: { href, target: '_blank', rel: 'noopener noreferrer' } })
    : el('span', { class: 'short mono', text: short });
  const copy = el('button', {
    class: 'btn btn-small btn-ghost copy',
    text: 'Copy',
    attrs: { type: 'button', 'aria-label': `Copy ${short}` },
    on: { click: () => copyText(short, copy) },
  });
  const live = el('button', {
    class: 'btn btn-small btn-live',
    attrs: { type: 'button', 'aria-pressed': state.live && state.live.code === link.code ? 'true' : 'false', 'aria-label': `Live view of ${link.code}` },
    on: { click: () => openLive(link) },
  }, el('span', { class: 'live-dot', attrs: { 'aria-hidden': 'true' } }), 'Live');
  const redirect = Number(link.redirect) || 302;
  const created = typeof link.createdAt === 'string' ? link.createdAt : null;
  return el('li', { class: 'link-row', dataset: { code: link.code } },
    el('div', { class: 'link-top' },
      el('span', { class: 'code mono', text: link.code }),
      el('span', { class: redirect === 302 ? 'badge' : 'badge badge-warn', text: String(redirect), attrs: { title: `${redirect} redirect` } }),
      created ? el('time', { class: 'ago', text: formatAgo(created), attrs: { datetime: created, title: new Date(created).toLocaleString() } }) : null,
      live),
    el('div', { class: 'link-short' }, shortNode, copy),
    el('p', { class: 'link-target', text: typeof link.url === 'string' ? link.url : '', attrs: { title: link.url } }));
}

async function copyText(text, button) {
  let copied = false;
  try {
    await navigator.clipboard.writeText(text);
    copied = true;
  } catch {
    copied = legacyCopy(text);
  }
  button.textContent = copied ? 'Copied' : 'Copy failed';
  button.classList.toggle('copied', copied);
  $('copy-status').textContent = copied ? `Copied ${text} to the clipboard.` : 'Could not copy: select the short URL and copy it by hand.';
  setTimeout(() => {
    button.textContent = 'Copy';
    button.classList.remove('copied');
  }, 1600);
}

/** Where the asynchronous clipboard API is unavailable (or denied): copy from an off-screen text area. */
function legacyCopy(text) {
  const area = el('textarea', { class: 'clipboard-helper', attrs: { readonly: true, 'aria-hidden': 'true', tabindex: '-1' } });
  area.value = text;
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

// ---------------------------------------------------------------- create a link

function describeRedirect() {
  const hints = {
    302: '302 counts every click (recommended).',
    301: '301 is cached by browsers: repeat visits are not counted.',
    307: '307 counts every click and keeps the request method.',
    308: '308 is cached by browsers: repeat visits are not counted.',
  };
  $('redirect-hint').textContent = hints[$('redirect').value] || '';
}

async function onCreate(event) {
  event.preventDefault();
  if (!state.api) return;
  say($('create-error'), '');
  $('create-status').textContent = '';
  fieldError('url', '');
  fieldError('alias', '');
  const url = $('url').value.trim();
  const alias = $('alias').value.trim();
  if (!url) {
    fieldError('url', 'Enter the URL to shorten, like https://example.com/page.');
    $('url').focus();
    return;
  }
  if (alias && !/^[A-Za-z0-9_-]{3,64}$/.test(alias)) {
    fieldError('alias', 'An alias is 3 to 64 letters, digits, _ or -.');
    $('alias').focus();
    return;
  }
  const body = { url, redirect: Number($('redirect').value) };
  if (alias) body.alias = alias;
  const submit = $('create-submit');
  submit.disabled = true;
  $('create-status').textContent = 'Creating…';
  try {
    const link = await state.api.createLink(body);
    if (!link || typeof link.code !== 'string') throw new ApiError(500, 'bad_response', 'The API answered without a link.');
    $('create-form').reset();
    describeRedirect();
    state.links.set(link.code, link);
    const existing = $('links').querySelector(`li[data-code="${CSS.escape(link.code)}"]`);
    if (existing) existing.remove();
    const row = linkRow(link);
    row.classList.add('fresh');
    $('links').prepend(row);
    $('links-empty').hidden = true;
    $('create-status').textContent = `Created ${link.shortUrl || link.code}`;
  } catch (err) {
    $('create-status').textContent = '';
    if (handleUnauthorized(err)) return;
    const code = err instanceof ApiError ? err.code : '';
    const message = sentence(err.message);
    if (code.startsWith('url')) {
      fieldError('url', message);
      $('url').focus();
    } else if (code.startsWith('alias')) {
      fieldError('alias', message);
      $('alias').focus();
    } else {
      say($('create-error'), message);
    }
  } finally {
    submit.disabled = false;
  }
}

function fieldError(id, message) {
  const input = $(id);
  say($(`${id}-error`), message);
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/** The API's messages are lower-case phrases ("url must start with http://"): show them as sentences. */
function sentence(text) {
  const s = String(text || 'Something went wrong.').trim();
  const capitalised = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

// ---------------------------------------------------------------- live view

function openLive(link) {
  if (state.live && state.live.code === link.code) {
    revealLive();
    return;
  }
  closeLive(false);
  const live = { code: link.code, link, model: new LiveModel(), chart: null, pending: [], timer: null, refreshTimer: null, openedAt: Date.now(), seededAt: null };
  state.live = live;

  $('live-title').textContent = link.code;
  $('live-short').textContent = link.shortUrl || '';
  $('live-target').textContent = link.url || '';
  $('live-target').setAttribute('title', link.url || '');
  say($('live-error'), '');
  for (const id of ['stat-total', 'stat-human', 'stat-bot', 'stat-uniques', 'stat-uniques-hour']) $(id).textContent = '—';
  $('stat-since').textContent = '+0';
  $('stat-human-share').textContent = '\u00a0';
  $('chart-note').textContent = `Last 30 minutes, counted live since you opened this view at ${formatTime(live.openedAt)}.`;
  $('live-empty').hidden = true;
  $('live-body').hidden = false;
  markLiveButtons();

  live.chart = new MinuteChart($('minute-chart'), $('chart-fallback'));
  live.chart.update(live.model.window(), false);
  live.timer = setInterval(() => {
    if (live.model.seeded && live.model.tick()) render(live, false);
    else live.chart.update(live.model.window(), false);
  }, CHART_TICK_MS);
  renderTops();

  if (!state.config.ws) {
    setConnection('offline', { reason: 'live updates are not configured' });
  } else {
    ensureSocket();
    state.socket.subscribe(link.code);
  }
  seed(live);
  revealLive();
}

function revealLive() {
  const narrow = window.matchMedia('(max-width: 959px)').matches;
  if (narrow) $('live').scrollIntoView({ behavior: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth', block: 'start' });
  $('live-title').focus({ preventScroll: !narrow });
}

function closeLive(focusList) {
  const live = state.live;
  if (!live) return;
  state.live = null;
  clearInterval(live.timer);
  clearTimeout(live.refreshTimer);
  if (live.chart) live.chart.destroy();
  if (state.socket) state.socket.unsubscribe();
  clearInterval(state.retryTicker);
  $('live-body').hidden = true;
  $('live-empty').hidden = false;
  document.title = TITLE;
  markLiveButtons();
  if (focusList) {
    const button = $('links').querySelector(`li[data-code="${CSS.escape(live.code)}"] .btn-live`);
    if (button) button.focus();
  }
}

function markLiveButtons() {
  for (const row of $('links').querySelectorAll('li.link-row')) {
    const on = state.live !== null && row.dataset.code === state.live.code;
    row.classList.toggle('watching', on);
    row.querySelector('.btn-live').setAttribute('aria-pressed', on ? 'true' : 'false');
  }
}

/** Reads the starting numbers: the last 7 days hour by hour, and this UTC hour (for its uniques and top lists). */
async function seed(live) {
  const hourStart = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
  try {
    const [week, hour] = await Promise.all([
      state.api.stats(live.code, { interval: 'hour' }),
      state.api.stats(live.code, { from: new Date(hourStart).toISOString() }).catch((err) => {
        if (err instanceof ApiError && err.status === 400) return null; // the hour began this very instant
        throw err;
      }),
    ]);
    if (state.live !== live) return;
    live.model.seed(week, hour, hourStart);
    for (const push of live.pending) live.model.apply(push);
    live.pending = [];
    live.seededAt = Date.now();
    if (!$('live-error').hidden && live.model.seeded) say($('live-error'), '');
    render(live, false);
  } catch (err) {
    if (state.live !== live || handleUnauthorized(err)) return;
    say($('live-error'), err instanceof ApiError && err.code === 'not_found'
      ? 'This link no longer exists or is not yours.'
      : `The numbers could not be loaded: ${sentence(err.message)}`);
  }
}

/**
 * Unique visitors over 7 days cannot be summed from hourly pushes, so after new clicks the stats are read again,
 * at most every 30 s (also refreshing the 7-day top lists).
 */
function scheduleRefresh(live) {
  if (live.refreshTimer) return;
  const wait = Math.max(5000, REFRESH_MS - (Date.now() - (live.seededAt || 0)));
  live.refreshTimer = setTimeout(() => {
    live.refreshTimer = null;
    if (state.live === live) seed(live);
  }, wait);
}

function ensureSocket() {
  if (state.socket) return;
  const api = state.api;
  state.socket = new LiveSocket(state.config.ws, state.token, {
    onState: setConnection,
    onMessage: onFrame,
    checkToken: async () => {
      try {
        await api.request('GET', '/links?limit=1');
        return true;
      } catch (err) {
        return !(err instanceof ApiError && err.status === 401);
      }
    },
  });
}

function onFrame(frame) {
  const live = state.live;
  if (!live) return;
  if (frame.type === 'clicks') {
    if (frame.code !== live.code) return;
    if (!live.model.seeded) {
      live.pending.push(frame);
      return;
    }
    live.model.apply(frame);
    render(live, true);
    scheduleRefresh(live);
  } else if (frame.type === 'subscribed' && frame.code === live.code) {
    say($('live-error'), '');
  } else if (frame.type === 'error') {
    if (frame.code === 'not_found') {
      setConnection('offline', { reason: 'link not found' });
      say($('live-error'), 'Live updates are not available: this link does not exist or is not yours.');
    } else {
      say($('live-error'), `The live service answered: ${sentence(typeof frame.message === 'string' ? frame.message : frame.code)}`);
    }
  }
}

function setConnection(connState, detail = {}) {
  const live = state.live;
  if (!live && connState !== 'offline') return;
  clearInterval(state.retryTicker);
  const conn = $('conn');
  conn.dataset.state = connState;
  const labels = { connecting: 'connecting…', live: 'live', reconnecting: 'reconnecting…', offline: 'offline' };
  const freshness = { connecting: 'connecting…', live: 'updating live', reconnecting: 'paused while reconnecting', offline: 'not updating' };
  $('freshness').dataset.state = connState;
  $('freshness').textContent = freshness[connState];
  $('conn-text').textContent = connState === 'offline' && detail.reason ? `offline: ${detail.reason}` : labels[connState];
  const retry = $('conn-retry');
  retry.textContent = '';
  if (connState === 'reconnecting' && detail.retryAt) {
    const tick = () => {
      const seconds = Math.max(0, Math.ceil((detail.retryAt - Date.now()) / 1000));
      retry.textContent = seconds > 0 ? `retrying in ${seconds} s` : '';
    };
    tick();
    state.retryTicker = setInterval(tick, 1000);
  }
  if (detail.auth) showBanner('The live service rejected your token (it has expired or is not valid). Sign in again.', true);
  // Back after a gap: pushes may have been missed, so read the numbers again (counters only grow, nothing doubles).
  if (connState === 'live' && detail.reconnected && live && live.model.seeded) seed(live);
}

function setTopsPeriod(period) {
  state.topsPeriod = period;
  $('tops-hour').setAttribute('aria-pressed', period === 'hour' ? 'true' : 'false');
  $('tops-week').setAttribute('aria-pressed', period === 'week' ? 'true' : 'false');
  renderTops();
}

function renderTops() {
  const live = state.live;
  if (!live) return;
  const hourly = state.topsPeriod === 'hour';
  const model = live.model;
  const top = hourly ? model.hourTop : model.weekTop;
  if (hourly) {
    $('tops-note').textContent = `This UTC hour (since ${formatTime(model.currentHour)}), updated with every click. Bots are not in these lists.`;
  } else {
    $('tops-note').textContent = live.seededAt
      ? `The last 7 days as of ${formatTime(live.seededAt)}, re-read after new clicks. Bots are not in these lists.`
      : 'The last 7 days. Bots are not in these lists.';
  }
  const empty = !model.seeded && !top ? 'Loading…' : hourly ? 'No clicks this hour yet' : 'No clicks in the last 7 days';
  renderTop($('top-countries'), 'countries', top && top.countries, empty);
  renderTop($('top-referrers'), 'referrers', top && top.referrers, empty);
  renderTop($('top-browsers'), 'browsers', top && top.browsers, empty);
}

function render(live, fromPush) {
  const model = live.model;
  const totals = model.totals();
  document.title = `${formatCount(totals.total)} clicks · ${live.code} · Linkpulse`;
  setNumber('stat-total', totals.total, fromPush);
  setNumber('stat-human', totals.human, fromPush);
  setNumber('stat-bot', totals.bot, fromPush);
  // This hour's visitors are visitors of the last 7 days too: until the next read of the stats, at least that many.
  setNumber('stat-uniques', model.uniquesWeek === null ? null : Math.max(model.uniquesWeek, model.uniquesHour || 0), false);
  $('stat-uniques-hour').textContent = formatCount(model.uniquesHour);
  $('stat-uniques-hour-label').textContent = model.uniquesHour === 1 ? 'unique visitor this hour' : 'unique visitors this hour';
  $('stat-since').textContent = `+${formatCount(model.sinceOpened)}`;
  $('stat-human-share').textContent = totals.total > 0 ? `${Math.round((totals.human / totals.total) * 100)}% of clicks` : '\u00a0';
  renderTops();
  live.chart.update(model.window(), fromPush);
}

function setNumber(id, value, flash) {
  const node = $(id);
  const text = formatCount(value);
  if (node.textContent === text) return;
  node.textContent = text;
  if (flash) {
    node.classList.remove('bump');
    void node.offsetWidth; // restart the animation
    node.classList.add('bump');
  }
}

main();
