package web

import "github.com/aglo/aglo/internal/content"

// Renders returns how many public pages s has rendered, for the tests of its cache.
func Renders(s *Server) int64 { return s.renders.Load() }

// Current returns the content snapshot s answers from.
func Current(s *Server) *content.Site { return s.current() }

// SetSitemapMax makes s split its sitemap past max URLs instead of the protocol's 50,000.
func SetSitemapMax(s *Server, max int) { s.sitemapMax = max }
