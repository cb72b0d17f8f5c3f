/**
 * macOS "Install Command-Line Tool…": links /usr/local/bin/cc-inspector to the launcher the app
 * ships (Resources/cli/bin/cc-inspector), as code editors do for their `code`/`subl` commands.
 * When the folder is not the user's, the link is made through `osascript … with administrator
 * privileges`, which shows the system's own password dialog. The file work is injected, so the
 * decisions are tested with a temporary folder.
 */
import { lstat, mkdir, readlink, symlink, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const CLI_LINK = '/usr/local/bin/cc-inspector';

export interface CliInstallPorts {
  /** Runs a program and resolves when it exits with 0 (osascript). */
  run(file: string, args: readonly string[]): Promise<void>;
}

export type CliInstallOutcome =
  | { kind: 'installed'; link: string; target: string; asAdministrator: boolean }
  | { kind: 'already'; link: string; target: string }
  | { kind: 'missing-launcher'; target: string }
  | { kind: 'failed'; link: string; reason: string };

/** The launcher inside the app: `<resources>/cli/bin/cc-inspector`. */
export function cliLauncherPath(resourcesPath: string): string {
  return join(resourcesPath, 'cli', 'bin', 'cc-inspector');
}

/** Single quotes for `do shell script` (POSIX sh inside AppleScript's own string). */
const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** Links `link` to `target`; asks for administrator rights only when the folder needs them. */
export async function installCommandLineTool(
  target: string,
  ports: CliInstallPorts,
  link: string = CLI_LINK,
): Promise<CliInstallOutcome> {
  if (!(await exists(target))) return { kind: 'missing-launcher', target };
  const current = await readlink(link).catch(() => null);
  if (current === target) return { kind: 'already', link, target };
  try {
    await mkdir(dirname(link), { recursive: true });
    if (current !== null || (await exists(link))) await unlink(link);
    await symlink(target, link);
    return { kind: 'installed', link, target, asAdministrator: false };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM')
      return { kind: 'failed', link, reason: (error as Error).message };
  }
  const command = `mkdir -p ${shellQuote(dirname(link))} && ln -sf ${shellQuote(target)} ${shellQuote(link)}`;
  try {
    await ports.run('osascript', [
      '-e',
      `do shell script ${JSON.stringify(command)} with administrator privileges`,
    ]);
    return { kind: 'installed', link, target, asAdministrator: true };
  } catch (error) {
    return { kind: 'failed', link, reason: error instanceof Error ? error.message : String(error) };
  }
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** What the dialog after "Install Command-Line Tool…" says (en / zh-CN). */
export function describeCliInstall(
  outcome: CliInstallOutcome,
  language: 'en' | 'zh-CN',
): { title: string; detail: string; ok: boolean } {
  const zh = language === 'zh-CN';
  switch (outcome.kind) {
    case 'installed':
    case 'already':
      return {
        ok: true,
        title: zh ? '命令行工具已安装' : 'Command-line tool installed',
        detail: zh
          ? `在终端中运行 cc-inspector（${outcome.link}）。它需要本机安装 Node.js 20.19 或更高版本。`
          : `Run cc-inspector in a terminal (${outcome.link}). It needs Node.js 20.19 or later on this Mac.`,
      };
    case 'missing-launcher':
      return {
        ok: false,
        title: zh ? '此版本不含命令行工具' : 'This build has no command-line tool',
        detail: zh ? `未找到 ${outcome.target}。` : `${outcome.target} is missing.`,
      };
    case 'failed':
      return {
        ok: false,
        title: zh ? '未能安装命令行工具' : 'The command-line tool was not installed',
        detail: zh
          ? `无法创建 ${outcome.link}：${outcome.reason}`
          : `${outcome.link} could not be created: ${outcome.reason}`,
      };
  }
}
