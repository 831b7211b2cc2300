/**
 * Test helper: the CLI run in-process (src/cli/main.ts's run), with its output collected and `stdin` as its input.
 */
import { Readable } from 'stream';
import { run, CliIO } from '../../../src/cli/main';

export async function cli(argv: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([stdin]),
    env: {},
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
