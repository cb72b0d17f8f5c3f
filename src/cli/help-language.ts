/**
 * Commander's words in the chosen language: every command's, argument's and option's
 * description from the catalogue's `help` section (a command's own option text first, then
 * the flag's shared one), the help's titles and "default:", and commander's error messages.
 * A command or option without a catalogue entry keeps the English text it was declared with;
 * the catalogue test fails for it, so a new one cannot slip through untranslated.
 */
import { Help, type Command } from 'commander';
import type { Translate } from './cli-i18n';

const TITLES: Record<string, string> = {
  'Usage:': 'help.title.usage',
  'Arguments:': 'help.title.arguments',
  'Options:': 'help.title.options',
  'Commands:': 'help.title.commands',
  'Global Options:': 'help.title.globalOptions',
};

/** The catalogue keys of one option, most specific first. */
export function optionKeys(command: string, flag: string): string[] {
  return [`help.option.${command}.${flag}`, `help.option.${flag}`];
}

/** The catalogue keys of one argument, most specific first. */
export function argumentKeys(command: string, name: string): string[] {
  return [`help.argument.${command}.${name}`, `help.argument.${name}`];
}

/** Every command (the program first) with its commands, depth first. */
export function allCommands(program: Command): Command[] {
  return [program, ...program.commands.flatMap((command) => allCommands(command))];
}

export function localizeProgram(program: Command, t: Translate): void {
  for (const command of allCommands(program)) {
    const name = command === program ? 'program' : command.name();
    const keep = (keys: string[], english: string) =>
      t(keys as unknown as string, { defaultValue: english });
    command.description(keep([`help.command.${name}`], command.description()));
    for (const option of command.options) {
      const flag = (option.long ?? option.short ?? '').replace(/^-+/, '');
      option.description = keep(optionKeys(name, flag), option.description);
    }
    for (const argument of command.registeredArguments)
      argument.description = keep(argumentKeys(name, argument.name()), argument.description);
    command.helpOption('-h, --help', t('help.option.help'));
    command.configureHelp({
      styleTitle: (title) => (TITLES[title] ? t(TITLES[title]) : title),
      formatHelp: (cmd, helper) =>
        Help.prototype.formatHelp
          .call(helper, cmd, helper)
          .replace(
            /\(default: ([^)]*)\)/g,
            (_match, value: string) => `(${t('help.default', { value })})`,
          ),
    });
  }
  program.helpCommand('help [command]', t('help.command.help'));
}

/** Commander's English error line in the chosen language (its own text when not recognised). */
export function translateCommanderError(line: string, t: Translate): string {
  const suggestion = /\n?\(Did you mean (.+)\?\)\s*$/.exec(line);
  const body = suggestion ? line.slice(0, suggestion.index) : line.trimEnd();
  const rules: Array<[RegExp, string, string[]]> = [
    [/^error: unknown option '(.+)'$/, 'commander.unknownOption', ['flag']],
    [/^error: unknown command '(.+)'$/, 'commander.unknownCommand', ['name']],
    [/^error: missing required argument '(.+)'$/, 'commander.missingArgument', ['name']],
    [/^error: option '(.+)' argument missing$/, 'commander.optionArgumentMissing', ['flag']],
    [/^error: required option '(.+)' not specified$/, 'commander.requiredOption', ['flag']],
    [
      /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
      'commander.tooManyArguments',
      ['command', 'expected', 'got'],
    ],
  ];
  for (const [pattern, key, names] of rules) {
    const match = pattern.exec(body);
    if (!match) continue;
    const values = Object.fromEntries(names.map((name, index) => [name, match[index + 1] ?? '']));
    const translated = t(key, values);
    return suggestion
      ? `${translated}\n${t('commander.didYouMean', { suggestion: suggestion[1] })}`
      : translated;
  }
  return line.trimEnd();
}
