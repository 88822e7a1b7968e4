//go:build !linux

package main

func onTmpfs(string) bool { return false }

func fileSystem(string) string { return "unknown file system" }
