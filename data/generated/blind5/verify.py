#!/usr/bin/env python3
"""Independent check of questions.jsonl against the patient files (stdlib only)."""
import collections
import glob
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ids = collections.defaultdict(set)
for f in glob.glob(os.path.join(HERE, 'patients', 'blind5_*.json')):
    b = json.load(open(f))
    pid = [e['resource']['id'] for e in b['entry'] if e['resource']['resourceType'] == 'Patient'][0]
    for e in b['entry']:
        ids[pid].add('%s/%s' % (e['resource']['resourceType'], e['fullUrl'].split('urn:uuid:')[1]))
for f in glob.glob(os.path.join(HERE, 'patients', 'bulk', '*.ndjson')):
    for line in open(f):
        r = json.loads(line)
        pid = r['id'] if r['resourceType'] == 'Patient' else (r.get('subject') or r.get('patient'))['reference'].split('/')[1]
        ids[pid].add('%s/%s' % (r['resourceType'], r['id']))
qs = [json.loads(l) for l in open(os.path.join(HERE, 'questions.jsonl'))]
FIELDS = ['id', 'patient_id', 'question', 'kind', 'now', 'expect', 'gold_ids', 'gold_match', 'answer_facts']
for i, q in enumerate(qs, 1):
    assert list(q) == FIELDS, q
    assert q['id'] == 'b5-%03d' % i
    assert q['patient_id'] in ids
    assert q['expect'] in ('answer', 'abstain') and q['gold_match'] in ('all', 'any')
    if q['expect'] == 'abstain':
        assert q['gold_ids'] == [] and q['answer_facts'] == []
    else:
        assert q['gold_ids'] and q['answer_facts']
    for g in q['gold_ids']:
        assert g in ids[q['patient_id']], (q['id'], g)
print('ok: %d questions, %d gold ids, all present in their own patient files' % (len(qs), sum(len(q['gold_ids']) for q in qs)))
k = collections.Counter((q['kind'], q['expect']) for q in qs)
for kind in sorted({q['kind'] for q in qs}):
    print('  %-22s answer %2d  abstain %2d' % (kind, k[(kind, 'answer')], k[(kind, 'abstain')]))
e = collections.Counter(q['expect'] for q in qs)
print('expect:', dict(e))
p = collections.Counter((q['patient_id'], q['expect']) for q in qs)
for pid in sorted({q['patient_id'] for q in qs}):
    print('  %s  now=%s  answer %d  abstain %d' % (pid, [q['now'] for q in qs if q['patient_id'] == pid][0], p[(pid, 'answer')], p[(pid, 'abstain')]))
