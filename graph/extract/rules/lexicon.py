"""How English news reports positions: the cue words of the rule-based extractor.

These are words of the language, not of a domain: what a stance is *about* comes from the
codebook. Each cue has a polarity (+1 support, -1 oppose, 0 neutral report) and a kind.
"""

# Verbs whose subject takes a position on their object or complement.
SUPPORT_VERBS = {
    "support", "back", "endorse", "welcome", "favor", "favour", "advocate", "urge", "demand", "propose",
    "recommend", "seek", "want", "pursue", "embrace", "praise", "accept", "approve", "champion", "promote",
    "request", "offer", "submit", "present", "table", "draft", "craft", "develop", "strive", "aim", "prioritize",
    "prioritise", "require", "prefer", "intend", "vow", "pledge", "promise", "commit", "allocate", "provide",
    "deliver", "fund", "adopt", "broker", "hail", "applaud", "insist", "press", "push", "call", "ask", "plead",
    "lobby", "campaign", "argue", "lean", "acquiesce", "agree", "reaffirm", "work", "focus", "ensure", "secure",
    "guarantee", "need", "plan", "consider", "envision", "envisage", "include", "contain", "pass", "sign",
    "uphold", "defend", "preserve", "protect", "restore", "maintain", "keep", "float", "outline", "order",
    "threaten", "decide", "expect", "celebrate", "choose", "opt", "spearhead", "initiate", "mastermind", "author",
    "suggest", "sponsor", "engineer", "tolerate", "countenance", "permit", "allow", "conclude", "finalise", "finalize", "clinch", "seal", "pitch", "greenlight", "greenlit", "ratify", "unveil",
    "devise", "formulate", "design", "oblige", "obligate",
}
OPPOSE_VERBS = {
    "reject", "refuse", "oppose", "resist", "dismiss", "deny", "decline", "avoid", "block", "veto", "condemn",
    "criticize", "criticise", "denounce", "slam", "object", "protest", "balk", "rebuff", "spurn", "scrap",
    "abandon", "obstruct", "sabotage", "undermine", "doubt", "question", "fear", "refute", "torpedo", "shun",
    "disavow", "renounce", "forbid", "ban", "bar", "prevent", "restrict", "exclude", "stall", "delay", "fight",
    "disagree", "dispute", "contest", "decry", "lament", "deplore", "blast", "kill", "scupper", "sink", "wreck",
    "challenge",
    "bury", "shelve", "ditch",
}
# Reporting verbs: the position is in what they report, their own polarity is neutral.
REPORT_VERBS = {
    "say", "tell", "state", "stress", "warn", "affirm", "reiterate", "emphasize", "emphasise", "claim",
    "note", "add", "declare", "announce", "indicate", "signal", "suggest", "underline", "underscore", "assert",
    "explain", "write", "post", "acknowledge", "confirm", "believe", "think", "hope", "express", "voice",
    "show", "repeat", "describe", "recognize", "recognise", "insist", "argue", "maintain", "contend",
    "reply", "respond", "tweet", "remark", "highlight", "frame", "see", "view", "regard", "deem",
    "caution", "predict", "reckon", "observe", "point", "mention", "comment", "assure", "reassure", "hint", "concede", "admit", "chime",
}
# The nouns of verbs (English derivation): a label "reduce armed forces" also names "a reduction
# of the armed forces" (and every verb its -ing form: "the lifting of sanctions").
NOMINALS = {
    "reduce": ["reduction"], "limit": ["limitation"], "cede": ["cession"], "withdraw": ["withdrawal"],
    "recognize": ["recognition"], "recognise": ["recognition"], "deploy": ["deployment"],
    "suspend": ["suspension"], "restrict": ["restriction"], "seize": ["seizure"], "confiscate": ["confiscation"],
    "expropriate": ["expropriation"], "abandon": ["abandonment"], "renounce": ["renunciation"],
    "relinquish": ["relinquishment"], "impose": ["imposition"], "extend": ["extension"], "provide": ["provision"],
    "release": ["release"], "exchange": ["exchange"], "return": ["return"], "transfer": ["transfer"],
    "surrender": ["surrender"], "use": ["use"], "supply": ["supply"], "deliver": ["delivery"], "cut": ["cut"],
    "freeze": ["freeze"], "halt": ["halt"], "end": ["end"], "stop": ["stoppage"], "ease": ["easing"],
    "demilitarize": ["demilitarization"], "demilitarise": ["demilitarisation"], "annex": ["annexation"],
    "occupy": ["occupation"], "guarantee": ["guarantee"], "shrink": ["shrinking"], "arm": ["arming"],
    "finance": ["financing"], "fund": ["funding"], "sanction": ["sanctioning"], "lift": ["lifting"],
}
# Nouns of evidence whose "no" denies the clause they announce: "no indication that it will accept".
EVIDENCE_NOUNS = {"indication", "sign", "signal", "evidence", "suggestion", "hint", "sense"}
# Verbs of asking for something of someone: "seeks guarantees from the US" (the US is asked).
SEEKING_VERBS = {"seek", "want", "demand", "request", "ask", "need", "expect", "urge", "solicit", "hope", "press"}
# Reporting verbs of speech (not of seeing or judging: "the plan would see Russia halt ..."):
SPEECH_VERBS = REPORT_VERBS - {"see", "view", "regard", "deem", "show", "frame", "describe", "believe", "think",
                               "hope", "recognize", "recognise", "observe", "predict", "reckon", "express"}
