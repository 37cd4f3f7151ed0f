"""kinerja-graph: read a SAKIP performance cascade (pohon kinerja), check it and draw it."""

__version__ = "0.1.0"
