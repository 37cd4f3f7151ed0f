from kinerja_graph.cli import main

main()