# "Ukraine has *ruled out* ...", "Moscow *pushed for* ...": particles and prepositions that make the cue.
PHRASAL = {
    ("rule", "out"): -1, ("push", "for"): 1, ("live", "with"): 1, ("press", "for"): 1, ("call", "for"): 1, ("ask", "for"): 1,
    ("argue", "for"): 1, ("argue", "against"): -1, ("warn", "against"): -1, ("speak", "against"): -1,
    ("speak", "out"): -1, ("insist", "on"): 1, ("focus", "on"): 1, ("work", "on"): 1, ("work", "toward"): 1,
    ("work", "towards"): 1, ("strive", "for"): 1, ("aim", "for"): 1, ("lean", "toward"): 1, ("lean", "towards"): 1,
    ("acquiesce", "to"): 1, ("agree", "to"): 1, ("agree", "on"): 1, ("agree", "with"): 1, ("back", "away"): -1,
    ("walk", "away"): -1, ("pull", "out"): -1, ("sign", "on"): 1, ("stand", "by"): 1, ("hold", "out"): 1,
    ("turn", "down"): -1, ("be", "against"): -1, ("push", "back"): -1, ("hit", "back"): -1, ("shoot", "down"): -1, ("water", "down"): -1, ("put", "forward"): 1, ("lay", "out"): 1, ("look", "for"): 1,
    ("open", "to"): 1, ("commit", "to"): 1, ("object", "to"): -1, ("settle", "for"): 1, ("hold", "on"): 1,
    ("fight", "against"): -1, ("fight", "back"): -1, ("stand", "against"): -1, ("vote", "against"): -1,
    ("vote", "for"): 1, ("lobby", "for"): 1, ("lobby", "against"): -1, ("campaign", "against"): -1,
    ("stand", "behind"): 1, ("warm", "to"): 1, ("come", "against"): -1, ("rally", "behind"): 1,
    ("rally", "against"): -1, ("side", "with"): 1, ("sign", "off"): 1, ("strike", "from"): -1, ("draw", "up"): 1,
    ("work", "out"): 1,
    ("back", "down"): -1, ("cool", "on"): -1, ("row", "back"): -1,
}
# Idioms of a verb, its object and a preposition: "poured cold water on the plan".
IDIOMS = {("pour", "water", "on"): -1, ("give", "light", "to"): 1, ("throw", "weight", "behind"): 1,
          ("drag", "foot", "on"): -1, ("put", "brake", "on"): -1, ("give", "nod", "to"): 1,
          ("give", "blessing", "to"): 1, ("cast", "doubt", "on"): -1, ("take", "aim", "at"): -1}
