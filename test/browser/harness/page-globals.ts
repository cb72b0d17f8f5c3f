/**
 * The few browser globals that callbacks run inside the page (page.evaluate) touch. The Node
 * tsconfig that checks these tests has no DOM library, so the callbacks reach them through
 * `globalThis as unknown as PageGlobals`: a type-only cast, erased before the callback is sent.
 */
export interface PageGlobals {
  document: {
    documentElement: { lang: string; dataset: Record<string, string | undefined> };
    activeElement: unknown;
    getElementById(id: string): { textContent: string | null } | null;
  };
  axe?: { run(context: unknown, options: object): Promise<AxeRunResult> };
  __ccPillTexts?: string[];
}

export interface AxeRunResult {
  violations: Array<{
    id: string;
    impact: string | null;
    help: string;
    nodes: Array<{ target: unknown[] }>;
  }>;
}
