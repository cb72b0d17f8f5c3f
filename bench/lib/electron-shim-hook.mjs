/**
 * Loader hook of the cold-start child (see cold-start-launcher.mjs): `import … from 'electron'`
 * in the built main bundle becomes a module re-exporting the Electron stand-in the launcher put
 * on `globalThis.__ccElectronFake` — nothing else is resolved or loaded differently.
 */
let names = [];

export function initialize(data) {
  names = data.names;
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: 'cc-electron-stand-in:electron', shortCircuit: true };
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (url !== 'cc-electron-stand-in:electron') return nextLoad(url, context);
  const exported = names
    .filter((name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name))
    .map((name) => `export const ${name} = fake.${name};`);
  return {
    format: 'module',
    shortCircuit: true,
    source: [
      'const fake = globalThis.__ccElectronFake;',
      'export default fake.default ?? fake;',
      ...exported,
    ].join('\n'),
  };
}