# Nouns that carry a position: "Russia's demand", "rejection ... by Putin", "calls for", "support for".
SUPPORT_NOUNS = {
    "support", "backing", "demand", "call", "push", "pressure", "willingness", "readiness", "openness",
    "interest", "insistence", "request", "endorsement", "commitment", "bid", "plea", "appeal", "advocacy",
    "effort", "desire", "wish", "offer", "praise", "proposal", "drive", "quest", "preference", "suggestion",
    "approval", "acceptance", "enthusiasm", "campaign", "recommendation", "pledge", "promise",
    "position", "stance", "condition", "precondition", "priority", "goal", "aim", "vision", "idea", "need",
    "proponent", "supporter", "advocate", "champion", "backer", "defender", "architect", "expectation",
    "appetite", "intention", "intent",
}
OPPOSE_NOUNS = {
    "reservation", "misgiving", "qualm", "opponent", "critic", "sceptic", "skeptic", "foe", "detractor",
    "rejection", "refusal", "inability", "opposition", "resistance", "objection", "criticism", "veto", "condemnation",
    "skepticism", "scepticism", "reluctance", "unwillingness", "distrust", "wariness", "doubt", "hostility",
    "protest", "complaint", "obstacle", "holdout", "concern", "worry", "alarm", "anger", "frustration", "outrage",
    "disappointment", "dismay", "rebuke", "backlash", "pushback", "rebuff", "censure", "disapproval", "critique",
}
# Adjectives after a copula: "Kyiv is ready to ...", "Moscow is opposed to ...".
SUPPORT_ADJS = {"ready", "willing", "open", "keen", "eager", "prepared", "committed", "supportive", "determined",
                "interested", "happy", "satisfied", "content", "confident",
                "favorable", "favourable", "amenable", "inclined", "necessary", "essential", "vital", "crucial"}
OPPOSE_ADJS = {"opposed", "skeptical", "sceptical", "wary", "reluctant", "unwilling", "hostile", "unacceptable",
               "impermissible", "impossible", "unthinkable", "averse", "against", "illegal", "unrealistic",
               "lukewarm", "hesitant", "cool"}
# Verbs whose object is the one taking a position on their subject: "the plan alarmed Europeans".
PSYCH_VERBS = {"alarm": -1, "worry": -1, "concern": -1, "anger": -1, "frustrate": -1, "upset": -1, "dismay": -1,
               "irritate": -1, "trouble": -1, "infuriate": -1, "disappoint": -1, "please": 1, "reassure": 1,
               "encourage": 1, "satisfy": 1, "delight": 1, "impress": 1, "unsettle": -1, "unnerve": -1,
               "rattle": -1, "spook": -1}
# "X received support from Y": what Y supports is the subject of these verbs.
RECEIVE_VERBS = {"receive", "win", "get", "gain", "garner", "enjoy", "attract", "draw", "earn", "meet", "face"}
# Verbs that make a noun cue the subject's own: "expressed willingness", "voiced support".
LIGHT_VERBS = {"express", "voice", "signal", "show", "renew", "reiterate", "repeat", "issue", "make", "offer",
               "reaffirm", "stress", "lend", "give", "pledge", "declare", "announce", "state", "indicate", "have",
               "maintain", "keep", "take", "adopt", "hold", "set", "lay", "outline", "put", "present", "continue",
               "lead", "head", "spearhead", "mount", "step", "throw", "echo", "raise", "air", "launch", "level"}

# Verbs whose object (or complement) is what their subject wants from someone else:
# the clause under them is the subject's position, not its own subject's.
DIRECTIVES = {"urge", "demand", "recommend", "ask", "want", "insist", "press", "push", "call", "need",
              "propose", "require", "pressure", "expect", "encourage", "advise", "force", "compel",
              "persuade", "convince", "request", "wish", "prefer", "suggest", "oblige", "obligate"}
# What a peace plan is for: "a plan to end the war" is a peace plan, "plans to send troops" an intention.
PEACEMAKING_VERBS = {"end", "stop", "halt", "settle", "resolve", "finish"}
# Modals that make a clause what the speaker wants of its subject: "Kyiv should accept".
DEONTIC = {"should", "must", "ought"}
# Predicate effects: what a verb or noun does to what it governs, without being a stance of its
# own. Polarity is their product along the path from the holder to the topic phrase: "ready (+)
# to drop (-) its demand (+) for EU membership" is -1; "lift (-) its suspension (-) of aid" +1.
# Relinquishing, ending or limiting flips ("stop attacks", "give up its claim to ..."):
NEGATIVE_VERBS = {
    "stop", "halt", "end", "lack", "reduce", "cut", "curb", "abandon", "drop", "exclude", "relinquish",
    "renounce", "forgo", "forego", "forswear", "waive", "surrender", "freeze", "limit", "curtail", "cap", "suspend",
    "cancel", "lift", "lose", "sacrifice", "shelve", "terminate", "withdraw", "revoke", "remove", "scrap",
    "dismantle", "weaken", "erode", "jeopardize", "jeopardise", "endanger", "delay", "hamper",
    "hinder", "derail", "thwart", "prevent", "block", "quit", "exit", "retreat", "pause", "prohibit",
    "forbid", "ban", "bar", "preclude",
}
# Negative predicates an actor does deliberately: "Trump suspended aid" is Trump's position on aid
# (not "lose", "lack", "weaken": what befalls or follows from something is no position on it).
ACTING_AGAINST = NEGATIVE_VERBS - {"freeze", "lack", "lose", "weaken", "erode", "jeopardize", "jeopardise", "endanger",
                                   "hamper", "hinder", "sacrifice"}
