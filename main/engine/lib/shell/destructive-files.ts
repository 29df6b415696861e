// Destructive rules for files, file systems and disks, installed packages, users and schedules.
import { DISK_DEVICE, type DestructiveRule } from './destructive-rule';

const DATABASE_FILE = /\.(db|sqlite|sqlite3)$/i;

/** `mkfs` and the formatters named after the file system they make. */
const FORMATTERS = [
  'mkfs',
  ...'ext2 ext3 ext4 xfs btrfs vfat fat msdos ntfs exfat f2fs minix cramfs bfs jfs reiserfs nilfs2 udf'.split(' ').map((fs) => `mkfs.${fs}`),
  'mke2fs', 'mkswap', 'mkntfs', 'mkdosfs', 'mkexfatfs',
];

/** SysRq letters that only print or sync (help, memory, tasks, locks, sync, log level); the others reboot, crash or kill. */
const HARMLESS_SYSRQ = /^[hmtwlpdqs0-9\s]*$/;

export const FILE_RULES: readonly DestructiveRule[] = [
  { command: 'rm', when: (inv) => inv.has('-r', '-R', '--recursive', '-f', '--force'), reason: '`rm -r`/`rm -f` deletes files and directories without asking' },
  { command: 'rm', reason: '`rm` deletes files' },
  { command: ['shred', 'blkdiscard'], reason: '`{program}` destroys data on purpose' },
  // Without -a or -o, wipefs only lists the signatures it would erase.
  { command: 'wipefs', when: (inv) => inv.has('-a', '--all', '-o', '--offset') && !inv.has('-n', '--no-act'), reason: '`wipefs -a` erases file system signatures, making the data unreachable' },
  { command: 'truncate', reason: '`truncate` empties or shortens files' },
  { command: FORMATTERS, reason: '`{program}` formats a filesystem, erasing it' },
  { command: 'dd', when: (inv) => inv.operands.some((o) => o.startsWith('of=')), reason: '`dd of=` overwrites its target' },
  { command: ['fdisk', 'sfdisk', 'parted', 'gdisk', 'sgdisk'], when: (inv) => !inv.has('-l', '--list'), reason: '`{program}` rewrites a disk\'s partition table' },
  { command: ['lvremove', 'vgremove', 'pvremove', 'lvreduce'], reason: '`{program}` deletes LVM volumes and their data' },
  { command: ['zfs destroy', 'zpool destroy'], reason: '`{program} destroy` deletes ZFS data' },
  { command: 'zfs rollback', reason: '`zfs rollback` discards every change made since the snapshot' },
  { command: ['chmod', 'chown', 'chgrp'], when: (inv) => inv.has('-R', '--recursive'), reason: '`{program} -R` changes a whole directory tree' },
  {
    command: ['cp', 'mv'],
    when: (inv) => inv.operands.length >= 2 && DATABASE_FILE.test(inv.operands[inv.operands.length - 1]),
    reason: '`{program}` overwrites a database file',
  },
  // The same as `cat /dev/null > FILE`, which empties it.
  { command: 'cp', when: (inv) => inv.operands.length === 2 && inv.operands[0] === '/dev/null', reason: '`cp /dev/null` empties the file it copies onto' },
  { command: ['cp', 'tee'], when: (inv) => inv.operands.some((o) => DISK_DEVICE.test(o)), reason: '`{program}` writes raw data to a disk device' },
  {
    command: 'tee',
    when: (inv, input) => inv.operands.includes('/proc/sysrq-trigger') && !(input.text !== null && HARMLESS_SYSRQ.test(input.text)),
    reason: 'writing to `/proc/sysrq-trigger` can reboot, crash or power off the machine at once',
  },
  { command: 'find', when: (inv) => inv.has('-delete'), reason: '`find -delete` deletes every file it matches' },
  {
    command: 'rsync',
    // rsync takes any unambiguous abbreviation of a long option: `--del` is `--delete-during`.
    when: (inv) => inv.options.some((o) => /^--(del|delete(-[\w-]+)?|remove-(source|sent)-files)$/.test(o.name)),
    reason: '`rsync --delete` deletes files at the destination that the source does not have',
  },
  { command: 'tar', when: (inv) => inv.has('--remove-files'), reason: '`tar --remove-files` deletes the files once they are archived' },
  { command: 'tar', when: (inv) => inv.has('--recursive-unlink'), reason: '`tar --recursive-unlink` deletes existing directories before extracting' },

  // Installed packages.
  {
    command: [
      'apt remove', 'apt purge', 'apt autoremove', 'apt-get remove', 'apt-get purge', 'apt-get autoremove', 'yum remove', 'yum erase', 'yum autoremove',
      'dnf remove', 'dnf erase', 'dnf autoremove', 'apk del',
    ],
    reason: '`{program} remove` uninstalls packages',
  },
  { command: ['zypper remove', 'zypper rm', 'snap remove', 'pip uninstall', 'pip3 uninstall'], reason: '`{program}` uninstalls packages' },
  { command: 'dpkg', when: (inv) => inv.has('-r', '--remove', '-P', '--purge'), reason: '`dpkg --remove`/`--purge` uninstalls packages' },
  { command: 'rpm', when: (inv) => inv.has('-e', '--erase'), reason: '`rpm -e` uninstalls packages' },
  { command: 'pacman', when: (inv) => inv.has('-R', '--remove'), reason: '`pacman -R` uninstalls packages' },
  { command: ['python', 'python3'], when: (inv) => inv.has('-m') && inv.operands[0] === 'pip' && inv.operands[1] === 'uninstall', reason: '`pip uninstall` uninstalls packages' },

  // Users and schedules.
  { command: 'crontab', when: (inv) => inv.has('-r'), reason: '`crontab -r` deletes the whole crontab' },
  // `crontab FILE` and `… | crontab -` install a new crontab in place of the whole old one.
  {
    command: 'crontab',
    when: (inv) => inv.operands.length > 0 && !inv.has('-l', '-e', '-T'),
    reason: '`crontab FILE` replaces the whole crontab, deleting every job not in the new one',
  },
  { command: ['userdel', 'groupdel', 'deluser', 'delgroup'], reason: '`{program}` deletes a user or group' },
];
