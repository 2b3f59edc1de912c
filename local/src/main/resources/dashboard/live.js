// The live view of one link: the numbers (from the stats API, kept current by WebSocket pushes), the
// clicks-per-minute chart and the top lists.
import { el, clear, formatCount, formatTime } from './dom.js';

const HOUR_MS = 3600000;
const MINUTE_MS = 60000;
export const WINDOW_MINUTES = 30;

const floorTo = (ms, size) => Math.floor(ms / size) * size;
const num = (v) => (Number.isFinite(v) ? v : 0);

/**
 * The numbers of one link, from two sources that overlap in time: the stats API's hourly series (read once when
 * the view opens) and the pushes (each carries the exact counter of its UTC hour, what it adds, and its clicks per
 * minute). Totals are kept per UTC hour, so neither a push the stats already counted nor a push the page missed
 * (while reconnecting) skews them: a push's own hour takes the counter the push reports.
 */
export class LiveModel {
  constructor(now = Date.now()) {
    this.hours = new Map(); // hour start (ms) -> {total, human, bot}
    this.hourAt = new Map(); // hour start (ms) -> time of the newest push applied to it
    this.minutes = new Map(); // minute start (ms) -> {total, human}
    this.rest = { total: 0, human: 0, bot: 0 }; // stats total not attributable to an hour of the series
    this.uniquesWeek = null;
    this.weekTop = null;
    this.hourTop = null;
    this.uniquesHour = null;
    this.currentHour = floorTo(now, HOUR_MS);
    this.sinceOpened = 0; // the sum of the pushes' deltas since the view opened
    this.seeded = false;
  }

  /** Seeds (or, after a reconnect, refreshes) from GET /stats?interval=hour and GET /stats?from=<this hour>. */
  seed(week, thisHour, hourStart) {
    let total = 0;
    let human = 0;
    const starts = new Set();
    for (const slot of Array.isArray(week.series) ? week.series : []) {
      const start = Date.parse(slot.start);
      if (!Number.isFinite(start)) continue;
      starts.add(start);
      const t = num(slot.total);
      const h = num(slot.human);
      total += t;
      human += h;
      this.raise(start, { total: t, human: h, bot: t - h });
    }
    this.rest = { total: Math.max(0, num(week.total) - total), human: Math.max(0, num(week.human) - human),
      bot: Math.max(0, num(week.bot) - (total - human)) };
    this.uniquesWeek = num(week.uniques);
    this.weekTop = week.top || {};
    if (thisHour && hourStart >= this.currentHour) {
      this.currentHour = hourStart;
      // Only where the week's series has this hour as a slot of its own; otherwise its clicks are in `rest` already.
      if (starts.has(hourStart)) this.raise(hourStart, { total: num(thisHour.total), human: num(thisHour.human), bot: num(thisHour.bot) });
      if (!this.hourAt.has(hourStart)) {
        this.uniquesHour = num(thisHour.uniques);
        this.hourTop = thisHour.top || {};
      }
    }
    this.seeded = true;
  }

  raise(hour, counts) {
    const prev = this.hours.get(hour) || { total: 0, human: 0, bot: 0 };
    this.hours.set(hour, { total: Math.max(prev.total, counts.total), human: Math.max(prev.human, counts.human),
      bot: Math.max(prev.bot, counts.bot) });
  }

  /** Applies one {"type":"clicks"} push. */
  apply(push) {
    const hour = Date.parse(push.hour);
    const at = Date.parse(push.at) || Date.now();
    for (const m of Array.isArray(push.minutes) ? push.minutes : []) {
      const minute = floorTo(Date.parse(m.minute), MINUTE_MS);
      if (!Number.isFinite(minute)) continue;
      const prev = this.minutes.get(minute) || { total: 0, human: 0 };
      this.minutes.set(minute, { total: prev.total + num(m.total), human: prev.human + num(m.human) });
      // A batch that spans an hour boundary: the earlier hour's clicks are only known from the minutes.
      const minuteHour = floorTo(minute, HOUR_MS);
      // A later push for that hour replaces this with its exact counter.
      if (Number.isFinite(hour) && minuteHour !== hour) {
        const h = this.hours.get(minuteHour) || { total: 0, human: 0, bot: 0 };
        this.hours.set(minuteHour, { total: h.total + num(m.total), human: h.human + num(m.human),
          bot: h.bot + num(m.total) - num(m.human) });
      }
    }
    if (Number.isFinite(hour)) {
      // The push's own hour: the server's counter is exact. The newest push wins (pushes may overtake each other).
      if (!(this.hourAt.get(hour) > at)) {
        this.hours.set(hour, { total: num(push.total), human: num(push.human), bot: num(push.bot) });
        this.hourAt.set(hour, at);
        if (hour >= this.currentHour) {
          this.currentHour = hour;
          this.uniquesHour = num(push.uniques);
          if (push.top && typeof push.top === 'object') this.hourTop = push.top;
        }
      }
    }
    this.sinceOpened += num(push.delta && push.delta.total);
  }

  /** A new UTC hour began without a push yet: the live "this hour" figures start again from nothing. */
  tick(now = Date.now()) {
    const hour = floorTo(now, HOUR_MS);
    if (hour <= this.currentHour) return false;
    this.currentHour = hour;
    this.uniquesHour = 0;
    this.hourTop = {};
    return true;
  }

  totals() {
    const sum = { ...this.rest };
    for (const h of this.hours.values()) {
      sum.total += h.total;
      sum.human += h.human;
      sum.bot += h.bot;
    }
    return sum;
  }