# Keeping, obtaining or granting keeps the polarity, and a negation of them is meaningful
# ("will not get membership"). A negation on any other verb ("does not use the truce to rearm")
# says nothing about the position on its object.
POSITIVE_VERBS = {
    "retain", "obtain", "secure", "keep", "gain", "win", "get", "receive", "preserve", "maintain", "protect",
    "restore", "extend", "expand", "increase", "boost", "strengthen", "continue", "resume", "grant", "provide",
    "entrench", "cement", "perpetuate", "deepen", "worsen",
    "deliver", "send", "allow", "permit", "enable", "implement", "honour", "honor", "respect", "sign", "ratify",
    "join", "enter", "become", "reach", "achieve", "conclude", "finalize", "finalise", "give", "offer",
    "recognize", "recognise", "guarantee", "ensure", "establish", "create", "hold", "launch", "start", "begin",
    "include", "contain", "accept", "approve", "deploy", "supply", "fund", "finance", "seize", "cede",
    "concede", "hand", "transfer", "prolong", "fuel", "bring", "produce", "encourage", "reward", "embolden",
    "legitimize", "legitimise", "cause", "lead", "invite", "escalate", "worsen",
}
NEGATIVE_NOUNS = {"suspension", "halt", "freeze", "end", "cut", "reduction", "removal", "cessation", "cap",
                  "limit", "abandonment", "renunciation", "withdrawal", "lifting", "loss", "ban", "curb", "erosion",
                  "termination", "cancellation", "delay", "easing", "relaxation", "weakening", "rollback",
                  "reversal", "pause", "scrapping", "decline", "decrease"}

NEGATIVE_PHRASAL = {("give", "up"), ("back", "down"), ("walk", "back"), ("call", "off"), ("wind", "down"),
                    ("scale", "back"), ("phase", "out"), ("drop", "out"), ("pull", "back"), ("back", "away"),
                    ("walk", "away"), ("step", "back"), ("shy", "away"), ("move", "away")}

# Words that flip the polarity of what they govern when a path passes through them.
NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "without", "against", "nothing", "none"}
# Quantities that deny what they count ("little interest", "scant support"; not "a little").
SCANT = {"little", "scant", "scarce", "minimal", "zero", "few"}
# Clause markers: "until a ceasefire is in effect" makes it a condition that is wanted;
# "whether" makes it an open question, not a position.
CONDITION_MARKERS = {"until", "unless", "provided", "providing", "if", "once", "long"}
QUESTION_MARKERS = {"whether"}
# A yes/no question, or one asking who or what, takes no position: "Can Trump's plan stop the
# killing?"; "why" and "how" questions presuppose it ("Why does Kyiv reject the plan?").
QUESTION_WORDS = {"can", "could", "will", "would", "should", "shall", "is", "are", "was", "were", "do", "does", "did",
                  "has", "have", "may", "might", "must", "who", "what", "which", "whom"}
