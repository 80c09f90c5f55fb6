"""Question bank of chapter 1, customer satisfaction (the page {ref}`ex-satisfaction`).

The format is described in :mod:`cpvkit.exercises._core`. All numbers are computed with
:mod:`cpvkit.satisfaction` on the SIMULATED survey data of :mod:`cpvkit.datasets`.
"""

from __future__ import annotations

from cpvkit.exercises._core import Chapter, Choice, Mistake, Numeric, Written

SETUP = """\
from cpvkit import datasets, satisfaction

survey = datasets.load_satisfaction_survey()  # SIMULATED: 500 Fjordnet broadband customers
kano = datasets.load_kano_survey()  # SIMULATED: 150 Dishdash app users, 7 features
ipa_ratings = datasets.load_ipa_ratings(summary=True)  # SIMULATED: coffee shop, 10 attributes
sq = datasets.load_servqual()  # SIMULATED: 300 customers of Harbour Savings Bank
survey.head()
"""

INTRO = """\
These exercises practise {ref}`ch-satisfaction`: satisfaction as the result of comparing
performance with expectations, the Net Promoter Score and CSAT, the Kano model,
importance-performance analysis and the SERVQUAL gaps. All data sets are SIMULATED (see
`data/README.md`). Run the set-up cell first, then write each answer in its cell and run the
check below it. Numbers may be rounded sensibly; shares may be given as 0.25 or as 25 (percent).
"""

