import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

describe('advisory --version', () => {
  it('prints the version from package.json and exits 0', () => {
    const result = runCli(['--version'], { cwd: ROOT });
    expect(result).toEqual({ status: 0, stdout: '0.1.0\n', stderr: '' });
  });
});
