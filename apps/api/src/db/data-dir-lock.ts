import { open, readFile, rm } from "node:fs/promises";
import { unlinkSync } from "node:fs";
import { join, resolve } from "node:path";

/** A second process on one PGlite folder would be a split brain: both would migrate and write. */
export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string, readonly pid: number) {
    super(`The data folder ${dataDir} is in use by another Coalition Kit process (pid ${pid}). Stop that process, or give this one its own folder with CK_DATA_DIR (or DATABASE_URL for PostgreSQL, which replicas can share).`);
  }
}

const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Take the folder for this process: a lock file holding our pid, created exclusively. A lock left
 * by a process that is gone (kill -9, power loss) is taken over. Returns the release.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const dir = resolve(dataDir);
  const file = join(dir, "coalition-kit.lock");
  if (held.has(dir)) throw new DataDirLockedError(dir, process.pid);
  for (let attempt = 0; ; attempt += 1) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
      const pid = Number((await readFile(file, "utf8").catch(() => "")).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new DataDirLockedError(dir, pid);
      await rm(file, { force: true });
    }
  }
  held.add(dir);
  const onExit = () => {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.once("exit", onExit);
  return async () => {
    process.off("exit", onExit);
    held.delete(dir);
    await rm(file, { force: true });
  };
}
