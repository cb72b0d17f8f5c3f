/**
 * Issue 9: what ships is what the product uses. Every runtime dependency is imported by product
 * code (src/, tests excluded) — a test-only package such as `ws` belongs in devDependencies,
 * where it is neither installed with the app nor part of its attack surface.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Package names imported (statically or dynamically) by the given files. */
function importedPackages(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'".][^'"]*)['"]/g)) {
      const specifier = match[1] as string;
      if (specifier.startsWith('node:')) continue;
      const parts = specifier.split('/');
      names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string));
    }
  }
  return names;
}

describe('runtime dependencies', () => {
  const product = importedPackages([
    ...sourceFiles(join(root, 'src')),
    join(root, 'bin/cc-inspector.mjs'),
  ]);

  it('are all used by product code', () => {
    const unused = Object.keys(manifest.dependencies).filter((name) => !product.has(name));
    expect(unused).toEqual([]);
  });

  it('leave test-only packages to devDependencies', () => {
    expect(manifest.dependencies).not.toHaveProperty('ws');
    expect(manifest.devDependencies).toHaveProperty('ws');
    expect(product.has('ws')).toBe(false);
  });
});
