"""Evaluate spec.py against the raw FHIR files: gold ids, facts, ids, shuffled order (stdlib only)."""
import json
import random

from chart import Charts, ref
import spec

SEED = 909


def compute(root=None):
    cs = Charts(root) if root else Charts()
    items = []
    for s in spec.Q:
        family, now = spec.PATIENTS[s["p"]]
        pid = cs.pid_by_family(family)
        c = cs.chart(pid)
        it = {"p": s["p"], "patient_id": pid, "question": s["question"], "kind": s["kind"], "now": now,
              "expect": s["expect"], "gold_match": s["match"], "typo": s["typo"], "absent": s["absent"]}
        if s["expect"] == "answer":
            g = s["gold"](c)
            seen, gold = set(), []
            for r in g:
                k = ref(r)
                if k not in seen:
                    seen.add(k)
                    gold.append(r)
            facts = s["facts"](gold) if callable(s["facts"]) else list(s["facts"])
            it["gold_ids"] = [ref(r) for r in gold]
            it["answer_facts"] = [str(f) for f in facts]
        else:
            it["gold_ids"] = []
            it["answer_facts"] = []
        items.append(it)
    order = list(range(len(items)))
    random.Random(SEED).shuffle(order)
    out = []
    for n, i in enumerate(order, start=1):
        it = dict(items[i])
        it["id"] = "b9-%03d" % n
        out.append(it)
    return cs, out


def public(it):
    keys = ["id", "patient_id", "question", "kind", "now", "expect", "gold_ids", "gold_match", "answer_facts"]
    return {k: it[k] for k in keys}
