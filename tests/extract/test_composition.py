"""Mechanisms that carry the extractor to news it has never seen (issue 11), on sentences of our own.

Polarity as the product of effects along the path from the holder to the topic phrase, who
speaks for whom, and topics named by a definite description. Most cases use an invented debate
(tests/data/codebook-fictional.ttl) so that no rule can lean on the default codebook's words;
the rest use the default codebook.
"""
import pytest

pytestmark = pytest.mark.model

S, O = "support", "oppose"


def triples(stances):
    return {(s.actor_id, s.polarity.value, s.topic) for s in stances}


@pytest.fixture(scope="module")
def fictional():
    from pathlib import Path

    from stancegraph.codebook import load_codebook
    from stancegraph.extract.rules import RuleExtractor
    from stancegraph.types import Document

    ex = RuleExtractor(codebook=load_codebook(Path(__file__).parents[1] / "data" / "codebook-fictional.ttl"))
    return lambda text: ex.extract_one(Document(id="f", text=text))


FICTIONAL = {
    # polarity: a product of predicate effects
    "drop-demand-in-exchange": ("Ruritania is ready to drop its demand for EU membership in exchange for trade access.",
                                {("ruritania", O, "eu_membership"), ("ruritania", S, "trade_access")},
                                {("ruritania", S, "eu_membership")}),
    "demand-that-other-abandon": ("Ruritania demanded that Freedonia abandon its bid to join the customs union.",
                                  {("ruritania", O, "customs_union")}, {("freedonia", O, "customs_union")}),
    "demand-that-other-give-up": ("Ruritania demands that Freedonia give up its border districts.",
                                  {("ruritania", S, "border_concession")}, {("ruritania", O, "border_concession")}),
    "rejecting-a-demand-rejects-not-what-is-offered": ("In rejecting Ruritania's demand to lift the border checks in "
                                                       "exchange for a truce, Freedonia showed resolve.",
                                                       {("ruritania", S, "truce")}, {("freedonia", O, "truce")}),
    "rejected-an-offer-in-return-for": ("Freedonia rejected Ruritania's offer of a truce in return for market access.",
                                        {("freedonia", O, "truce"), ("ruritania", S, "truce")},
                                        {("freedonia", O, "trade_access")}),
    "forgo-if-guarantees": ("Weber offered to forgo EU membership if Freedonia grants market access.",
                            {("weber", O, "eu_membership"), ("weber", S, "trade_access")},
                            {("freedonia", S, "trade_access")}),
    "lift-suspension": ("Ruritania decided to lift its suspension of the truce.", {("ruritania", S, "truce")},
                        {("ruritania", O, "truce")}),
    "negated-neutral-verb": ("Weber said Freedonia does not use the truce to rearm.", set(),
                             {("weber", O, "truce"), ("weber", S, "truce")}),
    # judgements
    "agreement-on-a-negative-evaluation": ("Weber met Marek Novak in Lisbon. Both leaders agreed that a "
                                           "short truce would only prolong the fighting.",
                                           {("weber", O, "truce"), ("marek_novak", O, "truce")},
                                           {("weber", S, "truce")}),
    "truce-would-end-the-war": ("Weber said a truce would end the war.", {("weber", S, "truce")}, set()),
    "called-unacceptable": ("Freedonia called the trade treaty unacceptable.", {("freedonia", O, "trade_treaty")},
                            {("freedonia", S, "trade_treaty")}),
    "described-as-a-trap": ("Ruritania described the truce as a trap.", {("ruritania", O, "truce")}, set()),
    "would-be-a-key-condition": ("Weber said a withdrawal would be a key condition.", {("weber", S, "withdrawal")},
                                 set()),
    "lacks": ("Weber said the trade treaty lacks safeguards.", {("weber", O, "trade_treaty")}, set()),
    # conditions
    "not-until": ("Ruritania will not consider talks until Freedonia withdraws its troops.",
                  {("ruritania", S, "withdrawal")}, {("ruritania", O, "talks"), ("freedonia", S, "withdrawal")}),
    "only-after": ("Talks should begin only after a truce, Weber said.", {("weber", S, "truce")}, set()),
    "if-clause-subject-takes-no-position": ("Weber is open to talks if Freedonia accepts a truce.",
                                            {("weber", S, "talks"), ("weber", S, "truce")},
                                            {("freedonia", S, "truce")}),
    # holders
    "coordinated-agents-in-by-phrase": ("A pause in the fighting proposed by Ruritania and Freedonia was welcomed.",
                                        {("ruritania", S, "truce"), ("freedonia", S, "truce")}, set()),
    "institution-speaks-for-its-state": ("Freedonia's UN mission rejected the truce.", {("freedonia", O, "truce")},
                                         set()),
    "ministry-by-demonym": ("The Ruritanian foreign ministry welcomed the trade treaty.",
                            {("ruritania", S, "trade_treaty")}, set()),
    "spokesperson-for": ("A spokesperson for Freedonia said the truce must hold.", {("freedonia", S, "truce")}, set()),
    "countries-like": ("Countries like Ruritania and Freedonia backed the truce.",
                       {("ruritania", S, "truce"), ("freedonia", S, "truce")}, set()),
    "opponents-of": ("Ruritania and Freedonia are the most vocal opponents of the trade treaty.",
                     {("ruritania", O, "trade_treaty"), ("freedonia", O, "trade_treaty")}, set()),
    "proponent-of": ("Weber is a big proponent of the trade treaty.", {("weber", S, "trade_treaty")}, set()),
    "list-hung-in-apposition": ("Ruritania, Coastal League members, Freedonia and Weber reject that the trade treaty "
                                "can be approved.",
                                {("ruritania", O, "trade_treaty"), ("coastal_league", O, "trade_treaty"),
                                 ("freedonia", O, "trade_treaty"), ("weber", O, "trade_treaty")}, set()),
    "backed-by-sides-with": ("Ruritania, backed by Freedonia and the Coastal League, rejected the truce.",
                             {("ruritania", O, "truce"), ("freedonia", O, "truce"), ("coastal_league", O, "truce")},
                             set()),
    "along-with": ("Ruritania, along with Freedonia, rejected the truce.",
                   {("ruritania", O, "truce"), ("freedonia", O, "truce")}, set()),
    "they-after-a-listed-subject": ("Ruritania, joined by Freedonia, took the floor on Monday. They rejected the truce.",
                                    {("ruritania", O, "truce"), ("freedonia", O, "truce")}, set()),
    "delegates-from": ("Delegates from Ruritania, Freedonia and the Coastal League called for a truce.",
                       {("ruritania", S, "truce"), ("freedonia", S, "truce"), ("coastal_league", S, "truce")}, set()),
    "relative-clause-without-pronoun": ("The talks turned to a truce Freedonia had pitched.",
                                        {("freedonia", S, "truce")}, set()),
    "relative-clause-object-pronoun": ("The truce that Ruritania rejected was discussed.",
                                       {("ruritania", O, "truce")}, set()),
    "several-of": ("Several of the Coastal League members rejected the truce.", {("coastal_league", O, "truce")}, set()),
    "the-side-includes": ("The countries looking for a truce include Ruritania and Freedonia.",
                          {("ruritania", S, "truce"), ("freedonia", S, "truce")}, set()),
    "led-by": ("The Coastal League, led by Ruritania, rejected the truce.",
               {("coastal_league", O, "truce"), ("ruritania", O, "truce")}, set()),
    "the-leaders-are-the-subjects-before": ("Weber and Kowal chaired a meeting with the participation of Prime "
                                            "Minister Marek Novak. Delegates met after a call with Prime Minister "
                                            "Lena Holm. The leaders reaffirmed their support for the truce.",
                                            {("weber", S, "truce"), ("kowal", S, "truce")},
                                            {("marek_novak", S, "truce"), ("lena_holm", S, "truce")}),
    "asked-if-is-a-question": ("Ruritania asked if Freedonia would accept a truce.", set(),
                               {("ruritania", S, "truce"), ("freedonia", S, "truce")}),
    "a-vision-of-is-no-position": ("Each side will present its vision of a future truce, Weber said.", set(),
                                   {("weber", S, "truce")}),
    "leads-the-opposition": ("Ruritania leads the opposition to the trade treaty.", {("ruritania", O, "trade_treaty")},
                             set()),
    "main-obstacle": ("Ruritania remains the main obstacle to the trade treaty.", {("ruritania", O, "trade_treaty")},
                      set()),
    "opposition-from-a-list": ("The trade treaty faces resistance from Ruritania and Freedonia.",
                               {("ruritania", O, "trade_treaty"), ("freedonia", O, "trade_treaty")}, set()),
    "joined-in-opposing": ("Freedonia joined Ruritania in opposing the trade treaty.",
                           {("ruritania", O, "trade_treaty"), ("freedonia", O, "trade_treaty")}, set()),
    "among-the-countries": ("Ruritania is among the countries opposed to the trade treaty.",
                            {("ruritania", O, "trade_treaty")}, set()),
    "welcomed-by-but-criticised-by": ("The trade treaty was welcomed by Freedonia but criticised by Ruritania.",
                                      {("freedonia", S, "trade_treaty"), ("ruritania", O, "trade_treaty")},
                                      {("ruritania", S, "trade_treaty")}),
    "has-the-backing-of": ("The trade treaty has the backing of Freedonia.", {("freedonia", S, "trade_treaty")}, set()),
    "wants-to-kill": ("Ruritania wants to kill the trade treaty.", {("ruritania", O, "trade_treaty")},
                      {("ruritania", S, "trade_treaty")}),
    "made-clear": ("Ruritania's president has made clear he will not back the trade treaty.",
                   {("ruritania", O, "trade_treaty")}, set()),
    "for-x-it-is-a-trap": ("For Freedonia, the truce is a trap.", {("freedonia", O, "truce")}, set()),
    "for-x-it-is-a-priority": ("For Ruritania, the trade treaty is a priority.", {("ruritania", S, "trade_treaty")},
                               set()),
    "conclude": ("Freedonia hopes to conclude the trade treaty by December.", {("freedonia", S, "trade_treaty")}, set()),
    "concern-about": ("Freedonia expressed concern about the trade treaty.", {("freedonia", O, "trade_treaty")}, set()),
    "poured-cold-water-on": ("Freedonia poured cold water on the trade treaty.", {("freedonia", O, "trade_treaty")},
                             set()),
    "gave-the-green-light-to": ("Ruritania gave the green light to the trade treaty.",
                                {("ruritania", S, "trade_treaty")}, set()),
    "threw-her-weight-behind": ("Weber threw her weight behind the trade treaty.", {("weber", S, "trade_treaty")},
                                set()),
    "warmed-to": ("Ruritania has warmed to the trade treaty.", {("ruritania", S, "trade_treaty")}, set()),
    "came-out-against": ("Freedonia came out against the trade treaty.", {("freedonia", O, "trade_treaty")}, set()),
    "spoke-out-in-favour-of": ("Weber spoke out in favour of the trade treaty.", {("weber", S, "trade_treaty")},
                               {("weber", O, "trade_treaty")}),
    "dropped-its-opposition": ("Freedonia dropped its opposition to the trade treaty.",
                               {("freedonia", S, "trade_treaty")}, {("freedonia", O, "trade_treaty")}),
    "according-to": ("According to Weber, the trade treaty is a mistake.", {("weber", O, "trade_treaty")}, set()),
    "no-x-without-y": ("There can be no truce without a withdrawal, Weber said.", {("weber", S, "withdrawal")},
                       {("weber", O, "withdrawal"), ("weber", O, "truce")}),
    "seen-as-the-main-backer": ("Ruritania is seen as the main backer of the trade treaty.",
                                {("ruritania", S, "trade_treaty")}, set()),
    "declined-to-comment": ("Ruritania declined to comment on the trade treaty.", set(),
                            {("ruritania", O, "trade_treaty")}),
    "made-it-a-condition": ("Weber has made a withdrawal a key condition for peace.", {("weber", S, "withdrawal")},
                            set()),
    "views-as-targets": ("Ruritania views the trade treaty as a legitimate target.", {("ruritania", O, "trade_treaty")},
                         {("ruritania", S, "trade_treaty")}),
    "described-as-a-basis": ("Weber described the trade treaty as a basis for talks.", {("weber", S, "trade_treaty")},
                             set()),
    "dropped-its-objections-prep-on-the-verb": ("Freedonia dropped its objections to the trade treaty.",
                                                {("freedonia", S, "trade_treaty")}, {("freedonia", O, "trade_treaty")}),
    "challenged": ("Ruritania challenged the trade treaty.", {("ruritania", O, "trade_treaty")}, set()),
    "relative-clause-on-a-non-actor-noun": ("Weber criticised a clause in Coastal League talks that allows a truce.",
                                            {("weber", O, "truce")}, {("coastal_league", S, "truce")}),
    "would-entrench-the-status-quo": ("Weber said the trade treaty would entrench the status quo.",
                                      {("weber", O, "trade_treaty")}, {("weber", S, "trade_treaty")}),
    "devoid-of": ("Weber backed a text devoid of any truce.", {("weber", O, "truce")}, {("weber", S, "truce")}),
    "the-country": ("Freedonia met the envoys on Monday. The country has long opposed the trade treaty.",
                    {("freedonia", O, "trade_treaty")}, set()),
    "relative-clause-is-its-antecedents-own": ("Weber acknowledged that the latest text did not yet meet the ambitions "
                                               "of Ruritania, which had come to Lisbon to defend the trade treaty.",
                                               {("ruritania", S, "trade_treaty")}, {("ruritania", O, "trade_treaty")}),
    "refuses-to-back-down-on-its-demand": ("Ruritania refuses to back down on its demand for a withdrawal.",
                                           {("ruritania", S, "withdrawal")}, {("ruritania", O, "withdrawal")}),
    "cooled-on": ("Weber has cooled on the trade treaty.", {("weber", O, "trade_treaty")}, set()),
    "lukewarm-about": ("Freedonia is lukewarm about the trade treaty.", {("freedonia", O, "trade_treaty")}, set()),
    "thrown-its-support-behind": ("Ruritania has thrown its support behind the truce.", {("ruritania", S, "truce")},
                                  set()),
    "holder-not-inside-topic": ("Analysts discussed the frozen assets of Ruritania.", set(),
                                {("ruritania", S, "frozen_assets")}),
    # a report says a position only when something on the way does
    "neutral-report": ('"There are many clauses in the trade treaty," Weber said.', set(),
                       {("weber", S, "trade_treaty")}),
    "rather-than": ("Weber said the talks should focus on market access rather than a truce.",
                    {("weber", S, "trade_access"), ("weber", O, "truce")}, {("weber", S, "truce")}),
    "fight-back-against": ("Ruritania will fight back against any truce.", {("ruritania", O, "truce")},
                           {("ruritania", S, "truce")}),
    "inability": ("Freedonia stated its inability to support the trade treaty.", {("freedonia", O, "trade_treaty")},
                  set()),
    "newspaper-reports-no-position": ("The talks ended without a truce on Monday, writes the Coastal Herald.", set(),
                                      {("coastal_herald", O, "truce")}),
    "speaker-keeps-the-other-side": ("Weber met Freedonia's envoy. Weber said the two sides had agreed to a truce.",
                                     {("weber", S, "truce")}, {("ruritania", S, "truce")}),
    "name-cut-by-an-alias": ("The Council of Ruritania and Freedonia backed the truce.",
                             {("council_of_ruritania", S, "truce"), ("freedonia", S, "truce")},
                             {("ruritania", S, "truce")}),
    "place-is-no-topic": ("The trade agreement was signed. Weber said her proposals were not reflected in the deal.",
                          set(), {("weber", O, "trade_treaty"), ("weber", S, "trade_treaty")}),
    "generic-appositive-rejected-by": ("Ruritania proposed a truce, a proposal swiftly rejected by Freedonia.",
                                       {("ruritania", S, "truce"), ("freedonia", O, "truce")}, set()),
    "short-name-after-full-name": ("Prime Minister Marek Novak spoke on Monday. Novak rejected the trade treaty.",
                                   {("marek_novak", O, "trade_treaty")}, {("novak", O, "trade_treaty")}),
    "speaker-voices-own-sides-position": ("Weber reiterated Ruritania's opposition to the trade treaty.",
                                          {("weber", O, "trade_treaty")}, {("ruritania", O, "trade_treaty")}),
    "anti-coalition-members": ("An anti-truce coalition that already includes Ruritania and Freedonia met on Monday.",
                               {("ruritania", O, "truce"), ("freedonia", O, "truce")}, {("ruritania", S, "truce")}),
    "pro-camp-leader": ("Weber leads the pro-truce camp.", {("weber", S, "truce")}, set()),
    "critics-in": ("The trade treaty faces critics in Ruritania and Freedonia.",
                   {("ruritania", O, "trade_treaty"), ("freedonia", O, "trade_treaty")}, set()),
    "faces-opposition-from": ("The trade treaty faces opposition from Freedonia.", {("freedonia", O, "trade_treaty")},
                              set()),
    "expects-ratification": ("Weber expects the trade treaty to be ratified soon.", {("weber", S, "trade_treaty")},
                             set()),
    "bloc-members-in-brackets": ("A bloc of countries (Ruritania, Freedonia, etc.) opposed to any truce met.",
                                 {("ruritania", O, "truce"), ("freedonia", O, "truce")}, set()),
    "such-as-which": ("Parties such as Ruritania and Freedonia, which advocate for a truce, met.",
                      {("ruritania", S, "truce"), ("freedonia", S, "truce")}, set()),
    "the-bloc-named-before": ("The Coastal League met on Monday. The bloc has consistently opposed any truce.",
                              {("coastal_league", O, "truce")}, set()),
    "qualified-as": ("Freedonia qualified the trade treaty as unacceptable.", {("freedonia", O, "trade_treaty")},
                     {("freedonia", S, "trade_treaty")}),
    "cause-is-no-object": ("Weber said Ruritania has lost billions due to the trade treaty.", set(),
                           {("weber", O, "trade_treaty"), ("weber", S, "trade_treaty")}),
    "threat-if-not-wants-it": ("Weber called for new tariffs if Freedonia does not agree to a truce.",
                               {("weber", S, "truce")}, {("weber", O, "truce")}),
    "negated-condition-says-nothing": ("Weber offered market access if Freedonia does not join the customs union.",
                                       {("weber", S, "trade_access")},
                                       {("weber", O, "customs_union"), ("weber", S, "customs_union")}),
    "will-not-tolerate": ("Ruritania will not tolerate a truce.", {("ruritania", O, "truce")}, set()),
    "this-proposal-is-what-was-suggested": ("Freedonia suggested a truce on Monday. Ruritania rejected this proposal.",
                                            {("freedonia", S, "truce"), ("ruritania", O, "truce")}, set()),
    # a meeting of the parties a codebook names (sg:meetingOf)
    "ready-to-meet": ("Weber said she is ready to meet Kowal in Lisbon.", {("weber", S, "summit")}, set()),
    "urged-to-meet": ("Ruritania urged Kowal to meet Weber.", {("ruritania", S, "summit")}, set()),
    "summit-with": ("Kowal wants a summit with Weber.", {("kowal", S, "summit")}, set()),
    "rejected-a-meeting-with": ("Weber rejected a meeting with Kowal.", {("weber", O, "summit")}, set()),
    "meeting-of-others": ("Weber is ready to meet the Coastal League's envoy.", set(), {("weber", S, "summit")}),
    "not-met-is-a-fact": ("Weber and Kowal have not met since May.", set(),
                          {("weber", O, "summit"), ("kowal", O, "summit")}),
    "own-side-states-then-speaker-said": ('"Ruritania would like to state its opposition to the trade treaty," '
                                          'Weber said.', {("weber", O, "trade_treaty")},
                                          {("ruritania", O, "trade_treaty")}),
    # the speaker outside the sentence
    "quote-speaker-after-last-sentence": ('"The trade treaty must now apply. No more delays," Weber said.',
                                          {("weber", S, "trade_treaty")}, set()),
    "chimed-in-colon": ('Weber chimed in: "We will never sign the trade treaty."', {("weber", O, "trade_treaty")},
                        set()),
    "quoted-paragraph-then-said": ('"We reject the truce. It only rewards aggression."\nWeber said so on Monday.',
                                   {("weber", O, "truce")}, set()),
    "appositive-speaker": ('"We want a truce now," Weber, the envoy of Ruritania, told reporters.', {("weber", S, "truce")},
                           set()),
    "summary-noun-after-comma": ("The draft asks Freedonia to give up its border districts, terms flatly rejected "
                                 "by Freedonia.", {("freedonia", O, "border_concession")},
                                 {("freedonia", S, "border_concession")}),
    "summary-noun-after-dash": ("The draft required Freedonia to cede border districts and accept a truce—conditions "
                                "firmly rejected by Ruritania.", {("ruritania", O, "border_concession"),
                                                                  ("ruritania", O, "truce")}, set()),
    "title-case-headline": ("Ruritania Rejects Trade Treaty, Calls For New Talks\n\nThe talks are to resume soon.",
                            {("ruritania", O, "trade_treaty"), ("ruritania", S, "talks")}, set()),
    "the-leaders-said-before-with-their-side": ("Ruritanian leaders met in Lisbon on Monday. The Ruritanian leaders "
                                                "said the war must end. A spokesman said later that the leaders backed "
                                                "a truce.", {("ruritania", S, "truce")}, set()),
    "the-countries-are-not-everyone-named-before": ("Twenty allies of Freedonia pledged troops for the war with "
                                                    "Ruritania. The countries also backed a truce.", set(),
                                                    {("freedonia", S, "truce"), ("ruritania", S, "truce")}),
    "the-leaders-are-not-one-leader": ("Kowal met Weber in Lisbon. The Freedonian leader spoke first. Later the "
                                       "leaders backed a truce.", set(), {("kowal", S, "truce")}),
    "surname-the-tagger-missed": ("Ruritanian Prime Minister Ödön Báthory spoke on Monday. Báthory asserted "
                                  "that the council should accept a truce.", {("odon_bathory", S, "truce")}, set()),
    "threatened-to-quit": ("Ruritania has threatened to quit the talks.", {("ruritania", O, "talks")},
                           {("ruritania", S, "talks")}),
    "a-question-takes-no-position": ("Ruritania vs. Freedonia: Will Ruritania accept the truce?", set(),
                                     {("ruritania", S, "truce")}),
    "a-why-question-presupposes-it": ("Why does Kowal oppose the truce?", {("kowal", O, "truce")}, set()),
    "a-news-agency-reports-holds-nothing": ("(Reuters) - Ruritanian negotiators demanded that Freedonia accept a truce, "
                                            "Reuters reported.", {("ruritania", S, "truce")}, {("reuters", S, "truce")}),
    "summary-noun-sums-up-the-phrase-before-it": ("Critics fear the trade treaty could push Freedonia toward accepting "
                                                  "a truce — a move Ruritania has firmly rejected.",
                                                  {("ruritania", O, "truce")}, {("ruritania", O, "trade_treaty")}),
    "summary-noun-hung-on-an-actor": ("The debate is centered on a controversial truce envisioned by Anna Weber, a "
                                      "concept that has been explicitly rejected by Kowal.",
                                      {("kowal", O, "truce"), ("weber", S, "truce")}, set()),
    "what-is-done-to-an-actor-is-no-position": ("Kowal, who has been excluded from the talks, rejected the truce.",
                                                {("kowal", O, "truce")}, {("kowal", O, "talks"), ("kowal", S, "talks")}),
    "draw-up": ("Ruritania and Freedonia will draw up a trade treaty.",
                {("ruritania", S, "trade_treaty"), ("freedonia", S, "trade_treaty")}, set()),
    "devise": ("Weber will devise a truce for the border.", {("weber", S, "truce")}, set()),
    "these-conditions-are-what-was-asked-before": ("Ruritania's draft called for Freedonia to give up its border "
                                                   "districts and to halt the truce. Freedonia flatly rejected these "
                                                   "conditions.", {("freedonia", O, "border_concession"),
                                                                   ("freedonia", S, "truce")},
                                                   {("freedonia", S, "border_concession")}),
    "on-behalf-of": ("Statements issued on behalf of Ruritania and Freedonia rejected the truce.",
                     {("ruritania", O, "truce"), ("freedonia", O, "truce")}, set()),
    "a-dateline-holds-nothing": ("Lisbon, 24 July 2025 (dpa) - Ruritania and Freedonia have agreed on a truce.",
                                 {("ruritania", S, "truce"), ("freedonia", S, "truce")}, {("lisbon", S, "truce")}),
    "a-coordinated-clause-is-not-the-first-ones": ("Ruritania has shown flexibility in the talks, but giving up its "
                                                   "border districts would be a severe challenge for Weber.", set(),
                                                   {("ruritania", S, "border_concession")}),
    "under-a-plan": ("Under Ruritania's plan, Freedonia would give up its border districts.",
                     {("ruritania", S, "border_concession")}, {("freedonia", S, "border_concession")}),
    "as-outlined-in-a-draft": ("As outlined in Ruritania's draft, Freedonia should accept a truce.",
                               {("ruritania", S, "truce")}, {("freedonia", S, "truce")}),
    "declares-what-it-will-not-do-to-it": ("Freedonia will never drop the trade treaty.",
                                           {("freedonia", S, "trade_treaty")}, {("freedonia", O, "trade_treaty")}),
    "a-bare-response-answers-the-sentence-before": ("Weber proposed a truce on Monday. Ruritania agreed, but Freedonia "
                                                    "refused.", {("weber", S, "truce"), ("ruritania", S, "truce"),
                                                                 ("freedonia", O, "truce")},
                                                    {("freedonia", S, "truce")}),
    "claims-a-thing": ("Ruritania claims market access for its ports.", {("ruritania", S, "trade_access")}, set()),
    "claims-that-reports": ("Ruritania claimed that Freedonia rejected the truce.", {("freedonia", O, "truce")},
                            {("ruritania", S, "truce")}),
    "called-it-unconstructive": ("Ruritania called the trade treaty unconstructive.",
                                 {("ruritania", O, "trade_treaty")}, {("ruritania", S, "trade_treaty")}),
    "such-measures-two-sentences-on": ("Weber proposed a truce on Monday. But the idea faces resistance in several "
                                       "capitals. Statements issued on behalf of Ruritania made it clear that it would "
                                       "not accept such measures.", {("ruritania", O, "truce")},
                                       {("ruritania", S, "truce")}),
    "will-not-work-without": ("Weber said a truce will not work without market access.",
                              {("weber", S, "trade_access")}, {("weber", O, "truce")}),
    "summary-noun-after-dash-but": ("But the draft has drawn fierce criticism for asking Freedonia to cede border "
                                    "districts and accept a truce—terms flatly rejected by Ruritania.",
                                    {("ruritania", O, "border_concession"), ("ruritania", O, "truce")}, set()),
    "summary-noun-of-coordinated-objects": ("Ruritania accepted the truce and the talks, terms welcomed by Freedonia.",
                                            {("freedonia", S, "truce"), ("freedonia", S, "talks")}, set()),
    "list-subject-hung-on-the-opening-phrase": ("Despite Freedonia's objections, Ruritania, Kowal and the coastal "
                                                "states backed the trade treaty.",
                                                {("freedonia", O, "trade_treaty"), ("ruritania", S, "trade_treaty"),
                                                 ("kowal", S, "trade_treaty")}, set()),
    # an objection to what the main clause does
    "despite-objections": ("Despite Freedonia's objections, the council pressed ahead with the trade treaty.",
                           {("freedonia", O, "trade_treaty")}, {("freedonia", S, "trade_treaty")}),
    "after-protests-from": ("After protests from Ruritania, the ministers shelved the use of frozen assets.",
                            {("ruritania", O, "frozen_assets")}, set()),
    "objection-with-its-own-object": ("Despite Weber's objections to the talks, the council signed the trade treaty.",
                                      set(), {("weber", O, "trade_treaty")}),
    "title-case-topic": ("Ruritania rejects the Coastal Trade Treaty.", {("ruritania", O, "trade_treaty")}, set()),
    # topics named by a definite description
    "the-plan-across-sentences": ("Ruritania proposed a loan plan backed by frozen assets. Freedonia opposed the plan.",
                                  {("freedonia", O, "frozen_assets")}, set()),
    "this-proposal": ("Ruritania put forward a truce proposal on Monday. Freedonia welcomed this proposal.",
                      {("freedonia", S, "truce")}, set()),
    "those-assets": ("The frozen assets are held in Freedonia. Ruritania wants to seize those assets.",
                     {("ruritania", S, "frozen_assets")}, set()),
    "the-deal-as-subject-of-another-topic": ("The trade agreement was signed in May. Weber said the deal should "
                                             "focus on market access rather than a truce.",
                                             {("weber", S, "trade_access"), ("weber", O, "truce")},
                                             {("weber", S, "trade_treaty")}),
    "a-deal-is-the-main-agreement": ("The trade agreement talks stalled in May. Ruritania voiced disappointment at "
                                     "leaving without a deal.", {("ruritania", S, "trade_treaty")},
                                     {("ruritania", O, "trade_treaty")}),
    "a-binding-agreement-is-the-main-one": ("The trade agreement talks stalled. Weber said Ruritania would push for "
                                            "a stronger, legally binding agreement.",
                                            {("weber", S, "trade_treaty")}, set()),
    "this-article-struck-from": ("The draft has an article on the truce. Ruritania wants to strike this article "
                                 "from the draft.", {("ruritania", O, "truce")}, {("ruritania", S, "truce")}),
    "the-deal-is-the-main-agreement": ("The trade agreement was signed in May. Weber said the deal was a mistake.",
                                       {("weber", O, "trade_treaty")}, set()),
    # a quantity that denies the position noun it counts
    "little-interest": ("Ruritania has shown little interest in a truce.", {("ruritania", O, "truce")},
                        {("ruritania", S, "truce")}),
    "scant-enthusiasm-hung-on-the-verb": ("Freedonia showed scant enthusiasm for the trade treaty.",
                                          {("freedonia", O, "trade_treaty")}, {("freedonia", S, "trade_treaty")}),
    "a-little-is-some": ("Ruritania has a little interest in the talks.", set(), {("ruritania", O, "talks")}),
    "little-progress-is-no-position": ("Weber said there had been little progress towards a truce.", set(),
                                       {("weber", O, "truce")}),
    # fearing what a thing would do: the clause judges the thing, the fear does not judge it again
    "fear-that-it-rewards": ("Freedonia fears that the trade treaty would reward aggression.",
                             {("freedonia", O, "trade_treaty")}, {("freedonia", S, "trade_treaty")}),
    "fear-the-thing": ("Freedonia fears the trade treaty.", {("freedonia", O, "trade_treaty")},
                       {("freedonia", S, "trade_treaty")}),
    "drew-criticism-from-hung-on-the-verb": ("The trade treaty drew sharp criticism from Freedonia.",
                                             {("freedonia", O, "trade_treaty")}, {("freedonia", S, "trade_treaty")}),
    # what a copula rules out, and for whom
    "out-of-the-question": ("For Ruritania, a truce is out of the question.", {("ruritania", O, "truce")},
                            {("ruritania", S, "truce")}),
    "off-the-table": ("The trade treaty is off the table, Weber said.", {("weber", O, "trade_treaty")},
                      {("weber", S, "trade_treaty")}),
    "a-red-line-for": ("A truce is a red line for Freedonia.", {("freedonia", O, "truce")}, {("freedonia", S, "truce")}),
    "subject-hung-on-the-auxiliary": ("Ruritania and Freedonia are leading efforts to conclude the trade treaty.",
                                      {("ruritania", S, "trade_treaty"), ("freedonia", S, "trade_treaty")}, set()),
    # a negation that says nothing of the topic
    "no-answer-regarding": ("Weber said Ruritania has not received an answer from Freedonia regarding its proposals "
                            "for a truce.", set(), {("weber", O, "truce")}),
    "not-received-is-a-fact": ("Weber said Ruritania has not received market access.", set(),
                               {("weber", O, "trade_access")}),
    "will-not-get-is-a-position": ("Weber said Freedonia will not get market access.", {("weber", O, "trade_access")},
                                   set()),
    # two sides differing, or failing to decide, say no one's position
    "disagree-over": ("Ruritania and Freedonia disagree over the terms of the trade treaty.", set(),
                      {("ruritania", O, "trade_treaty"), ("freedonia", O, "trade_treaty")}),
    "disagree-with-is-a-position": ("Weber disagreed with the trade treaty.", {("weber", O, "trade_treaty")}, set()),
    "failed-to-agree-on": ("Ruritania and Freedonia failed to agree on a truce.", set(),
                           {("ruritania", S, "truce"), ("freedonia", S, "truce")}),
    # "the proposal" refers to what was on the table
    "the-proposal-discussed-before": ("Ruritania and Freedonia discussed a truce on Monday. Weber rejected the proposal.",
                                      {("weber", O, "truce")}, set()),
    "the-plan-is-not-what-was-wanted": ("Freedonia wants a truce. Ruritania rejected the plan.",
                                        {("freedonia", S, "truce")}, {("ruritania", O, "truce")}),
    # one negation, counted once: on the adjective, not again at its copula
    "said-not-ready": ("Weber said Ruritania was not ready to accept a truce.", {("weber", O, "truce")},
                       {("weber", S, "truce")}),
    "pushed-back-against": ("Freedonia pushed back against calls for a truce.", {("freedonia", O, "truce")},
                            {("freedonia", S, "truce")}),
    # a relative clause whose gap is its verb's object, with a purpose after it
    "the-access-it-is-seeking-to": ("Weber discussed the market access Ruritania is seeking to revive its ports.",
                                    {("ruritania", S, "trade_access")}, set()),
    "prohibit-flips": ("Weber said any deal must prohibit Freedonia's membership in the EU.",
                       {("weber", O, "eu_membership")}, {("weber", S, "eu_membership")}),
    "as-part-of-is-a-frame": ("Ruritania insists that Freedonia must cede border districts as part of any trade "
                              "treaty.", {("ruritania", S, "border_concession")},
                              {("ruritania", O, "trade_treaty"), ("ruritania", S, "trade_treaty")}),
    "with-x-demanding-under-a-question": ("Ruritania and Freedonia disagree over whether talks should come first, "
                                          "with Freedonia demanding an immediate truce.",
                                          {("freedonia", S, "truce")}, set()),
    "a-condition-for-is-conditioned": ("Ruritania insists on market access as a condition for any truce.",
                                       {("ruritania", S, "trade_access")}, {("ruritania", S, "truce")}),
    "received-a-proposal": ("Weber said Ruritania had received the proposal for a truce and was studying it.", set(),
                            {("weber", S, "truce"), ("ruritania", S, "truce")}),
    "a-clause-judged-as-subject": ("Ceding border districts would be a mistake, Weber said.",
                                   {("weber", O, "border_concession")}, {("weber", S, "border_concession")}),
    # the source of a quotation named in the sentence after it
    "the-warning-came-from": ('"We will never sign the trade treaty." The warning came from Weber on Tuesday.',
                              {("weber", O, "trade_treaty")}, set()),
    "made-the-remarks": ('"We will never sign the trade treaty." Weber made the remarks in Lisbon.',
                         {("weber", O, "trade_treaty")}, set()),
    # a denied proposition is nobody's position
    "denied-that": ("Weber denied that Ruritania had agreed to a truce.", set(),
                    {("ruritania", S, "truce"), ("weber", S, "truce")}),
    "denied-reports-that": ("Freedonia denied reports that Kowal had accepted the trade treaty.", set(),
                            {("kowal", S, "trade_treaty")}),
    "rejected-suggestions-that-was": ("Weber rejected suggestions that Ruritania was blocking the trade treaty.", set(),
                                      {("ruritania", O, "trade_treaty")}),
    "denied-a-request-is-a-refusal": ("Weber denied the request for a truce.", {("weber", O, "truce")}, set()),
    "but-will-never-shares-the-subject": ("Freedonia is ready to talk but will never cede border districts.",
                                          {("freedonia", O, "border_concession")}, set()),
    "neither-nor-denies": ("Neither Ruritania nor Freedonia has endorsed the trade treaty.",
                           {("ruritania", O, "trade_treaty"), ("freedonia", O, "trade_treaty")},
                           {("ruritania", S, "trade_treaty"), ("freedonia", S, "trade_treaty")}),
    "from-a-and-from-b": ("The trade treaty faces opposition from Ruritania and from Freedonia.",
                          {("ruritania", O, "trade_treaty"), ("freedonia", O, "trade_treaty")}, set()),
    "terms-listed-after-a-colon": ("Ruritania set out its terms: market access, a truce and no talks.",
                                   {("ruritania", S, "trade_access"), ("ruritania", S, "truce"), ("ruritania", O, "talks")},
                                   {("ruritania", O, "truce")}),
    # "not" sets an item apart from the one before it
    "a-but-not-b": ("Ruritania supports a truce but not talks.", {("ruritania", S, "truce"), ("ruritania", O, "talks")},
                    {("ruritania", S, "talks")}),
    "a-comma-not-b": ("Ruritania wants a truce, not talks.", {("ruritania", S, "truce"), ("ruritania", O, "talks")},
                      {("ruritania", O, "truce"), ("ruritania", S, "talks")}),
    # a noun of position as the subject of a copula
    "priority-is": ("Ruritania's priority is a truce.", {("ruritania", S, "truce")}, set()),
    "main-demand-is": ("Freedonia's main demand is market access.", {("freedonia", S, "trade_access")}, set()),
    "cautioned-that-it-would-destabilise": ("Weber cautioned that a truce would destabilise the region.",
                                            {("weber", O, "truce")}, {("weber", S, "truce")}),
    "a-subject-relative-with-a-report-is-no-backing": ("Weber made it clear that Ruritania would never accept the "
                                                       "trade treaty, which she said posed a direct threat to its ports.",
                                                       {("weber", O, "trade_treaty")}, {("weber", S, "trade_treaty")}),
    # a place as the holder of a noun of position
    "appetite-in-a-place": ("There is little appetite in Ruritania for a truce.", {("ruritania", O, "truce")},
                            {("ruritania", S, "truce")}),
    "opposition-in-a-place": ("Opposition in Freedonia to the trade treaty is growing.",
                              {("freedonia", O, "trade_treaty")}, set()),
    "a-non-starter-split-by-the-tokenizer": ("Weber called the trade treaty a non-starter.",
                                             {("weber", O, "trade_treaty")}, {("weber", S, "trade_treaty")}),
    # "it" as the object of a verb of position: the proposal named last
    "rejected-it": ("Freedonia proposed a trade treaty. Weber rejected it.", {("weber", O, "trade_treaty")}, set()),
    "it-is-no-topic-when-the-last-is-no-proposal": ("Freedonia wants a truce. Weber rejected it.", set(),
                                                    {("weber", O, "truce")}),
    "the-latter": ("Weber and Kowal met in Lisbon. The latter rejected the trade treaty.",
                   {("kowal", O, "trade_treaty")}, {("weber", O, "trade_treaty")}),
    "the-former": ("Weber and Kowal met in Lisbon. The former rejected the trade treaty.",
                   {("weber", O, "trade_treaty")}, {("kowal", O, "trade_treaty")}),
    # reactions and questions are no positions
    "asked-about": ("Asked about the trade treaty, Weber said Ruritania was studying it.", set(),
                    {("weber", S, "trade_treaty")}),
    "responded-to-a-proposal": ("Freedonia has yet to respond to the truce proposal.", set(),
                                {("freedonia", S, "truce")}),
    "replied-that": ("Weber replied that Ruritania would never sign the trade treaty.",
                     {("weber", O, "trade_treaty")}, set()),
    # phrasal verbs of retreat undo what they govern
    "backed-away-from-a-demand": ("Freedonia backed away from its demand for a truce.", {("freedonia", O, "truce")},
                                  {("freedonia", S, "truce")}),
    "stepped-back-from-a-bid": ("Ruritania has stepped back from its bid for membership in the EU.",
                                {("ruritania", O, "eu_membership")}, {("ruritania", S, "eu_membership")}),
    # a label of a verb and its object in the passive, and "no" on that object
    "label-in-the-passive": ("Weber said the border districts should be handed over.",
                             {("weber", S, "border_concession")}, set()),
    "label-in-the-passive-negated": ("Weber said the border districts will not be ceded.",
                                     {("weber", O, "border_concession")}, {("weber", S, "border_concession")}),
    "no-on-the-object-of-a-label-verb": ("Freedonia says it will cede no border districts.",
                                         {("freedonia", O, "border_concession")},
                                         {("freedonia", S, "border_concession")}),
    "no-on-the-passive-subject": ("Weber said no border districts can be given up.",
                                  {("weber", O, "border_concession")}, {("weber", S, "border_concession")}),
    "raised-concerns-about": ("Freedonia has raised concerns about a truce without market access.",
                              {("freedonia", O, "truce"), ("freedonia", S, "trade_access")}, set()),
    "could-serve-as-a-basis": ("Weber said the trade treaty could serve as a basis for a settlement.",
                               {("weber", S, "trade_treaty")}, set()),
    "satisfied-with-another-sides-position": ("Freedonia said it is satisfied with Ruritania's position ruling out a "
                                              "truce.", {("freedonia", O, "truce"), ("ruritania", O, "truce")},
                                              {("freedonia", S, "truce")}),
    "a-trailing-speaker-hung-under-the-main-clause": ("Ruritania and Freedonia have agreed on a truce during their "
                                                      "talks in Lisbon, with each side to pull back its troops, "
                                                      "Ruritanian negotiator Jan Novak told journalists.",
                                                      {("jan_novak", S, "truce")}, set()),
    "a-clause-of-its-own-after-while": ("Freedonia backs a truce, while Weber said Ruritania would never accept the "
                                        "trade treaty.", {("freedonia", S, "truce")}, {("weber", S, "truce")}),
    "a-judgement-inside-a-quotation-without-a-cue": ('"We have heard from many capitals that a truce is out of the '
                                                     'question. This satisfies us," Weber said.',
                                                     {("weber", O, "truce")}, {("weber", S, "truce")}),
    "an-unknown-speaker-voicing-a-side": ("Novak reiterated Freedonia's opposition to the trade treaty.",
                                          {("freedonia", O, "trade_treaty"), ("novak", O, "trade_treaty")}, set()),
    "the-document-refers-back-to-the-proposal": ("Ruritania tabled its proposal on Monday. The document requires "
                                                 "Freedonia to cede the border districts.",
                                                 {("ruritania", S, "border_concession")},
                                                 {("freedonia", S, "border_concession")}),
    "under-a-memorandum": ("Under Ruritania's memorandum, Freedonia would give up its border districts.",
                           {("ruritania", S, "border_concession")}, {("freedonia", S, "border_concession")}),
    "a-hyphen-joined-pair-of-owners": ("Weber rejected the Ruritanian-Freedonian proposal for a truce.",
                                       {("ruritania", S, "truce"), ("freedonia", S, "truce"), ("weber", O, "truce")},
                                       set()),
    "a-hyphen-inside-a-label": ("Freedonia opposes the frozen-assets plan.", {("freedonia", O, "frozen_assets")}, set()),
    "shelved": ("Ruritania shelved the trade treaty.", {("ruritania", O, "trade_treaty")},
                {("ruritania", S, "trade_treaty")}),
    "could-live-with-but-not-with": ("Weber hinted that Ruritania could live with a truce, but not with the trade "
                                     "treaty.", {("weber", S, "truce"), ("weber", O, "trade_treaty")},
                                     {("weber", S, "trade_treaty")}),
    "cannot-imagine-x-without-y": ("Weber said she could not imagine a lasting peace without market access.",
                                   {("weber", S, "trade_access")}, {("weber", O, "trade_access")}),
    "will-not-accept-x-without-y": ("Freedonia will not accept a truce without market access.",
                                    {("freedonia", S, "trade_access"), ("freedonia", O, "truce")}, set()),
    "chimed-in-that": ("Novak backed a truce, and Weber chimed in that Ruritania was ready to sign the trade treaty.",
                       {("weber", S, "trade_treaty"), ("novak", S, "truce")}, set()),
    "no-one-is-arguing-against": ("No one in Lisbon is arguing against a truce, Weber said.", {("weber", S, "truce")},
                                  {("weber", O, "truce")}),
    "opposition-led-by": ("Opposition to the trade treaty, led by Freedonia, grew.",
                          {("freedonia", O, "trade_treaty")}, set()),
    "a-push-spearheaded-by": ("A push for a truce spearheaded by Ruritania and Freedonia stalled.",
                              {("ruritania", S, "truce"), ("freedonia", S, "truce")}, set()),
    "ordered-by": ("A truce ordered by Weber began on Saturday.", {("weber", S, "truce")}, set()),
    "stayed-an-opponent": ("Freedonia stayed a firm opponent of the trade treaty.", {("freedonia", O, "trade_treaty")},
                           {("freedonia", S, "trade_treaty")}),
    "constitute-a-trap": ("Weber says any truce would constitute a trap.", {("weber", O, "truce")},
                          {("weber", S, "truce")}),
    "a-dash-glued-to-a-name": ("LISBON (Reuters) -Ruritanian negotiators demanded a truce, an official said.",
                               {("ruritania", S, "truce")}, set()),
    "emerged-as-a-backer": ("Freedonia has emerged as the strongest backer of the trade treaty.",
                            {("freedonia", S, "trade_treaty")}, set()),
    "demands-come-down-to-points": ("Ruritania's conditions come down to three points: a truce, market access and "
                                    "the withdrawal of troops.", {("ruritania", S, "truce"),
                                                                  ("ruritania", S, "trade_access"),
                                                                  ("ruritania", S, "withdrawal")}, set()),
    # states named by the region they share are an actor of their own
    "a-regional-group": ("The Nordic countries and the Baltic states support the trade treaty.",
                         {("nordic_countries", S, "trade_treaty"), ("baltic_states", S, "trade_treaty")}, set()),
    "a-regional-group-in-a-list": ("Ruritania, Freedonia and the Baltic states reject a truce.",
                                   {("ruritania", O, "truce"), ("baltic_states", O, "truce")}, set()),
    "some-of-a-regional-group-is-not-the-group": ("Several Nordic countries support the trade treaty.", set(),
                                                  {("nordic_countries", S, "trade_treaty")}),
    "a-participle-alone-is-no-passive": ("Freedonia proposed a truce monitored by observers.",
                                         {("freedonia", S, "truce")}, set()),
    # a pronoun in a participle phrase is whoever does the participle: the main clause's subject
    "its-in-a-participle-phrase": ("Ruritania wants Freedonia to open its ports, reiterating its support for a truce.",
                                   {("ruritania", S, "truce")}, {("freedonia", S, "truce")}),
    # a second demand the parser hung on the first one's noun ("its bid to join X and accept Y")
    "second-demand-hung-on-a-bid": ("Ruritania demanded that Freedonia renounce its bid to join the EU and accept "
                                    "market access.", {("ruritania", O, "eu_membership"), ("ruritania", S, "trade_access")},
                                    {("ruritania", O, "trade_access")}),
    "second-demand-hung-on-a-plan": ("Weber urged Kowal to drop his plan to join the customs union and accept a truce.",
                                     {("weber", O, "customs_union"), ("weber", S, "truce")}, {("weber", O, "truce")}),
    # a clause on the phrase holds its position whatever the sentence does with the phrase
    "proposed-by-inside-a-question": ("Weber asked whether Freedonia would accept a truce proposed by Ruritania.",
                                      {("ruritania", S, "truce")}, set()),
    "mentioned-by-is-no-proposal": ("Kowal, asked if he knew of the truce mentioned by Weber, said no.", set(),
                                    {("weber", S, "truce")}),
    "forswear": ("Ruritania urged Freedonia to forswear membership in the EU.", {("ruritania", O, "eu_membership")},
                 {("ruritania", S, "eu_membership")}),
}


