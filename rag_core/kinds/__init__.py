"""Question kinds as objects: topics and kinds with their cues as data, a planner that scores them,
and per-kind evidence selection and claim wording. See docs/architecture.md, *Question kinds*."""
