import { Inject, Injectable } from '@nestjs/common';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

/** Where uploaded files live. Local disk today; an S3-compatible store can implement the same two calls. */
export abstract class FileStorage {
  abstract put(key: string, content: Buffer): Promise<void>;
  abstract get(key: string): Promise<Buffer>;
}

/** Files under `<DATA_DIR>/files/`, written to a temporary name first so a crash never leaves half a file. */
@Injectable()
export class LocalFileStorage extends FileStorage {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super();
    this.root = join(config.dataDir, 'files');
  }

  private path(key: string): string {
    if (!/^[a-z0-9/-]+$/.test(key)) throw new Error(`Invalid storage key ${key}`);
    return join(this.root, key);
  }

  async put(key: string, content: Buffer): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.partial`;
    await writeFile(temporary, content);
    await rename(temporary, target);
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.path(key));
  }
}
