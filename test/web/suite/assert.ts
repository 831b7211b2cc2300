/** The few assertions the web tests use (Node's `assert` is not in the browser): they throw with the values. */
function fail(message: string): never {
  throw new Error(message);
}

export function ok(value: unknown, message = 'expected a truthy value'): asserts value {
  if (!value) fail(message);
}

export function strictEqual<T>(actual: T, expected: T, message = ''): void {
  if (!Object.is(actual, expected)) fail(`${message ? `${message}: ` : ''}expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function deepStrictEqual(actual: unknown, expected: unknown, message = ''): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) {
    let i = 0;
    while (i < a.length && a[i] === e[i]) i++;
    fail(`${message ? `${message}: ` : ''}values differ at character ${i}: expected …${e.slice(Math.max(0, i - 80), i + 80)}…, got …${a.slice(Math.max(0, i - 80), i + 80)}…`);
  }
}