# News outlets and agencies report positions; they hold none ("(Reuters) -", "Axios reported").
# A capital city in a holder's place speaks for its state ("Budapest opposes ..."), as a coder
# names it. General geography, used for states the codebook does not name by their capital.
# Written as names (not lower case): they are no common words a headline capitalises.
CAPITALS = {
    "Budapest": "Hungary", "Warsaw": "Poland", "Bratislava": "Slovakia", "Prague": "Czech Republic",
    "Vienna": "Austria", "Rome": "Italy", "Madrid": "Spain", "Lisbon": "Portugal", "Athens": "Greece",
    "The Hague": "Netherlands", "Amsterdam": "Netherlands", "Copenhagen": "Denmark", "Stockholm": "Sweden",
    "Helsinki": "Finland", "Oslo": "Norway", "Tallinn": "Estonia", "Riga": "Latvia", "Vilnius": "Lithuania",
    "Bucharest": "Romania", "Sofia": "Bulgaria", "Chisinau": "Moldova", "Minsk": "Belarus", "Ankara": "Turkey",
    "Beijing": "China", "Tokyo": "Japan", "Seoul": "South Korea", "Pyongyang": "North Korea", "New Delhi": "India",
    "Tehran": "Iran", "Ottawa": "Canada", "Canberra": "Australia", "Brasilia": "Brazil", "Riyadh": "Saudi Arabia",
    "Doha": "Qatar", "Abu Dhabi": "United Arab Emirates", "Tbilisi": "Georgia", "Dublin": "Ireland",
    "Luxembourg": "Luxembourg", "Zagreb": "Croatia", "Ljubljana": "Slovenia", "Belgrade": "Serbia",
    "Berlin": "Germany", "Paris": "France", "London": "United Kingdom", "Washington": "United States",
    "Moscow": "Russia", "Kyiv": "Ukraine", "Kiev": "Ukraine",
}

# Tables of names, not of common words (headlines.common_words leaves them out).
NAME_TABLES = {"NEWS_OUTLETS", "CAPITALS"}

NEWS_OUTLETS = {
    "reuters", "afp", "agence france-presse", "ap", "associated press", "the associated press", "bloomberg", "tass",
    "ria novosti", "ria", "interfax", "interfax-ukraine", "ukrinform", "unian", "axios", "cnn", "bbc", "politico",
    "financial times", "ft", "wall street journal", "wsj", "new york times", "washington post", "guardian",
    "telegraph", "al jazeera", "euronews", "kyiv independent", "sky news", "fox news", "cbs news", "nbc news",
    "abc news", "dpa", "anadolu", "anadolu agency", "xinhua", "kyodo", "efe", "ansa", "pap", "rbc", "rbc-ukraine",
    "kommersant", "izvestia", "vedomosti", "meduza", "novaya gazeta", "sputnik", "rt", "euractiv", "the economist",
    "economist", "der spiegel", "spiegel", "le monde", "bild", "the times", "times", "cnbc", "npr", "vox",
    "deutsche welle", "dw", "voice of america", "voa", "radio free europe", "radio liberty", "rfe/rl", "france 24",
    "newsweek", "the hill", "new york post", "daily mail", "usa today", "los angeles times", "msnbc", "semafor",
    "kyiv post", "ukrainska pravda", "european pravda", "suspilne", "hromadske", "rossiyskaya gazeta", "ria-novosti",
    "global times", "cctv", "nhk", "yonhap", "irna", "tasnim", "le figaro", "el pais", "corriere della sera",
}
# Prepositions that make a phrase a time or circumstance, not an object of a position.
TEMPORAL = {"after", "before", "during", "following", "since", "amid", "despite", "ahead", "throughout", "while",
            "when", "whenever"}
# Clause markers of a reason: "as the US has not approved ..." is a circumstance of the main clause.
REASON_MARKERS = {"as", "because", "since"}
# Prepositions of a circumstance or a comparison: "unlike the American proposal, Europe's plan ...".
CIRCUMSTANCE_PREPS = TEMPORAL | {"unlike"}
# Verbs of putting a proposal forward or backing it: "the US suggested a truce ... this proposal",
# "Trump has endorsed a 28-point proposal ... the proposal" (whose it is, what it names).
PROPOSING_VERBS = {"propose", "suggest", "offer", "float", "pitch", "table", "submit", "present", "put", "unveil",
                   "endorse", "draft", "outline", "introduce", "publish", "prepare", "back", "push", "promote"}
