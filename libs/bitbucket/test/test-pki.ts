import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { MutualTls } from './bitbucket-front';

const execFileAsync = promisify(execFile);
const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];

/**
 * A throw-away PKI made with openssl in a temp dir: a private CA, a server certificate for
 * 127.0.0.1, and a client certificate whose key is encrypted with `clientKeyPassphrase`.
 */
export class TestPki {
  static readonly CLIENT_COMMON_NAME = 'bitbucket-mcp-gateway';
  readonly clientKeyPassphrase = 'test-client-key-passphrase';

  private constructor(private readonly dir: string) {}

  static async create(): Promise<TestPki> {
    const pki = new TestPki(await mkdtemp(join(tmpdir(), 'bitbucket-mcp-pki-')));
    try {
      await pki.issue();
    } catch (error) {
      await pki.remove();
      throw error;
    }
    return pki;
  }

  get caFile(): string {
    return this.file('ca.pem');
  }

  get clientCertFile(): string {
    return this.file('client.pem');
  }

  get clientKeyFile(): string {
    return this.file('client.key');
  }

  /** What a TLS front needs to present the server certificate and require client certificates from the CA. */
  async frontTls(): Promise<MutualTls> {
    const read = async (name: string): Promise<string> => readFile(this.file(name), 'utf8');
    const [cert, key, ca] = await Promise.all([read('server.pem'), read('server.key'), read('ca.pem')]);
    return { cert, key, ca };
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  private file(name: string): string {
    return join(this.dir, name);
  }

  private async issue(): Promise<void> {
    await this.openssl(
      ...['req', '-x509', ...EC_KEY, '-noenc', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1'],
      ...['-subj', '/CN=Bitbucket MCP test CA', '-addext', 'basicConstraints=critical,CA:TRUE'],
      ...['-addext', 'keyUsage=critical,keyCertSign'],
    );
    await this.issueSigned(
      'server',
      '127.0.0.1',
      ['subjectAltName=IP:127.0.0.1', 'extendedKeyUsage=serverAuth'],
      ['-noenc'],
    );
    await this.issueSigned(
      'client',
      TestPki.CLIENT_COMMON_NAME,
      ['extendedKeyUsage=clientAuth'],
      ['-passout', `pass:${this.clientKeyPassphrase}`],
    );
  }

  /** `<name>.key` (protected as `keyProtection` says) and `<name>.pem`, its certificate issued by the CA. */
  private async issueSigned(
    name: string,
    commonName: string,
    extensions: readonly string[],
    keyProtection: readonly string[],
  ): Promise<void> {
    await writeFile(this.file(`${name}.ext`), `${extensions.join('\n')}\n`);
    await this.openssl(
      ...['req', ...EC_KEY, ...keyProtection, '-keyout', `${name}.key`, '-out', `${name}.csr`],
      ...['-subj', `/CN=${commonName}`],
    );
    await this.openssl(
      ...['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial'],
      ...['-days', '1', '-extfile', `${name}.ext`, '-out', `${name}.pem`],
    );
  }

  private async openssl(...args: string[]): Promise<void> {
    await execFileAsync('openssl', args, { cwd: this.dir });
  }
}
