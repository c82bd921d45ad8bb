package web

// Renders returns how many public pages s has rendered, for the tests of its cache.
func Renders(s *Server) int64 { return s.renders.Load() }
