/**
 * "Inside a folder" decided on real paths, every symbolic link resolved: a link inside an untrusted workspace that
 * points outside it must count as outside, for reading a table doc and for writing the constants module alike.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Links followed before giving up (the kernel's own limit is 40). */
const MAX_LINKS = 40;

/**
 * The real path of a file, whether it exists or not: the real path of its nearest existing ancestor with the rest
 * of the names after it. A dangling link is followed to where it points, since writing through it creates its target.
 */
export function realPath(file: string, links = 0): string {
  const absolute = path.resolve(file);
  const rest: string[] = [];
  for (let current = absolute; ;) {
    try {
      return path.join(fs.realpathSync.native(current), ...rest);
    } catch {
      // Missing, dangling or unreadable: look at the link itself, then at the folder above.
    }
    const target = danglingLinkTarget(current);
    if (target !== undefined && links < MAX_LINKS) return path.join(realPath(path.resolve(path.dirname(current), target), links + 1), ...rest);
    const parent = path.dirname(current);
    if (parent === current) return absolute;
    rest.unshift(path.basename(current));
    current = parent;
  }
}

function danglingLinkTarget(file: string): string | undefined {
  try {
    return fs.lstatSync(file).isSymbolicLink() ? fs.readlinkSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `file` is `folder` or under it, both taken at their real paths. */
export function isInsideReally(file: string, folder: string): boolean {
  const real = realPath(file);
  const root = realPath(folder);
  return real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}
