//go:build linux

package main

import (
	"fmt"
	"syscall"
)

// File system magic numbers (statfs(2)), for saying what the work
// directory is on.
var fileSystems = map[int64]string{
	0x01021994: "tmpfs, a RAM disk",
	0xEF53:     "ext4",
	0x58465342: "xfs",
	0x9123683E: "btrfs",
	0x794c7630: "overlayfs",
}

func fsType(dir string) int64 {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0
	}
	return int64(st.Type)
}

// onTmpfs reports whether dir is on a RAM disk.
func onTmpfs(dir string) bool { return fsType(dir) == 0x01021994 }

// fileSystem names the file system dir is on.
func fileSystem(dir string) string {
	t := fsType(dir)
	if name, ok := fileSystems[t]; ok {
		return name
	}
	return fmt.Sprintf("file system type %#x", t)
}
