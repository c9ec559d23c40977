// Placeholder so the module compiles before its first real source file lands; delete it then.
