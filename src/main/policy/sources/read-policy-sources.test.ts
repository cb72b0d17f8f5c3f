/** Where each platform's policy is read, with the programs and files scripted. */
import { describe, expect, it } from 'vitest';
import { mergePolicySources } from '../policy-merge';
import {
  readPolicySources,
  type PolicyReadPorts,
  type ProgramOutcome,
} from './read-policy-sources';

const MISSING_KEY: ProgramOutcome = {
  code: 1,
  stdout: '',
  stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n',
};

function ports(overrides: Partial<PolicyReadPorts>): PolicyReadPorts & {
  calls: Array<[string, readonly string[]]>;
} {
  const calls: Array<[string, readonly string[]]> = [];
  return {
    platform: 'linux',
    userName: 'alice',
    readText: async () => null,
    ...overrides,
    calls,
    run: async (program, args) => {
      calls.push([program, args]);
      return overrides.run ? overrides.run(program, args) : MISSING_KEY;
    },
  };
}

describe('readPolicySources', () => {
  it('Windows: HKLM before HKCU in the 64-bit view; a missing key is no policy', async () => {
    const hkcu =
      'HKEY_CURRENT_USER\\Software\\Policies\\CC Inspector\r\n    Language    REG_SZ    zh-CN\r\n';
    const reader = ports({
      platform: 'win32',
      run: async (_program, args) =>
        String(args[1]).startsWith('HKCU') ? { code: 0, stdout: hkcu, stderr: '' } : MISSING_KEY,
    });
    const readings = await readPolicySources(reader);
    expect(reader.calls).toEqual([
      ['reg', ['query', 'HKLM\\Software\\Policies\\CC Inspector', '/s', '/reg:64']],
      ['reg', ['query', 'HKCU\\Software\\Policies\\CC Inspector', '/s', '/reg:64']],
    ]);
    expect(readings).toEqual([
      { source: 'HKCU\\Software\\Policies\\CC Inspector', document: { Language: 'zh-CN' } },
    ]);
  });

  it('Windows: a registry that cannot be read is reported, not taken for "no policy"', async () => {
    const readings = await readPolicySources(
      ports({
        platform: 'win32',
        run: async () => ({ code: 1, stdout: '', stderr: 'ERROR: Access is denied.\r\n' }),
      }),
    );
    expect(readings[0]).toEqual({
      source: 'HKLM\\Software\\Policies\\CC Inspector',
      error: 'ERROR: Access is denied.',
    });
  });

  it('macOS: the device then the user managed preferences of the app id, through plutil', async () => {
    const reader = ports({
      platform: 'darwin',
      run: async (_program, args) =>
        String(args.at(-1)).includes('/alice/')
          ? {
              code: 0,
              stdout: '{"Language":"zh-CN","Recommended":{"UpdateChannel":"beta"}}',
              stderr: '',
            }
          : {
              code: 1,
              stdout: '',
              stderr:
                '/Library/Managed Preferences/com.ccinspector.desktop.plist: file does not exist or is not readable or is not a regular file (Error Domain=NSCocoaErrorDomain Code=260)\n',
            },
    });
    const readings = await readPolicySources(reader);
    expect(reader.calls.map(([program, args]) => [program, ...args])).toEqual([
      [
        '/usr/bin/plutil',
        '-convert',
        'json',
        '-o',
        '-',
        '/Library/Managed Preferences/com.ccinspector.desktop.plist',
      ],
      [
        '/usr/bin/plutil',
        '-convert',
        'json',
        '-o',
        '-',
        '/Library/Managed Preferences/alice/com.ccinspector.desktop.plist',
      ],
    ]);
    expect(readings).toEqual([
      {
        source: '/Library/Managed Preferences/alice/com.ccinspector.desktop.plist',
        document: { Language: 'zh-CN', Recommended: { UpdateChannel: 'beta' } },
      },
    ]);
  });

  it('Linux: the file at the given path; a missing file is no policy, bad JSON is reported', async () => {
    const files: Record<string, string> = { '/tmp/p.json': '{"GatewayUrl": "https://gw:8043",}' };
    const reader = ports({
      linuxPolicyFile: '/tmp/p.json',
      readText: async (path) => files[path] ?? null,
    });
    const [reading] = await readPolicySources(reader);
    expect(reading?.source).toBe('/tmp/p.json');
    expect(reading?.error).toMatch(/^not valid JSON: /);
    expect(await readPolicySources(ports({ linuxPolicyFile: '/tmp/none.json' }))).toEqual([]);
  });

  it('an extra file comes last and cannot lift a system lock', async () => {
    const files: Record<string, string> = {
      '/etc/cc-inspector/policy.json': '{"GatewayUrl": "https://locked:8043"}',
      '/home/alice/try.json': '{"GatewayUrl": "https://mine:8043", "Language": "zh-CN"}',
    };
    const readings = await readPolicySources(
      ports({ extraFile: '/home/alice/try.json', readText: async (path) => files[path] ?? null }),
    );
    const policy = mergePolicySources(readings);
    expect(policy.locked).toEqual({ GatewayUrl: 'https://locked:8043', Language: 'zh-CN' });
    expect(policy.origin).toEqual({
      GatewayUrl: '/etc/cc-inspector/policy.json',
      Language: '/home/alice/try.json',
    });
  });
});
