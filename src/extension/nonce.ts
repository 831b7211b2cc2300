/** A random nonce for a webview's CSP: base64 of 18 random bytes (Web Crypto, so the web extension has it too). */
export function makeNonce(): string {
  const bytes = new Uint8Array(18);
  (globalThis as unknown as { crypto: { getRandomValues(b: Uint8Array): Uint8Array } }).crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
