// The signed-in user's token: kept in this tab's sessionStorage only. Its claims are decoded here for display
// (who is signed in, when the token expires); the API verifies the signature, this page never trusts it.

const KEY = 'linkpulse.token';

/** Normalises pasted text: surrounding whitespace, quotes and a "Bearer " prefix are forgiven. */
export function normalize(text) {
  return String(text || '').trim().replace(/^bearer\s+/i, '').replace(/^["']|["']$/g, '').trim();
}

/** The token's claims, or an Error saying why the text is not a JWT. */
export function decodeClaims(token) {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[0] || !parts[1] || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) {
    throw new Error('That does not look like a JWT: expected three base64url parts separated by dots.');
  }
  let claims;
  try {
    const b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    claims = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error('The token’s payload could not be read.');
  }
  if (!claims || typeof claims !== 'object' || Array.isArray(claims)) throw new Error('The token’s payload is not a JSON object.');
  return claims;
}

export function expiresAt(claims) {
  return typeof claims.exp === 'number' ? claims.exp * 1000 : null;
}

export function load() {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function save(token) {
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // storage disabled: the session lasts as long as the page
  }
}

export function forget() {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}