# Phrasal cues that, with an object, move it instead ("pull its troops out of ..."): no cue then.
MOVING_PHRASAL = {("pull", "out"), ("move", "out")}
TROOP_NOUNS = {"troop", "force", "army", "soldier", "unit", "contingent"}
# Particles the parser may take for adverbs ("pushed [back] against").
PARTICLES = {"back", "away", "down", "out", "off", "up", "forward", "over"}
# Hyphens the tokenizer splits off as tokens of their own ("counter - proposal", "non - starter").
HYPHENS = {"-", "\u2010", "\u2011"}
# What comes "from" someone is theirs to give: "concessions from the United States".
GIVING_NOUNS = {"concession", "compromise"}
# Verbs whose subject makes what it offers: "the US offered concessions" are the US's own.
OFFERING_VERBS = {"offer", "make", "grant", "give", "extend", "promise"}
# Denials: what they deny is said to be false, nobody's position ("denied that Kyiv had agreed to ...").
DENYING_VERBS = {"deny", "refute"}
# Hearsay denied: "rejected suggestions that Berlin was blocking ..." (but "the suggestion that Kyiv
# withdraw", a subjunctive, is a proposal; see stances._denied).
HEARSAY_NOUNS = {"report", "suggestion", "claim", "allegation", "rumour", "rumor", "speculation", "accusation"}
# Words of money or law: "legal / financial guarantees" are no security guarantees (topics._of_money_or_law).
MONEY_OR_LAW = {"legal", "legally", "financial", "financially", "fiscal", "budgetary", "bank", "loan", "credit",
                "liquidity", "state", "sovereign", "investment", "export", "payment"}
# Nouns of money: a bare "guarantees" in their sentence is no security guarantee.
MONEY_NOUNS = {"loan", "asset", "budget", "reserve", "euroclear", "bond", "debt", "collateral", "indemnity"}
# Nouns that announce a list of what their owner wants: "its terms: A, B and C".
LISTED_DEMAND_NOUNS = {"term", "condition", "demand", "precondition", "requirement", "priority", "proposal",
                       "request", "change", "point", "goal", "wish"}
# Nouns that answer another proposal: what they answer is not what is said of them.
COUNTER_NOUNS = {"counterproposal", "counteroffer", "alternative", "response", "reply", "answer"}
# Adjectives of likeness: what something is "similar to" is a standard, not a position.
COMPARISON_ADJS = {"similar", "comparable", "akin", "equivalent", "identical", "analogous"}
# Nouns of condition: "X as a condition for a truce" conditions the truce, it does not back it.
CONDITION_NOUNS = {"condition", "precondition", "prerequisite"}
# What is on the table: "discussed a loan" ... "the plan" refers to it.
DELIBERATING_VERBS = {"discuss", "debate", "weigh", "consider", "examine", "study", "mull", "negotiate", "explore"}
# Report verbs that also name a reaction: "replied that ..." reports, "responded to the proposal" does not.
REACTION_VERBS = {"respond", "reply", "react"}
# Verbs of fear: "fear a truce" opposes it, but "fear the truce would reward aggression" says
# what the clause says (the judging is in the clause, not in the fear).
FEAR_VERBS = {"fear", "worry", "dread"}
THREAT_VERBS = {"threaten", "warn", "punish", "penalise", "penalize"}
PENALTY_NOUNS = {"sanction", "tariff", "penalty", "consequence", "punishment", "retaliation", "measure"}
NO_COMMENT = {"comment", "elaborate", "speculate", "discuss", "say", "specify", "confirm", "detail"}  # "declined to ..."
VIEW_NOUNS = {"vision", "view", "version", "interpretation", "understanding", "picture", "reading"}
ASKING_VERBS = {"ask", "wonder", "question", "inquire", "enquire", "know", "check", "see"}  # "asked if ..."
IN_SPITE_PREPS = {"despite", "notwithstanding", "over", "after"}  # "despite X's objections, ..."
# Hedges lower confidence, never polarity.
HEDGES = {"could", "may", "might", "reportedly", "allegedly", "possibly", "perhaps", "likely", "apparently",
          "seemingly", "purportedly", "reported", "would", "probably"}

# Nouns for people or bodies that speak for a state or group: "Russian officials", "EU leaders".
ROLE_NOUNS = {
    "official", "leader", "government", "negotiator", "diplomat", "side", "administration", "authority",
    "delegation", "envoy", "partner", "ally", "country", "nation", "member", "representative", "lawmaker",
    "capital", "minister", "spokesman", "spokeswoman", "spokesperson", "president", "chancellor", "premier",
    "leadership", "parliament", "politician", "senator", "ambassador", "adviser", "advisor", "aide", "team",
    "camp", "counterpart", "military", "command", "state", "people", "public", "source", "power", "bloc",
    "chief", "head", "secretary", "mission", "ministry", "embassy", "office", "cabinet", "council",
    "presidency", "agency", "service", "delegate",
}
# Nouns for those who stand beside (or against) an actor, not for it: "Ukraine's allies".
RELATION_NOUNS = {"ally", "partner", "counterpart", "neighbour", "neighbor", "friend", "backer", "supporter",
                  "critic", "enemy", "adversary", "opponent", "rival"}
