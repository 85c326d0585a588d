"""The topics a question can be about, with the words that name them (data, scored)."""

from __future__ import annotations

from rag_core.kinds.base import Cue, Topic

LAB = Topic(
    "lab",
    frozenset({"Observation"}),
    (
        Cue(r"\blabs?\b|\blaborator", 0.9), Cue(r"\bresults?\b", 0.7), Cue(r"\bvalues?\b", 0.6),
        Cue(r"\blevels?\b", 0.7), Cue(r"\breadings?\b", 0.8), Cue(r"\bmeasure(?:d|ments?)?\b", 0.7),
        Cue(r"\bvitals?\b|\bvital signs?\b", 0.9), Cue(r"\btests?\b|\btested\b", 0.5), Cue(r"\bscores?\b", 0.6),
        Cue(r"\bblood pressure\b|\bbp\b|\bweight\b|\bheight\b|\bbmi\b|\btemperature\b"
            r"|\bpulse\b(?![\s-]+(?:dose\w*|steroids?|therapy|methylpred\w*|solu\w*|iv)\b)", 0.6, keep=True),
        # ("pulse steroids", "pulse dose": a high dose given in short bursts, not the heart rate)
        Cue(r"\bcbc\b|\bbmp\b|\bcmp\b|\blipids?\b", 0.7, keep=True), Cue(r"\bpanel\b", 0.7),
    ),
    verb="measured",
)
MEDICATION = Topic(
    "medication",
    frozenset({"MedicationRequest", "MedicationAdministration"}),
    (
        Cue(r"\bmedications?\b|\bmeds?\b|\bmedicines?\b", 1.0), Cue(r"\bdrugs?\b", 0.9),
        Cue(r"\bprescri(?:bed|ption|ptions|be)\b|\brx\b|\bscripts?\b", 1.0), Cue(r"\btak(?:ing|es|e)\b", 0.6),
        Cue(r"\bdispensed\b|\bdose\b|\bdosage\b|\bpills?\b|\bfrequency\b|\bfreq\b", 0.7), Cue(r"\bstarted on\b|\bput on\b", 0.8),
        Cue(r"\bis (?:he|she|they|the patient|pt) on\b|\bon any\b", 0.6), Cue(r"\bsupplements?\b", 0.8),
        Cue(r"\bwhat(?:'s|’s| is| are) (?:he|she|they|pt|the patient) (?:on|taking)\b", 0.9),
        Cue(r"\binhalers?\b", 0.8, keep=True),  # a medication word that also names which ones
        Cue(r"\bwhat did (?:they|we|you|the (?:er|ed|team|hospital)) give\b|\bwhat was (?:he|she|they|pt) given\b", 0.9),
    ),
    verb="prescribed",
    active_statuses=("active", "on-hold"),
)
CONDITION = Topic(
    "condition",
    frozenset({"Condition"}),
    (
        Cue(r"\bdiagnos(?:is|es|ed)\b|\bdx\b|\bddx\b", 1.0), Cue(r"\bconditions?\b", 0.9),
        Cue(r"\bproblems?\b|\bproblem list\b", 0.9), Cue(r"\bdiseases?\b|\bdisorders?\b|\billness(?:es)?\b", 0.7),
        Cue(r"\bhistory of\b|\bhx of\b|\bpmh\b|\bpast medical history\b", 0.7),
        Cue(r"\bsuffer(?:s|ed|ing)? from\b|\bcomorbidit", 0.8),
        Cue(r"\b(?:does|did|has) (?:the patient|pt|he|she|they) (?:have|had|ever had)\b", 0.6),
    ),
    verb="diagnosed",
    active_statuses=("active", "recurrence", "relapse"),
)
PROCEDURE = Topic(
    "procedure",
    frozenset({"Procedure", "ImagingStudy"}),
    (
        Cue(r"\bprocedures?\b", 1.0), Cue(r"\bsurger(?:y|ies)\b|\bsurgical\b|\boperations?\b|\boperated\b", 0.9),
        Cue(r"\bperformed\b|\bunderw(?:ent|go)\b|\bdone\b", 0.6),
        Cue(r"\bput in\b|\bplaced\b|\bimplanted\b|\binserted\b|\bremoved\b|\bput on\b", 0.7),
        # medical word-building for what is done, counted ("how many paracenteses has he had", "any colonoscopies"):
        # the word names procedures, above "has he had" (a singular may name a state: "Colostomy status")
        Cue(r"\b[a-z]{3,}(?:ectomies|otomies|ostomies|plasties|pexies|scopies|centeses)\b", 0.65, keep=True),
    ),
    verb="performed",
)
IMMUNIZATION = Topic(
    "immunization",
    frozenset({"Immunization"}),
    (
        Cue(r"\bvaccin", 1.0), Cue(r"\bimmuni[sz]", 1.0), Cue(r"\bvaxx?(?:es|ed)?\b|\bvaccs?\b", 1.0),
        Cue(r"\bshots?\b|\bjabs?\b|\bboosters?\b", 0.8),
        # "hep b series done", "hpv doses given": a vaccine series (not "dose of metformin", "doses of chemo")
        Cue(r"\bseries\b(?!\s+of\s+(?:x-?rays?|films?|images?|labs?))|\bdoses\s+(?:given|done|complete\w*|received)\b", 0.7),
    ),
    verb="given",
)
ALLERGY = Topic(
    "allergy",
    frozenset({"AllergyIntolerance"}),
    (
        Cue(r"\ballerg(?:y|ies)\b|\ballergic to\b|\ballergic reactions?\b", 1.0), Cue(r"\ballergic\b", 0.6, keep=True),
        Cue(r"\bintoleran", 0.9), Cue(r"\bnkda\b|\bnka\b|\badverse reactions?\b", 1.0),
        # "any med intolerances", "drug allergies": an allergy question, though it names medicines
        Cue(r"\b(?:med|meds|medication|medications|drug|drugs)\s+(?:allerg\w*|intoleran\w*|reactions?)\b", 1.05),
        # "haldol reaction", "what happens w sulfa - reaction?": what a substance does to this patient
        Cue(r"\b(?<!chain )(?<!transfusion )(?<!infusion )(?<!injection )(?<!site )(?<!skin )reactions?\b"
            r"|\breacts?\b|\breacted\b", 0.6),
    ),
    verb="recorded",
    active_statuses=("active",),
)
DEVICE = Topic(
    "device",
    frozenset({"Device", "DeviceUseStatement"}),
    (
        Cue(r"\bdevices?\b", 1.0), Cue(r"\bimplant(?:s|ed|able)?\b", 0.8), Cue(r"\bhardware\b|\bequipment\b", 0.7),
        # "does she have a pacer": what one has may be a device as well as a condition (the condition cue is higher)
        Cue(r"\b(?:does|did|has) (?:the patient|pt|he|she|they) (?:have|had|got)\b|\bstill (?:on|using|wearing) the\b", 0.55),
    ),
    verb="recorded",
    active_statuses=("active",),
)
CARE_PLAN = Topic(
    "careplan",
    frozenset({"CarePlan", "Goal"}),
    (
        Cue(r"\bcare ?plans?\b|\bplans? of care\b|\btreatment plans?\b", 1.0), Cue(r"\b(?<!at )(?<!to )goals?\b", 0.9),
        # "sugar targets in pregnancy", "fall prevention plan?" (a plan named by what it is for, not "the plan"),
        # "goal met?": whether a goal was achieved is its status, not its name
        Cue(r"\btargets?\b", 0.7), Cue(r"(?<!the )(?<!a )(?<!her )(?<!his )(?<!their )(?<!any )(?<!what )"
                                      r"(?<!discharge )(?<!follow-up )(?<!f/u )"
                                      r"(?<=\w )plans?\b(?!\s+(?:at|from|in|of|on)\s+(?:the\s+|her\s+|his\s+)?"
                                      r"(?:last|latest|most\s+recent|recent|next|first)\b)", 0.95),
        Cue(r"\b(?:met|achieved|reached|attained)\b", 0.4),
    ),
    verb="planned",
    active_statuses=("active", "on-hold", "accepted", "in-progress"),
)
FAMILY = Topic(
    "family",
    frozenset({"FamilyMemberHistory"}),
    (
        Cue(r"\bfamily (?:medical )?(?:history|hx)\b|\bfhx\b|\bfh\b|\bruns? in (?:the|his|her|their) family\b"
            r"|\b(?:mother|father|mom|dad|sister|brother|sibling|parent|grandmother|grandfather)(?:'?s)?\s+(?:medical\s+)?"
            r"(?:hx|history)\b", 1.0),  # "mom hx of migraine": the mother's, never the patient's own
        Cue(r"\bfam\b|\bin (?:the |his |her |their )?family\b|\bfamily\s+(?:\w+\s+){1,3}(?:history|hx)\b", 0.9),
        Cue(r"\b(?:mother|father|mom|dad|sister|brother|sibling|parent|grandmother|grandfather)s?\b", 0.6),
    ),
    verb="recorded",
)
NOTE = Topic(
    "note",
    frozenset({"DocumentReference", "DiagnosticReport"}),
    (
        Cue(r"\bnotes?\b", 1.0), Cue(r"\bdocument(?:ation|ed|s)?\b|\bwr(?:ote|itten)\b|\bsays?\b|\bsaid\b", 0.6),
        Cue(r"\bassessment\b|\bplan\b|\bchief complaint\b|\bhpi\b|\bhistory of present illness\b|\bsocial history\b", 0.9),
        Cue(r"\bsummary\b|\breports?\b|\bnarrative\b", 0.5),
    ),
    verb="written",
)
# "dc dispo", "d/c home", "dc summary": the discharge (never "d/c'd", "d/c to simvastatin": a drug stopped)
DISCHARGE_SHORTHAND = r"\bd/?c(?=\s+(?:dispo\w*|home|summary|date)\b)"
ENCOUNTER = Topic(
    "encounter",
    frozenset({"Encounter"}),
    (
        Cue(r"\bencounters?\b", 1.0),
        Cue(r"\bvisits?\b|\bappointments?\b|\bseen\b|\b(?:came|come|comes|coming) in\b|\bcheck-?ups?\b", 0.8),
        # "bp at the sept 2021 physical", "her annual physical": the visit — not physical therapy or activity
        Cue(r"\bphysicals?\b(?!\s+(?:therapy|therapist|activity|activities|abuse|function|functioning|medicine|"
            r"rehab|rehabilitation|dependence|disability|health|exam findings))", 0.8),
        Cue(r"\badmi(?:ssions?|tted|t)\b|\bhospitali[sz](?:ed|ations?)\b|\bhospital stays?\b|\binpatient\b", 1.0),
        Cue(r"\bhospital\b", 0.8),
        Cue(r"\bdischarg(?:e|ed|es)\b|\blength of stay\b|\blos\b|\bstays?\b|\bdispo(?:sition)?s?\b"
            r"|" + DISCHARGE_SHORTHAND, 0.9),
        Cue(r"\bicu\b|\bintensive care\b|\bcritical care\b|\bccu\b|\bmicu\b|\bsicu\b", 1.0),
        Cue(r"\bemergency\b|\ber\b|\bed visits?\b|\bed\b", 0.8),
        Cue(r"\bwhere did (?:he|she|they|pt|the patient) go after\b", 1.0),  # where the stay ended
    ),
    verb="seen",
)
DEMOGRAPHICS = Topic(
    "demographics",
    frozenset({"Patient"}),
    (
        Cue(r"\bsex\b|\bgender\b|\bmale\b|\bfemale\b|\bman or (?:a )?woman\b", 1.0),
        Cue(r"\bhow old\b|\bage\b|\baged\b|\byears? old\b", 1.0),
        Cue(r"\bborn\b|\bbirth ?(?:date|day)\b|\bdate of birth\b|\bdob\b", 1.0),
        Cue(r"\bdied\b|\bdie\b|\bdeceased\b|\bdeath\b|\bdead\b|\balive\b|\bpass(?:ed)? away\b|\bexpired\b", 1.0),
        Cue(r"\blanguage\b|\bspeaks?\b|\binterpreter\b", 0.9), Cue(r"\bmarital\b|\bmarried\b|\bsingle\b|\bwidowed\b", 0.8),
        Cue(r"\brace\b|\bracial\b|\bethnicity\b|\bethnic\b", 0.9),
        Cue(r"\bdemographics?\b", 1.0),
    ),
    verb="recorded",
)

# a study's report named as the chart names it ("CT Chest Abdomen Pelvis W contrast", "Transesophageal
# echocardiogram"): no words of its own pick it as the question's topic; its names join the vocabulary, so that
# "what did the 2018 chest ct show" resolves to that report (by the lexicon's expansions), not to a word of it
REPORT = Topic("report", frozenset({"DiagnosticReport"}), (), verb="reported")
TOPICS: tuple[Topic, ...] = (LAB, MEDICATION, CONDITION, PROCEDURE, IMMUNIZATION, ALLERGY, DEVICE, CARE_PLAN, FAMILY, NOTE,
                             ENCOUNTER, DEMOGRAPHICS, REPORT)
BY_NAME = {t.name: t for t in TOPICS}
BY_TYPE = {rtype: t for t in TOPICS for rtype in t.resource_types
           if (t is not NOTE or rtype == "DocumentReference") and t is not REPORT}
BY_TYPE["DiagnosticReport"] = NOTE
# Structured topics whose facts carry a concept a question can name
CONCEPT_TOPICS = (LAB, MEDICATION, CONDITION, PROCEDURE, IMMUNIZATION, ALLERGY, DEVICE, CARE_PLAN, FAMILY, REPORT)