  /** The last WINDOW_MINUTES minutes, oldest first: [{minute, total, human}]. */
  window(now = Date.now()) {
    const last = floorTo(now, MINUTE_MS);
    const out = [];
    for (let i = WINDOW_MINUTES - 1; i >= 0; i--) {
      const minute = last - i * MINUTE_MS;
      const m = this.minutes.get(minute) || { total: 0, human: 0 };
      out.push({ minute, total: m.total, human: m.human });
    }
    for (const key of this.minutes.keys()) if (key < last - 2 * WINDOW_MINUTES * MINUTE_MS) this.minutes.delete(key);
    return out;
  }
}

const regionNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(undefined, { type: 'region' }) : null;

/** How a top-list value reads: countries by name (with their code), the referrer "(direct)" in words. */
export function describe(dimension, item) {
  if (item.other) return { name: 'Everything else', mark: '' };
  const value = String(item.value ?? '');
  if (dimension === 'countries') {
    if (!/^[A-Z]{2}$/.test(value) || value === 'ZZ') return { name: 'Unknown', mark: '' };
    let name = value;
    try {
      name = (regionNames && regionNames.of(value)) || value;
    } catch {
      name = value;
    }
    return { name, mark: name === value ? '' : value };
  }
  if (dimension === 'referrers' && value === '(direct)') return { name: 'Direct / no referrer', mark: '' };
  return { name: value || 'Unknown', mark: '' };
}

/** Renders a top list ([{value,count}|{other:true,count}]) into an <ol> with proportional bars. */
export function renderTop(list, dimension, items, emptyText) {
  clear(list);
  const rows = (Array.isArray(items) ? items : []).filter((i) => i && Number.isFinite(i.count) && i.count > 0);
  if (rows.length === 0) {
    list.append(el('li', { class: 'top-empty', text: emptyText }));
    return;
  }
  const max = Math.max(...rows.map((r) => r.count));
  for (const item of rows) {
    const { name, mark } = describe(dimension, item);
    const bar = el('span', { class: 'top-fill' });
    bar.style.width = `${Math.max(2, Math.round((item.count / max) * 100))}%`;
    list.append(el('li', { class: item.other ? 'top-row top-other' : 'top-row' },
      el('span', { class: 'top-name', attrs: { title: name } },
        name, mark ? el('span', { class: 'top-mark', text: mark, attrs: { 'aria-hidden': 'true' } }) : null),
      el('span', { class: 'top-count', text: formatCount(item.count) }),
      el('span', { class: 'top-bar', attrs: { 'aria-hidden': 'true' } }, bar)));
  }
}

function cssVar(name, fallback) {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/** The clicks-per-minute chart (Chart.js), humans and bots stacked. */
export class MinuteChart {
  constructor(canvas, fallback) {
    this.canvas = canvas;
    this.chart = null;
    if (typeof window.Chart !== 'function') {
      fallback.hidden = false;
      canvas.hidden = true;
      return;
    }
    const text = cssVar('--text-muted', '#5b6478');
    const grid = cssVar('--grid', '#e6e8ef');
    this.chart = new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: [],
        datasets: [
          { label: 'Humans', data: [], backgroundColor: cssVar('--human', '#4f46e5'), borderRadius: 3, stack: 'clicks', maxBarThickness: 28 },
          { label: 'Bots', data: [], backgroundColor: cssVar('--bot', '#f59e0b'), borderRadius: 3, stack: 'clicks', maxBarThickness: 28 },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: { duration: 250 },
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: {
            stacked: true,
            grid: { display: false },
            ticks: { color: text, maxRotation: 0, autoSkip: true, maxTicksLimit: 7 },
            title: { display: true, text: 'Minute (your local time)', color: text },
          },
          y: {
            stacked: true,
            beginAtZero: true,
            suggestedMax: 4,
            grid: { color: grid },
            border: { display: false },
            ticks: { color: text, precision: 0 },
            title: { display: true, text: 'Clicks per minute', color: text },
          },
        },
        plugins: {
          legend: { position: 'top', align: 'end', labels: { color: text, boxWidth: 12, boxHeight: 12, useBorderRadius: true, borderRadius: 3 } },
          tooltip: { callbacks: { footer: (items) => `Total: ${items.reduce((s, i) => s + i.parsed.y, 0)}` } },
        },
      },
    });
  }

  update(windowData, animate) {
    const labels = windowData.map((m) => formatTime(m.minute));
    const humans = windowData.map((m) => m.human);
    const bots = windowData.map((m) => Math.max(0, m.total - m.human));
    const sum = windowData.reduce((s, m) => s + m.total, 0);
    const peak = windowData.reduce((best, m) => (m.total > best.total ? m : best), { total: 0, minute: null });
    this.canvas.setAttribute('aria-label', sum === 0
      ? `Clicks per minute over the last ${WINDOW_MINUTES} minutes: none yet.`
      : `Clicks per minute over the last ${WINDOW_MINUTES} minutes: ${sum} in total, at most ${peak.total} in the minute of ${formatTime(peak.minute)}.`);
    if (!this.chart) return;
    this.chart.data.labels = labels;
    this.chart.data.datasets[0].data = humans;
    this.chart.data.datasets[1].data = bots;
    this.chart.update(animate ? undefined : 'none');
  }

  destroy() {
    if (this.chart) this.chart.destroy();
    this.chart = null;
  }
}
