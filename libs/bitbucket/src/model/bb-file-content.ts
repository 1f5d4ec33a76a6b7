export interface BbFileContent {
  readonly path: string;
  readonly ref: string;
  readonly content: Buffer;
  readonly binary: boolean;
  readonly size: number;
}