PERSON_ROLES = {"president", "chancellor", "minister", "premier", "spokesman", "spokeswoman", "spokesperson",
                "leader", "envoy", "ambassador", "adviser", "advisor", "aide", "senator", "secretary", "counterpart",
                "negotiator", "diplomat", "official"}
# Modifiers that name who stands behind a plan: "U.S.-backed proposals", "a Kremlin-drafted text".
BACKING = ("backed", "led", "brokered", "sponsored", "drafted")
# Nouns a pronoun-like definite description can refer back to: "these proposals", "the plan".
PLAN_NOUNS = {"plan", "proposal", "initiative", "framework", "approach", "blueprint", "deal", "demand",
              "offer", "draft", "document", "bill", "resolution", "agreement", "roadmap", "position", "terms",
              "memorandum"}
# Nouns of a written plan that refer back to any plan named before: "its memorandum ... the document requires".
DOCUMENT_NOUNS = {"document", "text", "draft", "paper", "memorandum"}
# Parts of a written plan, whose owner is the plan's: "the US plan ... Another provision blocks ...".
PART_NOUNS = {"provision", "clause", "point", "article", "section", "element", "paragraph", "part"}
# Nouns by which news refers back to a proposal named before: "a loan plan ... Belgium opposed the plan".
PROPOSAL_NOUNS = {"plan", "proposal", "initiative", "framework", "blueprint", "scheme", "offer", "draft",
                  "roadmap", "idea", "concept", "text", "package", "option", "measure", "mechanism", "loan",
                  "document", "article", "provision", "clause", "memorandum"}
# Generic names of an agreement: with no antecedent they name the document's main agreement.
AGREEMENT_NOUNS = {"deal", "agreement", "pact", "treaty", "accord", "settlement", "arrangement", "convention"}
# Verbs that put forward a plan they have for object, and nothing else: "Trump issued a plan"
# (but "issued a statement", "released prisoners" are no positions).
ISSUING_VERBS = {"issue", "publish", "release", "launch"}
# Verbs that put into effect what they have for object: "declared a truce", "announced a ceasefire".
DECLARING_VERBS = {"declare", "announce", "proclaim"}
# Verbs with which parties come to an agreement: "reached an agreement on a prisoner swap".
REACHING_VERBS = {"reach", "strike", "conclude", "clinch", "seal", "finalise", "finalize"}
PRONOUNS = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female",
            "they": "plural", "them": "plural", "their": "plural", "it": "neuter", "its": "neuter",
            "who": "relative", "which": "relative", "that": "relative", "whom": "relative", "whose": "relative"}
# Objects too vague to be a topic of their own: "backed the idea", "rejected it".
VAGUE_OBJECTS = {"idea", "thing", "way", "step", "move", "need", "time", "point", "issue", "matter", "question",
                 "role", "part", "effort", "lot", "one", "deal", "talk", "meeting", "call", "statement",
                 "position", "stance", "view", "approach", "decision", "result", "outcome", "situation", "fact",
                 "possibility", "option", "interest", "interests", "concern", "progress", "work", "process",
                 "support", "pressure", "attention", "importance", "responsibility", "action", "measure"}

# Verbs of two sides differing: "disagree over X" says no one's position on X ("disagree with X" does).
RECIPROCAL_VERBS = {"disagree", "differ", "clash", "split", "quarrel", "spar", "wrangle", "bicker", "feud", "argue"}
# Verbs of reaching a decision together: "failed to agree on X" decides nothing.
AGREEING_VERBS = {"agree", "reach", "decide", "settle", "approve", "adopt", "endorse", "back"}
# Prepositions of what something is about, not of what it is for or against.
ABOUT_PREPS = {"regarding", "concerning", "about", "re"}
# Where a copula puts what is ruled out: (preposition, last word of its phrase).
RULED_OUT_PLACES = {("out", ("question",)), ("off", ("table",)), ("off", ("agenda",))}
# Evaluations: "a good agreement", "called the text unacceptable", "the truce would be a trap".
# The holder of a position on X is who evaluates X (the speaker, or who calls X so).
POSITIVE_EVAL = {"good", "fair", "acceptable", "reasonable", "balanced", "positive", "constructive", "realistic",
                 "important", "necessary", "essential", "vital", "crucial", "key", "fundamental", "welcome",
                 "historic", "helpful", "useful", "viable", "sensible", "workable", "beneficial", "great", "right",
                 "serious", "credible", "promising", "basis", "foundation",
                 "just", "priority", "condition", "precondition", "necessity", "breakthrough", "success",
                 "solution", "must", "step", "progress", "opportunity", "chance", "basis", "foundation"}