@pytest.mark.parametrize("name", sorted(FICTIONAL))
def test_fictional(name, fictional):
    text, expected, forbidden = FICTIONAL[name]
    got = triples(fictional(text))
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not (forbidden & got), f"wrongly extracted {forbidden & got}"


DEFAULT = {
    "a-colleague-voicing-a-position": ("Lavrov reiterated Putin's position that Ukraine must cede control over the "
                                       "Donbas.", {("lavrov", S, "territorial_concessions"),
                                                   ("putin", S, "territorial_concessions")}, set()),
    "another-side-voicing-a-position": ("Rubio reiterated Putin's position that Ukraine must cede control over the "
                                        "Donbas.", {("putin", S, "territorial_concessions")},
                                        {("rubio", S, "territorial_concessions")}),
    "an-adjective-phrase-after-a-comma-describes-the-noun": ("The US now stands alongside Hungary in supporting a "
                                                             "watered-down deal, devoid of security guarantees.",
                                                             {("united_states", O, "security_guarantees")}, set()),
    "a-plan-frame-takes-no-position-on-itself": ("Under the coalition plans, troops from France and the UK would be "
                                                 "placed in Ukraine.", set(),
                                                 {("coalition_of_the_willing", S, "european_peace_plan")}),
    "a-bare-response-to-two-things-answers-neither": ("Trump proposed a ceasefire and a quick peace deal. Kyiv agreed.",
                                                      set(), {("ukraine", S, "ceasefire"),
                                                              ("ukraine", S, "rapid_peace_deal")}),
    "a-request-whose-preposition-hangs-on-the-verb": ("He said Russia has taken the 'request' of the Ukrainian officials "
                                                      "for direct talks between Ukrainian President Volodymyr Zelenskyy "
                                                      "and Russian counterpart Vladimir Putin.",
                                                      {("ukraine", S, "direct_talks")}, set()),
    "a-plan-to-end-the-war-is-a-peace-plan": ("Zelensky has proposed a major plan to end the war with Russia.",
                                              {("zelenskyy", S, "ukraine_peace_plan")}, set()),
    "an-acronym-is-its-full-name": ("The ICC backs a special tribunal. The International Criminal Court (ICC) issued "
                                    "its warrants in 2023.", {("international_criminal_court", S,
                                                               "war_crimes_accountability")},
                                    {("icc", S, "war_crimes_accountability")}),
    "a-proposal-of-something-else": ("Slovakia rejected the proposal of the European Commission to prohibit imports of "
                                     "Russian gas.", set(), {("slovakia", O, "european_peace_plan")}),
    "the-idea-of-names-its-topic": ("Trump has endorsed a 28-point peace plan. Kyiv's envoy rejected the idea of full "
                                    "amnesty for war crimes.", {("ukraine", S, "war_crimes_accountability")},
                                    {("ukraine", O, "us_peace_plan")}),
    "a-noun-label-is-no-verb": ("Belgium demanded that the other countries guarantee the full amount of the loan.",
                                set(), {("belgium", S, "security_guarantees")}),
    "a-noun-label-alone": ("Kyiv wants guarantees.", {("ukraine", S, "security_guarantees")}, set()),
    "whose-withdrawal": ("Russia insists on a full withdrawal of Ukrainian forces from the Donbas.", set(),
                         {("russia", S, "russian_withdrawal")}),
    "the-proposal-someone-endorsed-paragraphs-before": (
        "Trump has endorsed a 20-point peace proposal. " + "The talks in the city went on for many hours on Monday and "
        "again on Tuesday, with long breaks for lunch and for consultations with the capitals of several countries. " * 4
        + "European leaders rejected the proposal on Friday.", {("europe", O, "us_peace_plan")}, set()),
    "a-draft-someone-proposed": ("Russia rejected a draft peace deal that the United States proposed last month.",
                                 {("russia", O, "us_peace_plan"), ("united_states", S, "us_peace_plan")}, set()),
    "official-the-tagger-took-for-an-organisation": ("Ukraine's chief negotiator Rustem Umerov said Kyiv had proposed a "
                                                     "ceasefire.", {("rustem_umerov", S, "ceasefire"),
                                                                    ("ukraine", S, "ceasefire")}, set()),
    "the-two-leaders-are-not-who-speaks-of-them": ("Putin and Zelensky have not met since 2019. Trump has said he "
                                                   "wants the two leaders to meet.", {("trump", S, "direct_talks")},
                                                   set()),
    "unknown-actors-keep-their-ids": ("The European Commission proposed a loan backed by frozen Russian assets. "
                                      "Belgium opposed the plan.",
                                      {("europe", S, "frozen_assets"), ("belgium", O, "frozen_assets")},
                                      {("russia", S, "frozen_assets")}),
    "ceasefire-proposal-is-no-peace-plan": ("Ukraine agreed to a 30-day ceasefire proposal.",
                                            {("ukraine", S, "ceasefire")}, {("ukraine", S, "ukraine_peace_plan")}),
    "the-proposal-is-the-last-named": ("Washington presented a proposal for a ceasefire. European leaders "
                                       "welcomed the proposal.", {("europe", S, "ceasefire")},
                                      {("europe", S, "european_peace_plan")}),
    "deal-spearheaded-by": ("Kyiv backed a ceasefire deal spearheaded by Trump.",
                            {("ukraine", S, "ceasefire"), ("trump", S, "ceasefire")}, set()),
    "suggested-might-need": ("Trump suggested Ukraine might need to cede territory.",
                             {("trump", S, "territorial_concessions")}, {("ukraine", S, "territorial_concessions")}),
    "the-proposal-someone-endorsed": ("Trump has endorsed a 20-point peace proposal. European leaders rejected the "
                                      "proposal on Friday.", {("europe", O, "us_peace_plan")}, set()),
    "content-clause-is-no-topic": ("Russia demanded guarantees that Ukraine will stay out of military blocs.",
                                   set(), {("russia", S, "security_guarantees")}),
    "what-a-plan-does": ("The US plan caps Ukraine's army at 600,000 troops.",
                         {("united_states", S, "ukraine_military_limits")}, set()),
    "what-a-plan-does-not": ("Europe's plan does not cap Ukraine's army.",
                             {("europe", O, "ukraine_military_limits")}, {("europe", S, "ukraine_military_limits")}),
    "suggestion-that": ("Ukraine rejected the US suggestion that Kyiv withdraw from the Donbas.",
                        {("united_states", S, "territorial_concessions"), ("ukraine", O, "territorial_concessions")},
                        set()),
    "planning-is-no-plan": ("Ukraine backed the planning of the reconstruction.", set(),
                            {("ukraine", S, "ukraine_peace_plan")}),
    "unknown-official-and-their-side": ("Kremlin aide Yuri Ushakov said Moscow rejected the ceasefire.",
                                        {("yuri_ushakov", O, "ceasefire"), ("russia", O, "ceasefire")}, set()),
    "a-plan-to-use": ("Brussels is working on a plan to use the immobilised assets.", {("europe", S, "frozen_assets")},
                      {("europe", S, "european_peace_plan")}),
    "stay-out-of": ("Russia wants Ukraine to stay out of NATO.", {("russia", O, "nato_membership")}, set()),
    "halt-in-deliveries": ("Moscow wants a halt in Western arms deliveries.", {("russia", O, "support_for_ukraine")},
                           {("russia", S, "support_for_ukraine")}),
    "unknown-speaker-on-a-sides-position": ("Viktor Orban said Hungary would veto any new sanctions on Russia.",
                                            {("viktor_orban", S, "sanctions_relief"), ("hungary", S, "sanctions_relief")},
                                            set()),
    "backed-by-a-things-owner-holds-nothing": ("Europe is weighing a loan backed by Russian reserves held at "
                                               "Euroclear.", set(), {("russia", S, "frozen_assets")}),
    "possessive-ends-no-label": ("Officials said Hungary does not support Ukraine's accession to NATO.",
                                 {("hungary", O, "nato_membership")}, {("hungary", O, "support_for_ukraine")}),
    "a-capital-speaks-for-its-state": ("Budapest and Warsaw have long opposed sending weapons to Ukraine.",
                                       {("hungary", O, "support_for_ukraine"), ("poland", O, "support_for_ukraine")},
                                       {("budapest", O, "support_for_ukraine")}),
    "a-surname-tagged-as-organisation-voices-its-side": (
        "Orban reiterated Hungary's opposition to Western sanctions against Russia.",
        {("orban", S, "sanctions_relief")}, {("orban", O, "sanctions_relief")}),
    "echoed-a-demand": ("Peskov echoed Putin's demand for a ceasefire.",
                        {("peskov", S, "ceasefire"), ("putin", S, "ceasefire")}, set()),
    "pushed-back-particle-parsed-as-adverb": ("Putin pushed back against Western calls for an immediate truce.",
                                              {("putin", O, "ceasefire")}, {("putin", S, "ceasefire")}),
    "a-pause-is-a-halt": ("Moscow welcomed Washington's decision to pause weapons deliveries to Ukraine.",
                          {("russia", O, "support_for_ukraine")}, {("russia", S, "support_for_ukraine")}),
    "a-former-official-speaks-for-himself": ("Former Ukrainian president Petro Poroshenko rejected the US plan.",
                                             {("petro_poroshenko", O, "us_peace_plan")}, {("ukraine", O, "us_peace_plan")}),
    "they-after-a-list": ("Paris and London say they are ready to lead a multinational force in Ukraine.",
                          {("france", S, "security_guarantees"), ("united_kingdom", S, "security_guarantees")}, set()),
    "pull-forces-out-of-a-region": ("Moscow wants Kyiv to pull its forces out of Donbas.",
                                    {("russia", S, "territorial_concessions")}, {("russia", O, "territorial_concessions")}),
    "pull-out-of-a-deal-quits-it": ("Moscow demanded that Kyiv pull out of the US plan.", {("russia", O, "us_peace_plan")},
                                    set()),
    "drew-support-from-a-and-from-b": ("The truce drew support from Kyiv and from Moscow.",
                                       {("ukraine", S, "ceasefire"), ("russia", S, "ceasefire")}, set()),
    "a-gap-does-not-swallow-a-topic": ("Putin rejected the US-Ukrainian ceasefire proposal.",
                                       {("putin", O, "ceasefire")}, {("putin", O, "ukraine_peace_plan")}),
    "a-proposal-for-is-named-by-it": ("Putin rejected the Ukrainian proposal for an immediate ceasefire.",
                                      {("putin", O, "ceasefire")}, {("putin", O, "ukraine_peace_plan")}),
    "a-version-of-a-plan-is-the-plan": ("Kyiv submitted an updated version of its peace plan.",
                                        {("ukraine", S, "ukraine_peace_plan")}, set()),
    "in-return-for-after-a-halting-noun": ("Putin demands the lifting of sanctions in return for a ceasefire.",
                                           {("putin", S, "ceasefire"), ("putin", S, "sanctions_relief")},
                                           {("putin", O, "ceasefire")}),
    "he-said-is-named-outside-the-quote": ('Putin spoke in St Petersburg. "I am even ready to meet Zelensky in the '
                                           'final phase," he said.', {("putin", S, "direct_talks")},
                                           {("zelenskyy", S, "direct_talks")}),
    "legal-guarantees-are-no-security-guarantees": ("Belgium is demanding legally binding guarantees from other EU "
                                                    "members.", set(), {("belgium", S, "security_guarantees")}),
    "firm-guarantees-are": ("Kyiv wants firm guarantees.", {("ukraine", S, "security_guarantees")}, set()),
    "direct-talks-of-someone-else": ("Orban said the EU should engage in direct negotiations with Russia.", set(),
                                     {("orban", S, "direct_talks")}),
    "direct-talks-of-a-side": ("Kyiv is open to direct negotiations with Moscow.", {("ukraine", S, "direct_talks")},
                               set()),
    "no-easing-of-pressure": ("Rubio said there would be no easing of pressure on Moscow.",
                              {("rubio", O, "sanctions_relief")}, {("rubio", S, "sanctions_relief")}),
    "forces-pull-out-of-a-region": ("Putin demanded that Ukrainian forces pull out of Donbas.",
                                    {("putin", S, "territorial_concessions")}, {("putin", O, "territorial_concessions")}),
    "a-grouping-known-as": ("The European grouping known as the Coalition of the Willing backed the reassurance force.",
                            {("coalition_of_the_willing", S, "security_guarantees")},
                            {("europe", S, "security_guarantees")}),
    "reason-clause-is-no-position": ("Zelensky said that, as Washington has not approved Ukraine's NATO membership, "
                                     "Kyiv is seeking security guarantees.",
                                     {("zelenskyy", S, "security_guarantees")}, {("zelenskyy", S, "nato_membership")}),
    # the size of the army is what limits take away: rejecting a cap on it opposes the limits
    "rejected-a-clause-that-would-cap-the-army": ("Poland rejected a clause that would cap the size of Ukraine's "
                                                  "army.", {("poland", O, "ukraine_military_limits")},
                                                  {("poland", S, "ukraine_military_limits")}),
    "pushed-back-on-caps": ("Poland pushed back on caps on the size of Ukraine's army.",
                            {("poland", O, "ukraine_military_limits")}, {("poland", S, "ukraine_military_limits")}),
    "wants-to-reduce-the-size": ("Moscow wants to reduce the size of Ukraine's army.",
                                 {("russia", S, "ukraine_military_limits")}, {("russia", O, "ukraine_military_limits")}),
    "called-the-counter-proposal-a-non-starter": ('Rubio called Kyiv\'s 20-point counter-proposal "a non-starter" in '
                                                  'its current form.', {("rubio", O, "ukraine_peace_plan")},
                                                  {("rubio", S, "ukraine_peace_plan")}),
    "though-not": ("Poland supports halting the fighting along the front line, though not the surrender of land.",
                   {("poland", S, "ceasefire"), ("poland", O, "territorial_concessions")},
                   {("poland", S, "territorial_concessions")}),
    "a-hyphenated-label-misparsed": ("Lavrov said the European counter-proposal was not acceptable.",
                                     {("lavrov", O, "european_peace_plan")}, set()),
    "remove-restrictions": ("Paris rejected Moscow's request to remove EU restrictions on its banks.",
                            {("france", O, "sanctions_relief"), ("russia", S, "sanctions_relief")}, set()),
    "a-counter-proposal-to-a-plan": ("The European counter-proposal to the US plan is not acceptable, Lavrov said.",
                                     {("lavrov", O, "european_peace_plan")}, {("lavrov", O, "us_peace_plan")}),
    "a-standard-of-comparison": ("Poland wants security guarantees for Ukraine comparable to those enjoyed by NATO "
                                 "members.", {("poland", S, "security_guarantees")}, {("poland", S, "nato_membership")}),
    "priority-is-to-do": ("Poland's main priority remains to increase pressure on Moscow.",
                          {("poland", O, "sanctions_relief")}, {("poland", S, "sanctions_relief")}),
    "bare-guarantees-in-a-sentence-about-money": ("Belgium will block the loan until it secures guarantees from its "
                                                  "partners.", set(), {("belgium", S, "security_guarantees")}),
    "bare-guarantees-elsewhere": ("Kyiv wants guarantees before any truce.", {("ukraine", S, "security_guarantees")},
                                  set()),
    "a-noun-label-is-no-verb": ("Lavrov said that next time the European leaders plan to discuss the war, they should "
                                "ask Moscow.", set(), {("lavrov", S, "european_peace_plan")}),
    "called-it-a-mistake-misparsed": ("Orban called the reparations loan a mistake.",
                                      {("orban", O, "frozen_assets")}, {("orban", S, "frozen_assets")}),
    "support-for-someones-position-is-no-aid": ("Poland voiced support for Kyiv's position.", set(),
                                                {("poland", S, "support_for_ukraine")}),
    "stop-hostilities": ("Poland wants both sides to stop hostilities at once.", {("poland", S, "ceasefire")}, set()),
    "little-interest-in-pursuing-justice": ("Rubio has shown little interest in pursuing justice for the crimes.",
                                            {("rubio", O, "war_crimes_accountability")},
                                            {("rubio", S, "war_crimes_accountability")}),
    "impunity-would-be-a-mistake": ("Allowing impunity for those crimes would be a mistake, Kallas said.",
                                    {("kallas", S, "war_crimes_accountability")}, set()),
    "limits-on-force-size": ("Kyiv says any limits on force size are unacceptable.",
                             {("ukraine", O, "ukraine_military_limits")}, set()),
    "bolster-ukraine": ("Poland has pledged to bolster Ukraine against further attacks.",
                        {("poland", S, "support_for_ukraine")}, set()),
    "frozen-money": ("Zelenskyy urged the leaders to use the frozen money directly.",
                     {("zelenskyy", S, "frozen_assets")}, set()),
    "keep-exchanging-prisoners": ("Moscow is willing to keep exchanging prisoners but rejects any tribunal.",
                                  {("russia", S, "prisoner_return")}, set()),
    "in-exchange-for-is-no-exchange": ("Kyiv demanded a ceasefire in exchange for prisoners.",
                                       {("ukraine", S, "ceasefire")}, {("ukraine", S, "prisoner_return")}),
    "transfer-of-territory": ("Kiev has so far strongly opposed the transfer of territory to Russia.",
                              {("ukraine", O, "territorial_concessions")}, set()),
    # withdrawing troops is a territorial concession when Ukraine does it, a Russian withdrawal when Russia does
    "ukraine-to-pull-its-troops-out": ("Putin demanded that Kyiv pull its forces out of the four regions.",
                                       {("putin", S, "territorial_concessions")},
                                       {("putin", S, "russian_withdrawal")}),
    "withdrawal-of-ukrainian-troops": ("Moscow insists on the withdrawal of Ukrainian troops from the regions it "
                                       "claims.", {("russia", S, "territorial_concessions")},
                                       {("russia", S, "russian_withdrawal")}),
    "asked-ukraine-to-withdraw": ("Washington is requesting Ukraine alone to withdraw its forces from the region.",
                                  {("united_states", S, "territorial_concessions")},
                                  {("united_states", S, "russian_withdrawal")}),
    "concessions-from-another-side": ("Moscow is stalling the talks to extract concessions from the United States.",
                                      set(), {("russia", O, "territorial_concessions"),
                                              ("russia", S, "territorial_concessions")}),
    "concessions-from-ukraine": ("Moscow demands concessions from Kyiv.", {("russia", S, "territorial_concessions")},
                                 set()),
    "russia-to-withdraw-its-troops": ("Kyiv demands that Russia withdraw its troops.",
                                      {("ukraine", S, "russian_withdrawal")},
                                      {("ukraine", S, "territorial_concessions")}),
    # a label "keep X" in the intransitive: "X stay / remain (in place)"
    "what-is-kept-stays": ("Kellogg insists that the sanctions must stay in place until the shooting stops.",
                           {("kellogg", O, "sanctions_relief")}, {("kellogg", S, "sanctions_relief")}),
    "what-remains-is-kept": ("Paris has assured its partners that the sanctions will remain.",
                             {("france", O, "sanctions_relief")}, {("france", S, "sanctions_relief")}),
    "remain-a-description-keeps-nothing": ("Sanctions remain a blunt instrument, Rubio said.", set(),
                                           {("rubio", O, "sanctions_relief")}),
    # a label's last noun the tagger read as a verb, in a noun's role (here in apposition)
    "a-label-noun-misread-as-a-verb": ("The framework covers many issues, including border arrangements, the security "
                                       "guarantees Kyiv is seeking to deter future attacks, and reconstruction.",
                                       {("ukraine", S, "security_guarantees")}, set()),
    # how news names the limits on Ukraine's army
    "reduce-its-military": ("Moscow insists that Kyiv reduce its military.", {("russia", S, "ukraine_military_limits")},
                            set()),
    # sanctions named bare: what is welcomed is kept, what declines is relief
    "welcomed-the-sanctions": ("Berlin welcomed the sanctions.", {("germany", O, "sanctions_relief")},
                               {("germany", S, "sanctions_relief")}),
    "a-decline-of-sanctions": ("Moscow insists on a decline in sanctions.", {("russia", S, "sanctions_relief")},
                               {("russia", O, "sanctions_relief")}),
    "what-the-phrase-aims-at-is-not-about-it": ("EU sanctions are not aiming at food trade, Rubio said.", set(),
                                                {("rubio", S, "sanctions_relief"), ("europe", S, "sanctions_relief")}),
    # how news names a truce on strikes, new borders, missiles for Ukraine
    "halt-strikes": ("Moscow and Kyiv agreed to halt military strikes on power plants.",
                     {("russia", S, "ceasefire"), ("ukraine", S, "ceasefire")}, set()),
    "territorial-realities": ("Lavrov said the new territorial realities must be recognized.",
                              {("lavrov", S, "territorial_concessions")}, set()),
    "redraw-borders": ("Kyiv refuses to redraw its borders.", {("ukraine", O, "territorial_concessions")}, set()),
    "supply-missiles": ("Berlin plans to supply long-range missiles to Kyiv.", {("germany", S, "support_for_ukraine")},
                        set()),
    # how news names a quick deal
    "peace-within-a-day": ("Trump has promised to broker peace within 24 hours.", {("trump", S, "rapid_peace_deal")}, set()),
    "quickly-end-the-war": ("Washington wants to quickly end the war.", {("united_states", S, "rapid_peace_deal")}, set()),
    # what a condition is for is not part of what "a condition X rejects" sums up
    "a-condition-rejected-is-not-what-it-is-for": (
        "The Kremlin is demanding Kyiv withdraw from Donetsk as a precondition for a truce, a condition Zelenskyy has "
        "rejected.", {("zelenskyy", O, "territorial_concessions")}, {("zelenskyy", O, "ceasefire")}),
    # concessions are made by whoever offers them
    "concessions-offered-by-another-side": ("The US offered concessions on tariffs.", set(),
                                            {("united_states", S, "territorial_concessions"),
                                             ("united_states", O, "territorial_concessions")}),
    "concessions-offered-by-ukraine": ("Kyiv has offered concessions.", {("ukraine", S, "territorial_concessions")}, set()),
    # a speaker on their own side: the side the clause names keeps its place beside the speaker
    "speaker-and-the-side-the-clause-names": ("Zelenskyy said Kyiv is seeking security guarantees.",
                                              {("zelenskyy", S, "security_guarantees"),
                                               ("ukraine", S, "security_guarantees")}, set()),
    "a-side-reached-through-a-pronoun-is-not-named": ("Zelenskyy said it wants security guarantees.",
                                                      {("zelenskyy", S, "security_guarantees")},
                                                      {("ukraine", S, "security_guarantees")}),
    # the parser hangs the "to" of "a halt to" on the verb: the halt still takes away what follows
    "demands-a-halt-to": ("Putin demands a halt to Western military aid to Kyiv.",
                          {("putin", O, "support_for_ukraine")}, {("putin", S, "support_for_ukraine")}),
    "arms-supplies": ("Berlin will continue arms supplies to Kyiv.", {("germany", S, "support_for_ukraine")}, set()),
    "limit-the-size-of-armed-forces": ("Moscow wants Kyiv to limit the size of its armed forces.",
                                       {("russia", S, "ukraine_military_limits")},
                                       {("russia", O, "ukraine_military_limits")}),
}


@pytest.mark.parametrize("name", sorted(DEFAULT))
def test_default_codebook(name, stances_of):
    text, expected, forbidden = DEFAULT[name]
    got = triples(stances_of(text))
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not (forbidden & got), f"wrongly extracted {forbidden & got}"


def test_a_headline_keeps_its_own_words_as_evidence(fictional):
    text = "Ruritania Rejects Trade Treaty, Calls For New Talks\n\nThe talks are to resume soon."
    stance = next(s for s in fictional(text) if s.topic == "trade_treaty")
    assert stance.evidence == "Ruritania Rejects Trade Treaty, Calls For New Talks"
    assert text[stance.start:stance.end] == stance.evidence
