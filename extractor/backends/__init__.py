"""backends: one module per PDF engine, each turning pages into our Words."""
