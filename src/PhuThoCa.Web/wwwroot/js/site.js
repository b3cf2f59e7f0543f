// Site scripts: none needed yet.
