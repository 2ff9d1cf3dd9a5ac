// The admin API as the console calls it: the admin token from sessionStorage as a bearer token (never in a URL),
// JSON in and out, problems (application/problem+json) as ApiError.

const TOKEN = 'calendarGateway.adminToken';

export function token() {
  return sessionStorage.getItem(TOKEN);
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN);
}

/** An answer that is not 2xx or 304; `problem` is the API's problem (title, detail, code, hint, errors). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Called when the API answers 401 to a signed-in console: the token was revoked or rotated. */
let onUnauthorized = () => {};

export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

/**
 * One API call. Resolves to {status, etag, body}; rejects with ApiError, or with a TypeError when the gateway
 * cannot be reached.
 */
export async function api(method, path, { body, headers = {}, bearer = token() } = {}) {
  const request = { method, cache: 'no-store', headers: { Accept: 'application/json', ...headers } };
  if (bearer) {
    request.headers.Authorization = `Bearer ${bearer}`;
  }
  if (body !== undefined) {
    request.headers['Content-Type'] = 'application/json';
    request.body = JSON.stringify(body);
  }
  const response = await fetch(path, request);
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const error = new ApiError(response.status, json ?? { title: response.statusText });
    if (response.status === 401 && bearer === token()) {
      onUnauthorized(error);
    }
    throw error;
  }
  return { status: response.status, etag: response.headers.get('ETag'), body: json };
}

/** Checks a token against the API and keeps it for this browser tab only. */
export async function signIn(candidate) {
  await api('GET', '/profiles', { bearer: candidate });
  sessionStorage.setItem(TOKEN, candidate);
}

/** A path segment: addresses and ids as they are, everything else escaped. */
export function segment(value) {
  return encodeURIComponent(value).replace(/%40/g, '@');
}
