"""What follows from a cascade, for the people who work with it: the Perjanjian Kinerja / IKI tables
of each position (pk.py, written by pk_xlsx.py and pk_docx.py with the helpers of kinerja_graph.office)."""
