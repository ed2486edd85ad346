import fs from 'node:fs';
import path from 'node:path';

// PGlite does not lock its data folder: a second process would open it without error and its
// writes would vanish (stack.md pitfall 1). We hold a lock file with our PID and refuse a second
// process while the first is alive.
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `数据目录 ${dataDir} 正被进程 ${pid} 使用。请先停止该进程，或用 QINGSHAN_DATA_DIR 指定另一个目录。\n` +
        `The data folder ${dataDir} is in use by process ${pid}. Stop that process first, or point QINGSHAN_DATA_DIR elsewhere.`,
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'qingshan.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(file, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new DataDirLockedError(dataDir, pid);
      }
      // A stale lock from a process that died: take it over.
      fs.unlinkSync(file);
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}
