import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * PostgreSQL restarted under a stream of 200 approvals: every ticket gets exactly one task. The scenario
 * runs in a child process with its own embedded server (fixtures/restart-stream.ts); restarting the shared
 * test server would break the other test files.
 */
describe('PostgreSQL restarted under a stream of approvals', () => {
  it('every approved ticket gets exactly one task and the process survives the restart', async () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/fixtures/restart-stream.ts'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const line = out.split('\n').find((l) => l.startsWith('RESULT '));
    expect(line, `no result (exit ${code}):\n${out.slice(-2000)}\n${err.slice(-2000)}`).toBeTruthy();
    const result = JSON.parse(line!.slice('RESULT '.length));
    console.log('restart under load:', result);
    expect(code).toBe(0);
    // The restart really interrupted the stream: some approvals had to be sent again.
    expect(result.resends).toBeGreaterThan(0);
    expect(result).toMatchObject({
      tickets: 200,
      approved: 200,
      workflowTickets: 200,
      withOneTask: 200,
      withMoreTasks: 0,
      firstAssignments: 200,
    });
  }, 240_000);
});
