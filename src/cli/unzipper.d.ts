/** The part of unzipper (a dependency of exceljs, and of the reader) that src/cli/xlsx-parts.ts uses: random access to a zip's entries through its central directory. */
declare module "unzipper" {
  import type { Readable } from "node:stream";

  /** One entry of the zip. */
  export interface CentralDirectoryFile {
    readonly path: string;
    readonly type: "File" | "Directory";
    readonly uncompressedSize: number;
    /** The entry's bytes, inflated as they are read. */
    stream(): Readable;
    buffer(): Promise<Buffer>;
  }

  /** The zip's table of contents. */
  export interface CentralDirectory {
    readonly files: readonly CentralDirectoryFile[];
  }

  export const Open: {
    file(path: string): Promise<CentralDirectory>;
  };
}
