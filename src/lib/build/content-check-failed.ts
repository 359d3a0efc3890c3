/**
 * The content check found errors: the build stops before anything is rendered. The problems are
 * already printed and written to the report, so the command that catches this prints only its
 * message, never a stack trace, which would scroll them away.
 */
export class ContentCheckFailed extends Error {
  constructor(summary: string) {
    super(summary);
    this.name = 'ContentCheckFailed';
    // Where it was thrown says nothing the printed problems do not: commands that print a stack
    // (Astro's own `astro build`) print this line instead.
    this.stack = summary;
  }
}
