// \(m) lands here.
