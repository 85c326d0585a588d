"""Medical knowledge as data: terminology tables compiled from maintained public sources.

``data/`` holds the compiled tables (``scripts/build_terminology.py`` makes them; ``SOURCE.md`` names each
source, its version and licence). The tables never make a fact appear: they only say which of the
concepts recorded in THIS patient's chart a question's words can mean.
"""