NEGATIVE_EVAL = {"bad", "unacceptable", "unfair", "unrealistic", "dangerous", "flawed", "harmful", "unworkable",
                 "impossible", "absurd", "premature", "counterproductive", "irresponsible", "illegal", "unjust",
                 "wrong", "mistake", "disaster", "betrayal", "capitulation", "provocation", "trap", "threat",
                 "insult", "nonstarter", "non-starter", "nonsense", "failure", "ultimatum", "red", "impermissible",
                 "unthinkable", "pointless", "useless", "naive", "reckless", "terrible", "poor", "worst", "target",
                 "unconstructive", "destructive", "unhelpful", "unviable", "unbalanced", "biased", "one-sided"}
# Verbs that evaluate their object by a complement: "called the text unacceptable", "described it as a trap".
CALLING_VERBS = {"call", "describe", "consider", "deem", "label", "brand", "find", "view", "see", "regard",
                 "dub", "term", "characterize", "characterise", "judge", "qualify", "make"}
COPULAS = {"be", "become", "remain", "stay", "seem", "look", "sound", "appear", "prove", "constitute", "serve"}
# Plural descriptions that name the actors just mentioned: "both leaders", "the two sides".
GROUP_NOUNS = {"leader": "person", "president": "person", "side": "state", "country": "state", "nation": "state",
               "government": "state", "delegation": "state", "party": "state", "capital": "state"}
# Nouns for who holds a position: "opponents of the treaty", "a big proponent of the deal".
AGENT_NOUNS = {"proponent", "supporter", "advocate", "champion", "backer", "defender", "architect", "opponent",
               "critic", "sceptic", "skeptic", "foe", "detractor", "obstacle", "holdout", "holdouts"}
# Prepositions that list members: "countries like France", "critics in Lisbon", "opposition from Portugal".
MEMBER_PREPS = {"like", "including", "in", "among", "from"}
# What a topic does when it is the subject of an effect verb is judged by what it acts on: "a truce
# would prolong (+) the fighting (-)" is against the truce; "would end (-) the war (-)" for it.
BAD_THINGS = {"war", "fighting", "killing", "aggression", "conflict", "bloodshed", "violence", "attack", "invasion",
              "occupation", "suffering", "death", "escalation", "crisis", "instability", "hostility", "aggressor",
              "rearmament", "chaos", "division", "tension", "threat", "risk", "problem", "damage", "quo",
              "stalemate", "deadlock", "impasse"}
GOOD_THINGS = {"peace", "security", "stability", "sovereignty", "unity", "trust", "recovery", "prosperity",
               "growth", "confidence", "cooperation", "dialogue", "settlement", "solution", "progress"}
# Modals that make a clause a position rather than a report of fact: "will never join".
POSITION_MODALS = {"will", "wo", "would", "must", "should", "ought", "shall", "ca", "can", "cannot", "need", "not",
                   "n't", "never"}
# Verbs that fault their subject whatever they govern: "the plan lacks guarantees", "rewards aggression".
FAULT_VERBS = {"lack", "fail", "ignore", "neglect", "undermine", "harm", "damage", "hurt", "reward", "betray",
               "legitimize", "legitimise", "embolden", "endanger", "jeopardize", "jeopardise", "threaten",
               "destabilize", "destabilise", "wreck", "ruin", "sabotage"}
# Nouns for a group of actors, named by its members or referred back to: "a bloc (A, B, C)", "the bloc".
COLLECTIVE_NOUNS = {"bloc", "group", "coalition", "alliance", "country", "state", "nation", "party", "camp",
                    "member", "government", "producer", "exporter", "economy", "front", "axis", "club"}
