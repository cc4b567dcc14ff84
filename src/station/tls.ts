import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';

/** What an HTTPS station needs: its key and certificate, and the authority a headset trusts. */
export interface TlsIdentity {
  readonly key: string;
  readonly cert: string;
  /** The local authority's certificate (PEM), served at /sightline-ca.crt; null for given files. */
  readonly ca: string | null;
  /** SHA-256 fingerprint of the authority, to compare on the headset before trusting it. */
  readonly caFingerprint: string | null;
  /** What this start made: the authority (first run), a server certificate (new addresses, or near expiry), or nothing. */
  readonly made: 'authority' | 'certificate' | null;
}

/** The names a server certificate covers: the machine's addresses and host names. */
export interface ServerNames {
  readonly ips: readonly string[];
  readonly hosts: readonly string[];
}

const DAY = 24 * 3600 * 1000;
/** Devices refuse server certificates valid for longer than 398 days. */
const SERVER_DAYS = 397;
const AUTHORITY_YEARS = 10;

/** Key and certificate from files (`--cert`, `--key`), for a station with a certificate of its own. */
export function certificateFiles(certFile: string, keyFile: string): TlsIdentity {
  return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8'), ca: null, caFingerprint: null, made: null };
}

/**
 * A local certificate authority, made on the first run and kept in `<dataDir>/tls` (its key never
 * leaves that folder), and a server certificate it signs for this machine's addresses and names.
 * The server certificate is made again when the machine has an address it does not cover (another
 * network at the next festival) or when it nears expiry; the authority stays, so a headset trusts
 * the station once.
 */
export function localCertificate(dataDir: string, names: ServerNames, now = new Date()): TlsIdentity {
  const dir = join(dataDir, 'tls');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = (name: string) => join(dir, name);
  let made: TlsIdentity['made'] = null;

  if (!existsSync(file('ca.crt')) || !existsSync(file('ca.key'))) {
    const { cert, key } = makeAuthority(now);
    writeFileSync(file('ca.key'), key, { mode: 0o600 });
    writeFileSync(file('ca.crt'), cert);
    made = 'authority';
  }
  const caPem = readFileSync(file('ca.crt'), 'utf8');
  const ca = forge.pki.certificateFromPem(caPem);
  const caKey = forge.pki.privateKeyFromPem(readFileSync(file('ca.key'), 'utf8'));

  if (made !== null || !existsSync(file('server.crt')) || !existsSync(file('server.key')) || !covers(readFileSync(file('server.crt'), 'utf8'), ca, names, now)) {
    const { cert, key } = makeServer(ca, caKey, names, now);
    writeFileSync(file('server.key'), key, { mode: 0o600 });
    writeFileSync(file('server.crt'), cert);
    made ??= 'certificate';
  }
  return {
    key: readFileSync(file('server.key'), 'utf8'),
    // The chain: a client that trusts the authority verifies the server certificate with it.
    cert: readFileSync(file('server.crt'), 'utf8') + caPem,
    ca: caPem,
    caFingerprint: fingerprint(caPem),
    made,
  };
}

/** SHA-256 of a certificate's DER, as AA:BB:… (what certificate viewers show). */
export function fingerprint(pem: string): string {
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(forge.pki.certificateFromPem(pem))).getBytes(), 'binary');
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':');
}

function keyPair(): { publicKey: forge.pki.rsa.PublicKey; privateKey: forge.pki.rsa.PrivateKey; pem: string } {
  // Node's own RSA (fast, native); node-forge builds and signs the certificates.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const key = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e), pem: forge.pki.privateKeyToPem(key) };
}

/** A positive serial number of 16 random bytes. */
const serial = () => `01${randomBytes(15).toString('hex')}`;

function makeAuthority(now: Date): { cert: string; key: string } {
  const keys = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(now.getTime() - DAY);
  cert.validity.notAfter = new Date(now.getTime() + AUTHORITY_YEARS * 365 * DAY);
  const subject = [
    { name: 'commonName', value: `Sightline station authority ${randomBytes(3).toString('hex')}` },
    { name: 'organizationName', value: 'Sightline station (local)' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: keys.pem };
}

function makeServer(ca: forge.pki.Certificate, caKey: forge.pki.PrivateKey, names: ServerNames, now: Date): { cert: string; key: string } {
  const keys = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(now.getTime() - DAY);
  cert.validity.notAfter = new Date(now.getTime() + SERVER_DAYS * DAY);
  cert.setSubject([{ name: 'commonName', value: names.hosts[0] ?? names.ips[0] ?? 'localhost' }]);
  cert.setIssuer(ca.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [...names.hosts.map((value) => ({ type: 2, value })), ...names.ips.map((ip) => ({ type: 7, ip }))] },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: keys.pem };
}

/** Whether a server certificate is the authority's, covers every name, and has a month left. */
function covers(pem: string, ca: forge.pki.Certificate, names: ServerNames, now: Date): boolean {
  try {
    const cert = forge.pki.certificateFromPem(pem);
    if (!ca.verify(cert) || cert.validity.notAfter.getTime() - now.getTime() < 30 * DAY) return false;
    const alt = cert.getExtension('subjectAltName') as { altNames?: Array<{ type: number; value?: string; ip?: string }> } | null;
    const have = new Set((alt?.altNames ?? []).map((a) => (a.type === 7 ? a.ip : a.value)));
    return [...names.hosts, ...names.ips].every((n) => have.has(n));
  } catch {
    return false;
  }
}
