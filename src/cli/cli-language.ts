import { createUsageError } from './cli-error';

/** Which language the command line prints gateway messages in. */
export type CliLanguage = 'en' | 'zh-CN';

/**
 * `--lang` wins; otherwise the POSIX locale variables in their order of precedence
 * (LC_ALL, LC_MESSAGES, LANG): any `zh_CN`/`zh-CN`/`zh_Hans` locale gives Chinese.
 */
export function resolveLanguage(flag: string | undefined, env: NodeJS.ProcessEnv): CliLanguage {
  if (flag !== undefined) return readLanguageFlag(flag);
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh[_-](CN|SG|Hans)/i.test(locale) ? 'zh-CN' : 'en';
}

function readLanguageFlag(flag: string): CliLanguage {
  const normalised = flag.trim().toLowerCase().replace('_', '-');
  if (normalised === 'en' || normalised.startsWith('en-')) return 'en';
  if (normalised === 'zh' || normalised === 'zh-cn' || normalised === 'zh-hans') return 'zh-CN';
  // (Said in both: the language itself is what could not be told.)
  throw createUsageError(
    `Unsupported language ${JSON.stringify(flag)}: use en or zh-CN. 不支持的语言 ${JSON.stringify(flag)}：请使用 en 或 zh-CN。`,
  );
}

/** The language of `argv`'s --lang (or the locale); English when it cannot be told. */
export function resolveLanguageQuietly(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): CliLanguage {
  try {
    const inline = argv.find((word) => word.startsWith('--lang='));
    const index = argv.indexOf('--lang');
    const flag = inline ? inline.slice('--lang='.length) : index >= 0 ? argv[index + 1] : undefined;
    return resolveLanguage(flag, env);
  } catch {
    return 'en';
  }
}
