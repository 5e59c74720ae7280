"""`kiosk report`: the visitor analytics of one or more kiosks (their SQLite databases, see
kiosk.system.analytics) turned into one offline HTML or PDF file with charts, or CSV files.
No Qt: `data` reads the databases, `figures` counts (plain Python, tested without charts),
`charts` draws with matplotlib and the bundled CJK font, `document` writes the file."""
