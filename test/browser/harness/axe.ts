/**
 * axe-core in the page under test. The page keeps its production CSP: axe's source is
 * evaluated through the DevTools protocol (Playwright's page.evaluate), which a page's CSP does
 * not govern, instead of loading the page with bypassCSP (which would scan a page that differs
 * from the product in exactly the respect the CSP is there for).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeRunResult, PageGlobals } from './page-globals';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Run axe on the whole page; returns the serious and critical violations. */
export async function findSeriousViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => (globalThis as unknown as PageGlobals).axe !== undefined)))
    await page.evaluate(AXE_SOURCE);
  const findings = await page.evaluate(async () => {
    const inPage = globalThis as unknown as PageGlobals;
    // Loaded just above; the assertion only satisfies the optional type.
    const result: AxeRunResult = await inPage.axe!.run(inPage.document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  });
  return findings.filter(
    (finding) => finding.impact === 'serious' || finding.impact === 'critical',
  );
}
