"""PHI tokenization at the model boundary: find identifiers (Presidio with the offline spaCy small
English model, pattern recognizers, and the patient's own identifiers from the record), replace them
with per-request placeholders kept in a ``Vault`` that never leaves the process, restore them in the
final answer only."""
