import { expect, it } from 'vitest';

// npm scripts run the Node that the `node` dev dependency installs; without its install
// script they silently fall back to the machine's Node 20, which Astro 7 cannot run on.
it('runs on the pinned Node, not the machine default', () => {
  expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(22);
});
