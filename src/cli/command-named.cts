/** The command named on the command line (after `help` for `dostplan help CMD`), if any. */
export function commandNamed(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--data') i++;
    else if (!a.startsWith('-') && a !== 'help') return a;
  }
  return undefined;
}
