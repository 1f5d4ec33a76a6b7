import { createHash } from 'node:crypto';

/** File content at one commit; the id is git's own blob hash of the bytes. */
export class FileBlob {
  readonly id: string;

  constructor(
    readonly content: Buffer,
    readonly binary: boolean,
  ) {
    this.id = createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
  }

  static text(text: string): FileBlob {
    return new FileBlob(Buffer.from(text, 'utf8'), false);
  }

  static binary(bytes: Buffer): FileBlob {
    return new FileBlob(bytes, true);
  }

  get text(): string {
    return this.content.toString('utf8');
  }

  get lineCount(): number {
    if (this.binary || this.content.length === 0) return 0;
    const text = this.text;
    return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  }
}
