/** The GraphQL client: POST /graphql as JSON, errors as ApiError with the API's extensions.code. */

const TOKEN_KEY = 'readnext.editorToken';

export class ApiError extends Error {
  constructor(message, code, extensions = {}) {
    super(message);
    this.code = code;
    this.extensions = extensions;
  }

  get retryable() {
    return this.code === 'NETWORK' || this.extensions.retryable === true;
  }

  static of(error) {
    const extensions = error.extensions ?? {};
    return new ApiError(error.message, extensions.code ?? 'INTERNAL', extensions);
  }
}

/**
 * The response as {data, errors} (errors as ApiErrors), for views that use partial data. The token goes with every
 * request while it names a reader (so that me and readByMe answer for them), else only with withToken (mutations).
 */
export async function request(query, variables = {}, { withToken = false } = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const token = editorToken();
  if (token && (withToken || readerToken())) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch('graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new ApiError('The service cannot be reached. Check your connection and try again.', 'NETWORK');
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The service answered HTTP ${response.status} without a GraphQL response.`, 'INTERNAL',
      { retryable: response.status >= 500 });
  }
  return { data: body.data ?? null, errors: (body.errors ?? []).map(ApiError.of) };
}

/** The data of a response without errors; the first error is thrown. */
export async function query(text, variables, options) {
  const { data, errors } = await request(text, variables, options);
  if (errors.length) throw errors[0];
  return data;
}

export function editorToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setEditorToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
  window.dispatchEvent(new Event('editor-token'));
}

/**
 * The token if it names a reader (a sub claim) and has not expired, else null. Only such a token is sent with every
 * query: one that is not a JWT, or has expired, would turn plain browsing into errors.
 */
export function readerToken() {
  const claims = tokenClaims();
  const fresh = !claims?.exp || claims.exp * 1000 > Date.now();
  return claims?.sub && fresh ? editorToken() : null;
}

/** The name to show for the signed-in reader: the token's name, else its upn or sub. */
export function readerName() {
  const claims = readerToken() && tokenClaims();
  return claims ? claims.name ?? claims.upn ?? claims.sub : null;
}

/** Whether the token claims the group (the service checks it; this only decides what to offer). */
export function tokenHasGroup(group) {
  return tokenClaims()?.groups?.includes(group) ?? false;
}

/** The token's claims as the page can read them (unverified: the service verifies), or null. */
export function tokenClaims(token = editorToken()) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload));
  } catch {
    return null;
  }
}
