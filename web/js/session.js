/**
 * The signed-in token: kept in sessionStorage only (gone when the tab closes), never in the URL, sent as a
 * Bearer header by api.js.
 */
const KEY = 'shiftcast.token';

export function getToken() {
  return sessionStorage.getItem(KEY);
}

export function setToken(token) {
  sessionStorage.setItem(KEY, token.trim());
}

export function clearToken() {
  sessionStorage.removeItem(KEY);
}