QUESTIONS = [
    Numeric(
        title="Net Promoter Score",
        prompt=(
            "The column `nps` of `survey` holds the answers (0-10) to *How likely is it that "
            "you would recommend Fjordnet to a friend or colleague?* Compute the **Net Promoter "
            "Score** of all 500 respondents, in points (-100 to 100). You may round to a whole "
            "point."
        ),
        solution='res = satisfaction.nps(survey["nps"])\nanswer = res.score\n',
        explanation=(
            "Promoters answer 9-10, passives 7-8, detractors 0-6. Here 183 of 500 are "
            "promoters (36.6 %) and 112 detractors (22.4 %), so NPS = 36.6 - 22.4 = 14.2 "
            "points. The passives count in the base but in neither share. With n = 500 the "
            "standard error is about 3.4 points, so the 95 % interval runs from about 7.6 to "
            "20.8: a change of a few points from one survey to the next may be noise."
        ),
        hint=(
            "NPS = 100 x (share of promoters, 9-10, minus share of detractors, 0-6), both "
            "shares taken over all respondents, passives included."
        ),
        mistakes=[
            Mistake(
                '100 * (survey["nps"] >= 9).mean()',
                "That is the share of promoters only: subtract the share of detractors.",
            ),
            Mistake(
                '100 * ((survey["nps"] >= 9).mean() - (survey["nps"] <= 5).mean())',
                "Detractors are the answers 0-6, not 0-5: a 6 is a detractor.",
            ),
            Mistake(
                '100 * ((survey["nps"] >= 7).mean() - (survey["nps"] <= 6).mean())',
                "Passives (7-8) are not promoters: promoters answer 9 or 10.",
            ),
        ],
        abs_tol=0.5,
    ),
    Numeric(
        title="CSAT top-two-box score",
        prompt=(
            "The column `csat` holds overall satisfaction on a 1-5 scale (5 = very "
            "satisfied). Compute the **CSAT score** as the share of respondents in the top two "
            "boxes (4 or 5)."
        ),
        solution='answer = satisfaction.csat(survey["csat"], scale_max=5, top_box=2)\n',
        explanation=(
            "`satisfaction.csat` counts the answers 4 and 5 and divides by all answers: "
            "54.2 % of the customers are satisfied or very satisfied. The CSAT score is a "
            "share, not a mean; the mean of the 1-5 answers treats the scale as if the "
            "distances between boxes were equal and hides how many customers are unhappy."
        ),
        hint="Count the answers 4 and 5 and divide by the number of respondents.",
        mistakes=[
            Mistake(
                '(survey["csat"] == 5).mean()',
                "You counted only the top box (5): the top-two-box score includes the 4s.",
            ),
            Mistake(
                '(survey["csat"] >= 3).mean()',
                "A 3 is the neutral middle of the scale, not a satisfied customer.",
            ),
        ],
        share=True,
    ),
    Numeric(
        title="Negative disconfirmation",
        prompt=(
            "Each respondent rated the service they **expected** before signing up "
            "(`expectation`) and the service they **perceive** now (`performance`), both on "
            "the same 1-7 scale. Using `satisfaction.disconfirmation` (tolerance 0), what "
            "**share of the respondents** experience negative disconfirmation, that is, "
            "performance below expectation?"
        ),
        solution=(
            'dis = satisfaction.disconfirmation(survey["expectation"], survey["performance"])\n'
            'answer = (dis.outcome == "dissatisfied").mean()\n'
        ),
        explanation=(
            "In the expectation-disconfirmation model of {cite:t}`oliver1980cognitive`, "
            "satisfaction follows from the comparison of perceived performance with the "
            "expectation held before the purchase. The gap is performance minus expectation; a "
            "negative gap (negative disconfirmation) leads to dissatisfaction. About 44.8 % of "
            "the respondents have a negative gap, about 30.8 % a positive one."
        ),
        hint=(
            "Compute the gap performance - expectation for every respondent and take the share "
            "of negative gaps (outcome 'dissatisfied')."
        ),
        mistakes=[
            Mistake(
                '(dis.outcome == "delighted").mean()',
                "That is the share with positive disconfirmation (performance above expectation).",
            ),
            Mistake(
                '(dis.outcome != "delighted").mean()',
                "You also counted the respondents whose expectation was exactly met (gap 0).",
            ),
        ],
        share=True,
    ),
    Choice(
        title="Kano category of a feature",
        prompt=(
            "Classify the feature **Live courier tracking on a map** of the Dishdash app with "
            "`satisfaction.kano_summary(kano)` (Kano evaluation table, most frequent "
            "category). Which Kano category is it?"
        ),
        options=[
            "Must-be (M): expected; its absence causes dissatisfaction, its presence little "
            "satisfaction.",
            "One-dimensional (O): more of it, more satisfaction; less of it, more dissatisfaction.",
            "Attractive (A): its presence delights, its absence does not cause dissatisfaction.",
            "Indifferent (I): customers do not care whether it is there or not.",
        ],
        correct="C",
        feedback={
            "A": "Few respondents (6 of 150) answer like a must-be: look at the A column.",
            "B": "One-dimensional is second (27), well behind the most frequent category.",
            "D": "Indifferent is frequent (46) but not the most frequent category.",
        },
        hint=(
            "Look at the row of the feature in kano_summary: the category is the most frequent "
            "of A, O, M and I."
        ),
        explanation=(
            "67 of the 150 respondents like having live tracking and can live without it (or "
            "are neutral about its absence): attractive. Its Better coefficient is high "
            "(about 0.64) and its Worse coefficient small (about -0.23): adding it raises "
            "satisfaction, leaving it out costs little. Attractive features tend to become "
            "one-dimensional and then must-be over time, as customers get used to them "
            "{cite:p}`kano1984attractive`."
        ),
        solution=(
            "summary = satisfaction.kano_summary(kano)\n"
            'letter = summary.loc["Live courier tracking on a map", "category"]\n'
            'answer = {"M": "A", "O": "B", "A": "C", "I": "D"}[letter]\n'
            "summary\n"
        ),
    ),
    Numeric(
        title="Kano Better coefficient",
        prompt=(
            "For the feature **Delivery within 30 minutes**, compute the Kano **Better** "
            "coefficient (satisfaction coefficient) $(A + O) / (A + O + M + I)$ from "
            "`satisfaction.kano_summary(kano)`."
        ),
        solution=(
            "summary = satisfaction.kano_summary(kano)\n"
            'row = summary.loc["Delivery within 30 minutes"]\n'
            'answer = row["better"]\n'
        ),
        explanation=(
            "A = 19, O = 73, M = 34 and I = 19, so Better = (19 + 73) / 145 = 0.634: about "
            "63 % of the classified answers say that offering fast delivery raises "
            "satisfaction. Its Worse coefficient, -(O + M) / 145 = -0.74, says that missing it "
            "would hurt even more. Reverse and questionable answers are left out of the base "
            "{cite:p}`berger1993kano`."
        ),
        hint=(
            "Add the attractive and one-dimensional counts and divide by the sum of A, O, M "
            "and I (leave R and Q out)."
        ),
        mistakes=[
            Mistake('-row["worse"]', "That is (O + M) / (A + O + M + I), the Worse coefficient."),
            Mistake(
                '(row["A"] + row["O"]) / (row["A"] + row["O"] + row["M"] + row["I"] '
                '+ row["R"] + row["Q"])',
                "Leave the reverse and questionable answers out of the denominator.",
            ),
            Mistake(
                'row["A"] / (row["A"] + row["O"] + row["M"] + row["I"])',
                "One-dimensional answers also add satisfaction: count A + O.",
            ),
        ],
        rel_tol=0.01,
    ),
    Choice(
        title="IPA quadrant",
        prompt=(
            "The coffee shop's customers rated ten attributes for importance and performance "
            "(`ipa_ratings`, means on 1-7 scales). With the crosshairs at the means of "
            "importance and performance (`satisfaction.ipa(ipa_ratings)`), in which quadrant "
            "of the importance-performance grid does **Speed of service** fall?"
        ),
        options=[
            "Concentrate here",
            "Keep up the good work",
            "Low priority",
            "Possible overkill",
        ],
        correct="A",
        feedback={
            "B": "Its performance (3.94) is below the mean performance.",
            "C": "Its importance (6.14) is well above the mean importance.",
            "D": "Possible overkill is low importance with high performance: the reverse.",
        },
        hint=(
            "Compare the attribute's importance and performance with the means over all "
            "attributes: high importance with low performance is where to act first."
        ),
        explanation=(
            "Speed of service is the second most important attribute (6.14) but performs "
            "among the worst (3.94): high importance, low performance, the quadrant "
            "*Concentrate here* of {cite:t}`martilla1977importance`. Resources might come from "
            "the *Possible overkill* attributes (menu variety, seating comfort), which perform "
            "well on attributes customers care less about."
        ),
        solution=(
            "grid = satisfaction.ipa(ipa_ratings)\n"
            'quadrant = grid.set_index("attribute").loc["Speed of service", "quadrant"]\n'
            "answer = {\n"
            '    "Concentrate here": "A",\n'
            '    "Keep up the good work": "B",\n'
            '    "Low priority": "C",\n'
            '    "Possible overkill": "D",\n'
            "}[quadrant]\n"
            "grid\n"
        ),
    ),
    Numeric(
        title="SERVQUAL reliability gap",
        prompt=(
            "Compute the SERVQUAL gap scores of Harbour Savings Bank with "
            "`satisfaction.servqual(sq.expectations, sq.perceptions, dims)`, where "
            '`dims = sq.items.set_index("item")["dimension"]`. What is the mean gap '
            "(perception minus expectation) of the **reliability** dimension? Give two "
            "decimals."
        ),
        solution=(
            'dims = sq.items.set_index("item")["dimension"]\n'
            "result = satisfaction.servqual(sq.expectations, sq.perceptions, dims)\n"
            'table = result.dimensions.set_index("dimension")\n'
            'answer = table.loc["reliability", "gap"]\n'
        ),
        explanation=(
            "The gap of each item is perception minus expectation (P - E), averaged over the "
            "respondents and then over the five reliability items: about -1.19, the largest "
            "shortfall of the five dimensions (tangibles about -0.17). A negative gap means the "
            "bank falls short of what customers expect of an excellent bank "
            "{cite:p}`parasuraman1988servqual`; reliability is where to start."
        ),
        hint="The gap is perception minus expectation, so a shortfall is negative.",
        mistakes=[
            Mistake("-answer", "The gap is P - E, not E - P: a shortfall is negative."),
            Mistake("result.overall", "That is the overall gap over all 22 items."),
        ],
        abs_tol=0.01,
    ),
    Choice(
        title="What NPS can and cannot tell",
        prompt="Which statement about the Net Promoter Score is supported by the literature?",
        options=[
            "Reichheld showed that NPS predicts a firm's growth better than any other "
            "customer measure, in every industry.",
            "NPS was proposed by Reichheld as the one number to grow, but later longitudinal "
            "research did not find it a better predictor of growth than other satisfaction "
            "and loyalty measures.",
            "NPS is the mean of the 0-10 recommendation answers multiplied by ten.",
        ],
        correct="B",
        feedback={
            "A": (
                "That is the original claim at its strongest; replication studies did not "
                "confirm it."
            ),
            "C": "NPS is a difference of two shares (promoters minus detractors), not a mean.",
        },
        hint="Think of the critique of the 'one number' claim, not only of the claim itself.",
        explanation=(
            "{cite:t}`reichheld2003one` proposed the likelihood to recommend as the single "
            "question that best links to growth. {cite:t}`keiningham2007longitudinal` tested "
            "the claim on longitudinal data and found no support that it predicts growth "
            "better than other measures such as the ACSI. NPS also throws information away "
            "(a 0 and a 6 count the same) and has a wide sampling error."
        ),
    ),
    Written(
        title="Same service, different satisfaction",
        prompt=(
            "Two Fjordnet customers rate the service they receive now with the same "
            "performance score of 5, yet one is satisfied and the other dissatisfied. Explain "
            "how this can happen with the expectation-disconfirmation model, and say what it "
            "implies for the firm's promises in its advertising (about 60-120 words)."
        ),
        hint=(
            "Satisfaction is not a function of performance alone: what is it compared with, "
            "and where does that reference come from?"
        ),
        explanation="",
        model_answer=(
            "In the expectation-disconfirmation model {cite:p}`oliver1980cognitive` "
            "satisfaction comes from comparing perceived performance with the expectation the "
            "customer held before buying. The customer who expected 4 sees performance exceed "
            "the expectation (positive disconfirmation) and is satisfied; the one who expected "
            "6 sees performance fall short (negative disconfirmation) and is dissatisfied, "
            "although both perceive the same service. Expectations are shaped by past "
            "experience, word of mouth and the firm's own promises. A firm that over-promises "
            "in its advertising raises expectations and so creates dissatisfaction with the "
            "same performance; it should promise what it can deliver and then deliver a little "
            "more."
        ),
        key_ideas={
            "expectation is the reference": ("expect",),
            "comparison / disconfirmation": ("disconfirm", "compar", "exceed", "fall short"),
            "promises shape expectations": ("promis", "advertis", "over-promis"),
            "deliver what is promised": ("deliver",),
        },
        min_words=40,
    ),
]

CHAPTER = Chapter(
    number=1,
    title="Customer satisfaction",
    label="ex-satisfaction",
    intro=INTRO,
    setup=SETUP,
    questions=QUESTIONS,
)

check = CHAPTER.check
