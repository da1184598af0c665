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

/** The response as {data, errors} (errors as ApiErrors), for views that use partial data. */
export async function request(query, variables = {}, { asEditor = false } = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const token = editorToken();
  if (asEditor && token) headers.Authorization = `Bearer ${token}`;
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

/** The token's claims as the page can read them (unverified: the service verifies), or null. */
export function tokenClaims(token = editorToken()) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload));
  } catch {
    return null;
  }
}
