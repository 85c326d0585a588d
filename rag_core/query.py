"""Question understanding, as the rest of rag_core sees it: ``plan_question`` and the plan's types.

The planner itself lives in ``rag_core.kinds`` (topics and kinds as objects with their cues as data,
``kinds.planner`` scoring them, ``kinds.timewords`` for time language); this module keeps the
imports every other module uses.
"""

from __future__ import annotations

from rag_core.kinds.base import Aspect, QueryPlan
from rag_core.kinds.planner import plan_question
from rag_core.kinds.timewords import day_int

__all__ = ["Aspect", "QueryPlan", "day_int", "plan_question"]
