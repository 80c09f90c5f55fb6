"""Question bank of chapter 4, CRM and customer lifetime value (the page {ref}`ex-crm`).

The format is described in :mod:`cpvkit.exercises._core`. All numbers are computed with
:mod:`cpvkit.crm` and the real CDNOW purchase log.
"""

from __future__ import annotations

from cpvkit.exercises._core import Chapter, Choice, Mistake, Numeric, Written

SETUP = """\
from cpvkit import crm, datasets

cdnow = datasets.load_cdnow()  # real CDNOW purchase records, 1997-01-01 to 1998-06-30
summary = crm.rfm_summary(cdnow)  # recency, frequency, monetary per customer
spend = summary["monetary"]  # total spend of each customer over the 18 months
"""

INTRO = """\
These exercises practise {ref}`ch-crm`: customer lifetime value and customer equity, RFM
segments, the concentration of value (Pareto share) and the customer pyramid on the real CDNOW
purchase log, and the decisions these numbers support. Run the set-up cell first, then write
each answer in its cell and run the check below it. Numbers may be rounded sensibly (to two
decimals, or a whole number for large amounts); shares may be given as 0.68 or as 68 (percent).
"""

QUESTIONS = [
    Numeric(
        title="A textbook CLV",
        prompt=(
            "A customer brings a margin of 100 a year, received at the end of each year; the "
            "retention rate is 80 % and the discount rate 10 %. What is the customer's "
            "**lifetime value** with an infinite horizon, not counting a margin at time 0 "
            "({ref}`ch-crm-clv`)?"
        ),
        solution="answer = crm.clv(margin=100.0, retention=0.80, discount_rate=0.10)\n",
        explanation=(
            "$CLV = m\\,r/(1+d-r) = 100 \\times 0.8 / (1.1 - 0.8) \\approx 266.67$. The first "
            "margin arrives after one year and only if the customer stays, hence the factor "
            "$r$ in the numerator."
        ),
        hint=(
            "Use m r / (1 + d - r): the retention rate appears in the numerator (the customer "
            "must stay to pay) and the denominator (fewer survivors each year)."
        ),
        mistakes=[
            Mistake("100 * 0.8 / (1 - 0.8)", "You forgot the discount rate."),
            Mistake(
                "crm.clv(100.0, 0.80, 0.10, include_first=True)",
                "You also counted a margin at time 0; the question excludes it.",
            ),
        ],
    ),
    Numeric(
        title="CLV over five years, net of acquisition",
        prompt=(
            "A subscription brings a margin of 120 a year (end of year), the retention rate is "
            "75 %, the discount rate 8 %, and winning the customer costs 150. Only the next "
            "**5 years** count. What is the CLV net of the acquisition cost? Use `crm.clv` with "
            "`horizon` and `acquisition_cost`."
        ),
        solution=(
            "answer = crm.clv(\n"
            "    margin=120.0,\n"
            "    retention=0.75,\n"
            "    discount_rate=0.08,\n"
            "    horizon=5,\n"
            "    acquisition_cost=150.0,\n"
            ")\n"
        ),
        explanation=(
            "The five discounted, survival-weighted margins are "
            "$\\sum_{t=1}^{5} 120 \\cdot 0.75^t / 1.08^t$; subtracting the 150 paid to win the "
            "customer leaves about 79, so the customer is worth acquiring, though the margin "
            "of safety is thin. `crm.clv_schedule` shows the year-by-year build-up."
        ),
        hint=(
            "Sum five margins, each weighted by the chance the customer is still there (0.75 to "
            "the power t) and discounted (1.08 to the power t), then subtract 150."
        ),
        mistakes=[
            Mistake("answer + 150", "You did not subtract the acquisition cost of 150."),
            Mistake(
                "crm.clv(120.0, 0.75, 0.08, acquisition_cost=150.0)",
                "That is the infinite-horizon value: count only five years.",
            ),
        ],
    ),
    Numeric(
        title="Customer equity of two segments",
        prompt=(
            "A firm has 5,000 *occasional* customers (margin 40 a year, retention 60 %) and "
            "1,000 *regular* customers (margin 250 a year, retention 85 %). With a discount rate "
            "of 10 % and an infinite horizon, what is its **customer equity** "
            "({ref}`ch-crm-equity`)?"
        ),
        solution=(
            "answer = crm.customer_equity(\n"
            "    customers=[5_000, 1_000],\n"
            "    margin=[40.0, 250.0],\n"
            "    retention=[0.60, 0.85],\n"
            "    discount_rate=0.10,\n"
            ")\n"
        ),
        explanation=(
            "Customer equity is the sum over segments of customers times CLV: "
            "$5000 \\times 40 \\cdot 0.6/0.5 + 1000 \\times 250 \\cdot 0.85/0.25 = 240{,}000 + "
            "850{,}000 = 1{,}090{,}000$. The 1,000 regular customers carry almost four fifths "
            "of it."
        ),
        hint=(
            "Compute the CLV of each segment, multiply by its number of customers, and add the "
            "two products."
        ),
        mistakes=[
            Mistake("5_000 * 40 + 1_000 * 250", "That is one year's margin, not lifetime value."),
            Mistake(
                "crm.clv(250.0, 0.85, 0.10) * 1_000",
                "You counted only the regular customers: add the occasional ones.",
            ),
        ],
    ),
    Numeric(
        title="Champions in the CDNOW log",
        prompt=(
            "Score the CDNOW customers with `crm.rfm_scores(summary)` (five bins) and name the "
            "segments with `crm.rfm_segments` ({ref}`ch-crm-rfm`). **How many customers** are "
            "*Champions*?"
        ),
        solution=(
            "segments = crm.rfm_segments(crm.rfm_scores(summary))\n"
            'answer = (segments["segment"] == "Champions").sum()\n'
        ),
        explanation=(
            "Champions have the best recency score (5) and a frequency score of 4 or 5: they "
            "bought recently and often. `segments['segment'].value_counts()` lists every "
            "segment; in CDNOW the *Lost* and *Hibernating* segments are larger, because most "
            "customers bought only once or twice early in 1997."
        ),
        hint=(
            "Compare the segment column with 'Champions' and add up the True values (a count, "
            "not a share)."
        ),
        mistakes=[
            Mistake(
                '(segments["rfm_cell"] == "555").sum()',
                "You counted only the 555 cell; Champions are R = 5 with F = 4 or 5.",
            ),
            Mistake(
                '(segments["segment"] == "Champions").mean()',
                "That is the share of Champions; the question asks for the number.",
            ),
        ],
        rel_tol=0.0,
        abs_tol=0.5,
    ),
    Numeric(
        title="Pareto share",
        prompt=(
            "What **share of CDNOW's total spend** comes from the top 20 % of customers by "
            "spend? Use `crm.pareto_share` on `spend` ({ref}`ch-crm-pareto`)."
        ),
        solution="answer = crm.pareto_share(spend, top=0.2)\n",
        explanation=(
            "About 68 % of the revenue comes from a fifth of the customers: less extreme than "
            "the '80/20 rule', but still a strong concentration. The Gini coefficient "
            "(`crm.gini(spend)`) summarises the whole Lorenz curve in one number."
        ),
        hint=(
            "Rank customers by spend, take the top fifth, and divide their spend by the total "
            "(pareto_share does this)."
        ),
        mistakes=[
            Mistake("0.8", "80 % is the rule of thumb, not the CDNOW figure: compute it."),
            Mistake("crm.gini(spend)", "That is the Gini coefficient, not the top-20 % share."),
        ],
        share=True,
    ),
    Numeric(
        title="Gold customers in the pyramid",
        prompt=(
            "Split the CDNOW customers into the customer pyramid with "
            "`crm.customer_pyramid(spend)` (default tiers Platinum 5 %, Gold 15 %, Iron 30 %, "
            "Lead 50 %; see {ref}`ch-crm-pyramid`). **How many customers** are in the *Gold* "
            "tier?"
        ),
        solution=(
            "pyramid = crm.customer_pyramid(spend)\n"
            'answer = pyramid.summary.loc["Gold", "customers"]\n'
            "pyramid\n"
        ),
        explanation=(
            "The Gold tier holds about 15 % of the 23,570 customers (ties in spend share a tier, "
            "so the count is not exactly 15 %). The summary also shows that Platinum and Gold "
            "together, a fifth of the customers, bring about two thirds of the revenue."
        ),
        hint=(
            "Read the customers column of the pyramid's summary table in the Gold row (15 % of "
            "the customers, up to ties)."
        ),
        mistakes=[
            Mistake(
                'pyramid.summary.loc["Platinum", "customers"]',
                "That is the Platinum tier, the top 5 %.",
            ),
            Mistake(
                'pyramid.summary.loc[["Platinum", "Gold"], "customers"].sum()',
                "You added the Platinum tier: count the Gold tier only.",
            ),
        ],
        rel_tol=0.0,
        abs_tol=0.5,
    ),
    Choice(
        title="Which lever raises CLV most?",
        prompt=(
            "Start from the customer of the first exercise (margin 100, retention 80 %, "
            "discount rate 10 %). Which single change raises the CLV **the most**?"
        ),
        options=[
            "Raise the margin by 10 % (to 110).",
            "Raise the retention rate by 5 points (to 85 %).",
            "Lower the discount rate by 5 points (to 5 %).",
        ],
        correct="B",
        feedback={
            "A": "A 10 % higher margin raises CLV by exactly 10 %: compute the other two.",
            "C": "A lower discount rate helps, but compute the retention case too.",
        },
        hint="Compute crm.clv for each of the three cases and compare.",
        explanation=(
            "The CLVs are about 293 (margin 110), 340 (retention 85 %) and 320 (discount 5 %). "
            "Retention acts twice, on the chance of each future margin and on how long they "
            "last, which is the arithmetic behind the value of retention."
        ),
        solution=(
            "options = {\n"
            '    "A": crm.clv(110.0, 0.80, 0.10),\n'
            '    "B": crm.clv(100.0, 0.85, 0.10),\n'
            '    "C": crm.clv(100.0, 0.80, 0.05),\n'
            "}\n"
            "answer = max(options, key=options.get)\n"
            "options\n"
        ),
    ),
    Choice(
        title="A strategy for RFM cell 1-5-5",
        prompt=(
            "A customer's RFM cell is **155**: recency score 1, frequency score 5, monetary "
            "score 5. Which action suits this customer best?"
        ),
        options=[
            "A thank-you reward for a loyal, active customer.",
            "A personal win-back contact to find out why they stopped buying.",
            "No action: the customer is not worth the cost.",
            "A welcome offer for new customers.",
        ],
        correct="B",
        feedback={
            "A": "A recency score of 1 means the customer has not bought for a long time.",
            "C": "Frequency 5 and monetary 5: this was one of the most valuable customers.",
            "D": "Frequency 5 means many purchase occasions: not a new customer.",
        },
        hint=(
            "Read each score: 1 is the worst (for recency: longest since the last purchase), 5 "
            "the best."
        ),
        explanation=(
            "The customer used to buy often and spend a lot but has not bought for a long time "
            "(the *Can't lose them* segment). A personal win-back contact, asking what went "
            "wrong, is worth its cost for so valuable a customer."
        ),
    ),
    Choice(
        title="Serving the Lead tier",
        prompt=(
            "In the customer pyramid, the *Lead* tier is the half of the customers with the "
            "lowest value. Which policy follows the pyramid's logic?"
        ),
        options=[
            "Give them the same service as Platinum customers, so that they move up.",
            "Serve them through lower-cost channels, and move up those who show potential.",
            "Drop them all at once, since they bring little revenue.",
        ],
        correct="B",
        feedback={
            "A": "Premium service for every customer costs more than most Lead customers bring.",
            "C": (
                "They still bring revenue, and some will grow; firing customers is a last "
                "resort for those who lose money."
            ),
        },
        hint=(
            "The pyramid matches the cost of serving each tier to its value, and looks for "
            "customers who can move up."
        ),
        explanation=(
            "The pyramid's point is to match the cost to serve to the value: lower-cost "
            "channels (self-service, online) for the Lead tier, with offers that lift the "
            "promising ones to Iron or Gold; only customers who cost more than they bring are "
            "candidates for higher prices or for being let go."
        ),
    ),
    Written(
        title="Mail only the Champions?",
        prompt=(
            "A manager wants to send the next CDNOW catalogue only to the *Champions*, because "
            "'they are the best customers'. In a short paragraph (at least 40 words), say what "
            "RFM can and cannot tell her, and how she should decide whom to mail."
        ),
        model_answer=(
            "RFM ranks customers by past behaviour; it is a good but rough predictor of who "
            "will respond, and Champions will likely respond best. But the decision should "
            "depend on the expected profit of mailing each segment: response rate times margin "
            "minus the cost of the mailing, not spend alone. Other segments such as At risk or "
            "Can't lose them may be worth a win-back mailing, and Champions might buy even "
            "without it. She should test the mailing on samples of several segments against a "
            "control group, measure the extra profit, and mail the segments where it is "
            "positive."
        ),
        key_ideas={
            "RFM describes past behaviour, a rough prediction of the future": (
                "past",
                "history",
                "histori",
                "predict",
                "future",
                "likel",
            ),
            "decide on expected profit (response times margin minus cost)": (
                "profit",
                "margin",
                "cost",
                "response",
                "return",
            ),
            "other segments (at risk, can't lose them) may be worth mailing": (
                "at risk",
                "can't lose",
                "cannot lose",
                "other segment",
                "win-back",
                "win back",
                "lapsed",
            ),
            "test against a control group": ("test", "control", "experiment", "pilot"),
        },
        min_words=40,
        hint=(
            "Think of what RFM is based on, what decides whether a mailing pays, which other "
            "segments might be worth it, and how you would find out."
        ),
        explanation="",
    ),
]

CHAPTER = Chapter(
    number=4,
    title="CRM and customer lifetime value",
    label="ex-crm",
    intro=INTRO,
    setup=SETUP,
    questions=QUESTIONS,
)

check = CHAPTER.check
