package main

import (
	"errors"
	"os"
	"runtime"
	"runtime/pprof"
)

// profiled runs cmd under the profilers asked for by -cpuprofile and
// -memprofile.
func (c *config) profiled(cmd func(*config) error) (err error) {
	if c.cpuProfile != "" {
		f, err := os.Create(c.cpuProfile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return errors.Join(err, f.Close())
		}
		defer func() {
			pprof.StopCPUProfile()
			err = errors.Join(err, f.Close())
		}()
	}
	err = cmd(c)
	if c.memProfile != "" {
		f, ferr := os.Create(c.memProfile)
		if ferr != nil {
			return errors.Join(err, ferr)
		}
		runtime.GC()
		err = errors.Join(err, pprof.WriteHeapProfile(f), f.Close())
	}
	return err
}
