// The Linkpulse HTTP API. Every error it answers is {"error":{"code","message"}}; this module turns those (and
// network failures) into ApiError so the page can show the API's own message.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export class Api {
  constructor(base, token) {
    this.base = base.replace(/\/+$/, '');
    this.token = token;
  }

  async request(method, path, body) {
    const headers = { Accept: 'application/json', Authorization: `Bearer ${this.token}` };
    const init = { method, headers, cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(this.base + path, init);
    } catch {
      throw new ApiError(0, 'network_error', 'Could not reach the Linkpulse API. Check your connection and try again.');
    }
    const text = await response.text();
    let data = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = null;
      }
    }
    if (!response.ok) {
      const error = data && typeof data.error === 'object' && data.error ? data.error : {};
      throw new ApiError(response.status, typeof error.code === 'string' ? error.code : `http_${response.status}`,
        typeof error.message === 'string' && error.message ? error.message : `The API answered ${response.status}.`);
    }
    return data;
  }

  listLinks(cursor) {
    return this.request('GET', `/links?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
  }

  createLink(link) {
    return this.request('POST', '/links', link);
  }

  /** Stats; params as a plain object of query parameters (from, to, interval, tz). */
  stats(code, params = {}) {
    const query = new URLSearchParams(params).toString();
    return this.request('GET', `/links/${encodeURIComponent(code)}/stats${query ? `?${query}` : ''}`);
  }
}
