"""Vector index port and its Qdrant backends (Edge embedded, server/cluster)."""
