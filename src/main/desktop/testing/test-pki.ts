/**
 * Test-only certificates: a root CA, an intermediate, an unrelated root, and leaf
 * certificates for chosen names, validity and issuer (ECDSA P-256 via @peculiar/x509).
 */
import { webcrypto } from 'node:crypto';

// @peculiar/x509 loads tsyringe, which needs the Reflect metadata API first.
await import('reflect-metadata');
const x509 = await import('@peculiar/x509');
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const subtle = webcrypto.subtle;
const KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

type KeyPair = webcrypto.CryptoKeyPair;
interface Authority {
  certificate: InstanceType<typeof x509.X509Certificate>;
  keys: KeyPair;
  pem: string;
}

export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
  /** Leaf followed by the intermediate when issued through it (what a server sends). */
  chainPem: string;
}

export interface LeafOptions {
  hosts?: Array<{ type: 'ip' | 'dns'; value: string }>;
  issuer?: 'root' | 'intermediate' | 'other-root' | 'self';
  notBefore?: Date;
  notAfter?: Date;
}

export interface TestPki {
  rootPem: string;
  intermediatePem: string;
  otherRootPem: string;
  issue(options?: LeafOptions): Promise<IssuedCertificate>;
}

let serial = 1;
const nextSerial = (): string => (serial++).toString(16).padStart(4, '0');
const generateKeys = async (): Promise<KeyPair> => (await subtle.generateKey(KEY, true, ['sign', 'verify'])) as KeyPair;

async function createAuthority(name: string, parent: Authority | null): Promise<Authority> {
  const keys = await generateKeys();
  const now = Date.now();
  const extensions = [
    new x509.BasicConstraintsExtension(true, parent ? 0 : 1, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
  ];
  const certificate = parent
    ? await x509.X509CertificateGenerator.create({
        serialNumber: nextSerial(),
        subject: `CN=${name}`,
        issuer: parent.certificate.subject,
        notBefore: new Date(now - DAY),
        notAfter: new Date(now + 30 * DAY),
        publicKey: keys.publicKey,
        signingKey: parent.keys.privateKey,
        signingAlgorithm: SIGN,
        extensions,
      })
    : await x509.X509CertificateGenerator.createSelfSigned({
        serialNumber: nextSerial(),
        name: `CN=${name}`,
        notBefore: new Date(now - DAY),
        notAfter: new Date(now + 30 * DAY),
        keys,
        signingAlgorithm: SIGN,
        extensions,
      });
  return { certificate, keys, pem: certificate.toString('pem') };
}

async function exportKeyPem(key: webcrypto.CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

/** A fresh set of test authorities. */
export async function createTestPki(): Promise<TestPki> {
  const root = await createAuthority('Test Root CA', null);
  const intermediate = await createAuthority('Test Intermediate CA', root);
  const otherRoot = await createAuthority('Unrelated Root CA', null);
  return {
    rootPem: root.pem,
    intermediatePem: intermediate.pem,
    otherRootPem: otherRoot.pem,
    async issue(options = {}) {
      const keys = await generateKeys();
      const hosts = options.hosts ?? [
        { type: 'ip', value: '127.0.0.1' },
        { type: 'dns', value: 'localhost' },
      ];
      const issuerName = options.issuer ?? 'root';
      const authority = issuerName === 'intermediate' ? intermediate : issuerName === 'other-root' ? otherRoot : issuerName === 'root' ? root : null;
      const now = Date.now();
      const certificate = await x509.X509CertificateGenerator.create({
        serialNumber: nextSerial(),
        subject: `CN=${hosts[0]?.value ?? 'gateway'}`,
        issuer: authority ? authority.certificate.subject : `CN=${hosts[0]?.value ?? 'gateway'}`,
        notBefore: options.notBefore ?? new Date(now - DAY),
        notAfter: options.notAfter ?? new Date(now + 30 * DAY),
        publicKey: keys.publicKey,
        signingKey: authority ? authority.keys.privateKey : keys.privateKey,
        signingAlgorithm: SIGN,
        extensions: [
          new x509.BasicConstraintsExtension(false, undefined, true),
          new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
          new x509.SubjectAlternativeNameExtension(hosts),
        ],
      });
      const certPem = certificate.toString('pem');
      return {
        certPem,
        keyPem: await exportKeyPem(keys.privateKey),
        chainPem: issuerName === 'intermediate' ? `${certPem}\n${intermediate.pem}` : certPem,
      };
    },
  };
}
