"""Question bank of chapter 3, relationship marketing (the page {ref}`ex-relationship`).

The format is described in :mod:`cpvkit.exercises._core`. All numbers are computed with
:mod:`cpvkit.relationship`, :mod:`cpvkit.crm` and the real CDNOW purchase log.
"""

from __future__ import annotations

from cpvkit.exercises._core import Chapter, Choice, Mistake, Numeric, Written

SETUP = """\
from cpvkit import datasets
from cpvkit import relationship as rel

cdnow = datasets.load_cdnow()  # real CDNOW purchase records, 1997-01-01 to 1998-06-30
rel.LADDER_STAGES  # the rungs of the customer development ladder, bottom to top
"""

INTRO = """\
These exercises practise {ref}`ch-relationship`: the economics of retention, the cohort view
of an acquired group of customers, the customer development ladder on the real CDNOW purchase
log, and the judgement calls of relationship marketing. Run the set-up cell first, then write
each answer in its cell and run the check below it. Numbers may be rounded sensibly (to two
decimals, or a whole number for large amounts); shares may be given as 0.25 or as 25 (percent).
"""

QUESTIONS = [
    Numeric(
        title="Expected lifetime",
        prompt=(
            "A gym keeps 85 % of its members from one year to the next. Assuming the same "
            "retention rate every year, what is the **expected lifetime** of a new member, in "
            "years? Use `rel.expected_lifetime` or the formula of "
            "{ref}`ch-relationship-lifetime`."
        ),
        solution="answer = rel.expected_lifetime(0.85)\n",
        explanation=(
            "With a constant retention rate $r$, the number of years a member stays is "
            "geometric, and its mean is $1/(1-r) = 1/0.15 \\approx 6.67$ years. A churn rate of "
            "15 % a year means one member in about 6.7 leaves each year."
        ),
        hint=(
            "The expected lifetime is 1 / (1 - r): divide one by the churn rate, the share of "
            "members who leave each year."
        ),
        mistakes=[
            Mistake("1 / 0.85", "You divided by the retention rate; divide by the churn rate."),
            Mistake(
                "answer - 1",
                "You counted only the renewals: the first year also counts in the lifetime.",
            ),
        ],
    ),
    Numeric(
        title="Cohort profit after ten years",
        prompt=(
            "A firm acquires a cohort of 1,000 customers at 150 each. Each active customer "
            "brings a margin of 100 at the end of every year, 75 % of the customers stay from "
            "one year to the next, and the firm discounts at 10 % a year. Use "
            "`rel.cohort_projection` to find the cohort's **cumulative discounted profit "
            "after 10 years** (acquisition cost included), as in "
            "{ref}`ch-relationship-cohort`."
        ),
        solution=(
            "cohort = rel.cohort_projection(\n"
            "    customers=1_000,\n"
            "    retention=0.75,\n"
            "    margin=100.0,\n"
            "    periods=10,\n"
            "    discount_rate=0.10,\n"
            "    acquisition_cost=150.0,\n"
            ")\n"
            'answer = cohort["cumulative_present_value"].iloc[-1]\n'
        ),
        explanation=(
            "The projection pays 150,000 at year 0, then in year $t$ earns "
            "$1000 \\cdot 0.75^t \\cdot 100$, discounted by $1.1^{-t}$. The last row of "
            "`cumulative_present_value` adds them up over ten years: about 59,600. Without "
            "discounting the cohort would seem to earn far more, because most of its profit "
            "arrives in the early years but the later ones still count at face value."
        ),
        hint=(
            "Take the column cumulative_present_value of the projection at period 10: it is "
            "discounted and already includes the acquisition cost paid at period 0."
        ),
        mistakes=[
            Mistake(
                'cohort["cumulative_profit"].iloc[-1]',
                "That is the undiscounted profit: use the present value.",
            ),
            Mistake(
                "answer + 150_000",
                "You left out the acquisition cost of 150 per customer paid at period 0.",
            ),
        ],
        rel_tol=0.005,
    ),
    Numeric(
        title="Cost per customer saved",
        prompt=(
            "A firm has 10,000 customers and keeps 80 % of them a year. A loyalty programme "
            "costing 4 per current customer a year would raise retention to 85 %. Winning a new "
            "customer costs 100. Use `rel.acquisition_vs_retention` to find the programme's "
            "**cost per customer saved** ({ref}`ch-relationship-five-times`)."
        ),
        solution=(
            "compare = rel.acquisition_vs_retention(\n"
            "    customers=10_000,\n"
            "    retention=0.80,\n"
            "    improved_retention=0.85,\n"
            "    acquisition_cost=100.0,\n"
            "    retention_cost=4.0,\n"
            ")\n"
            "answer = compare.cost_per_customer_saved\n"
        ),
        explanation=(
            "The programme costs $10{,}000 \\times 4 = 40{,}000$ but saves only the customers "
            "who would have left without it: $10{,}000 \\times (0.85 - 0.80) = 500$. Each "
            "saved customer therefore costs $40{,}000 / 500 = 80$ (in general "
            "$c/(r_1 - r_0)$), less than the 100 it costs to replace one."
        ),
        hint=(
            "The spend falls on every current customer, but only the extra retained customers "
            "(customers times the rise in retention) are saved: divide the total cost by them."
        ),
        mistakes=[
            Mistake("4.0", "4 is the cost per current customer, not per customer saved."),
            Mistake("compare.programme_cost", "That is the total cost of the programme."),
        ],
    ),
    Choice(
        title="Retain or replace?",
        prompt=(
            "Same firm as in the previous exercise (10,000 customers, retention 80 % rising to "
            "85 % with the programme, acquisition cost 100), but the programme now costs **6** "
            "per current customer a year. Which is cheaper for keeping the customer base "
            "constant?"
        ),
        options=[
            "The retention programme: keeping a customer is always cheaper than winning one.",
            "Replacing the lost customers through acquisition, without the programme.",
            "Both cost exactly the same.",
        ],
        correct="B",
        feedback={
            "A": (
                "The 'five times' rule of thumb is not a law: work out the cost per customer saved."
            ),
            "C": "Compare 6 / (0.85 - 0.80) with the acquisition cost of 100.",
        },
        hint=(
            "The programme pays only when its cost per customer saved, c / (r1 - r0), is below "
            "the acquisition cost."
        ),
        explanation=(
            "Each saved customer now costs $6 / 0.05 = 120$, more than the 100 needed to win a "
            "replacement, so the money is better spent on acquisition (or on a cheaper, targeted "
            "programme). `cheaper` in the result says the same."
        ),
        solution=(
            "compare = rel.acquisition_vs_retention(\n"
            "    customers=10_000,\n"
            "    retention=0.80,\n"
            "    improved_retention=0.85,\n"
            "    acquisition_cost=100.0,\n"
            "    retention_cost=6.0,\n"
            ")\n"
            'answer = "B" if compare.cheaper == "acquisition" else "A"\n'
            "compare\n"
        ),
    ),
    Numeric(
        title="Clients among CDNOW's customers",
        prompt=(
            "Place every CDNOW customer on the customer development ladder with "
            "`rel.development_ladder(cdnow)` (default thresholds, see "
            "{ref}`ch-relationship-ladder`). What **share of all customers** is on the "
            "*client* rung?"
        ),
        solution=(
            "ladder = rel.development_ladder(cdnow)\n"
            'answer = (ladder["stage"] == "client").mean()\n'
        ),
        explanation=(
            "About 20 % of the 23,570 customers meet the client rule (at least four purchase "
            "days, at least 180 days between the first and the last, and a purchase within the "
            "last 365 days). Half of all customers never came back after their first day."
        ),
        hint=(
            "Compare the stage column with 'client' and take the mean of the True/False values: "
            "that is the share."
        ),
        mistakes=[
            Mistake(
                '(ladder["stage"] == "repeat customer").mean()',
                "That is the share of repeat customers, the rung below client.",
            ),
            Mistake(
                '(ladder["stage"] == "first-time customer").mean()',
                "That is the share of first-time customers.",
            ),
        ],
        share=True,
    ),
    Numeric(
        title="Word of mouth",
        prompt=(
            "Suppose (illustrative figures) that 200 dissatisfied customers each tell 9 people "
            "about their experience, and that one in five of those listeners passes the story "
            "on to one more person. Use `rel.word_of_mouth` to find the **total number of "
            "people** who hear about the bad experiences."
        ),
        solution="answer = rel.word_of_mouth(200, tell=9, retell=0.2).total\n",
        explanation=(
            "The dissatisfied customers reach $200 \\times 9 = 1{,}800$ people directly, and "
            "$1{,}800 \\times 0.2 = 360$ more hear it second-hand: 2,160 in all. Small numbers "
            "of unhappy customers reach a large audience, which is why complaint handling pays."
        ),
        hint=(
            "Direct listeners are customers times the people each tells; add the share of them "
            "who pass it on."
        ),
        mistakes=[
            Mistake("200 * 9", "That counts only the direct listeners; add those who retell."),
            Mistake("200 * 9 * 0.2", "That counts only the second-hand listeners."),
        ],
    ),
    Choice(
        title="Which rung of the ladder?",
        prompt=(
            "With the ladder's default thresholds (a client has at least 4 purchase days, at "
            "least 180 days between the first and the last, and bought within the last 365 "
            "days; an advocate is a client with at least one referral), where does this "
            "customer stand? She bought on 5 different days over the last 8 months, her last "
            "purchase was 2 months ago, and she has brought in two friends who became "
            "customers."
        ),
        options=["first-time customer", "repeat customer", "client", "advocate", "partner"],
        correct="D",
        feedback={
            "A": "She has bought on five days, not one.",
            "B": "She meets every condition of the client rule, and more.",
            "C": "She is a client, and her referrals take her one rung higher.",
            "E": "A partner works with the firm in a formal partnership; nothing says she does.",
        },
        hint=(
            "Apply the rules from the top of the ladder down: the first rule that holds gives "
            "the stage."
        ),
        explanation=(
            "Five purchase days (at least 4), a tenure of about 6 months (at least 180 days) and "
            "a recent purchase make her a client; two referrals (at least one) lift her to "
            "**advocate**. The code checks it with a small purchase log."
        ),
        solution=(
            "import pandas as pd\n"
            "\n"
            "days = pd.to_datetime(\n"
            '    ["2024-01-05", "2024-03-01", "2024-04-20", "2024-06-02", "2024-07-10"]\n'
            ")\n"
            'log = pd.DataFrame({"customer_id": 1, "date": days})\n'
            "stage = rel.development_ladder(\n"
            '    log, analysis_date="2024-09-10", referrals={1: 2}\n'
            ').loc[1, "stage"]\n'
            'answer = "D" if stage == "advocate" else "?"\n'
            "stage\n"
        ),
    ),
    Choice(
        title="Relationship or transaction marketing?",
        prompt=(
            "Grönroos placed transaction and relationship marketing at the two ends of a "
            "continuum ({ref}`ch-relationship-transaction`). Which business is the **best fit "
            "for transaction marketing**?"
        ),
        options=[
            "A supplier of accounting software sold on multi-year contracts to firms.",
            "A private bank managing the savings of wealthy families.",
            "A petrol station on a motorway, serving travellers who pass once.",
            "A broadband provider with monthly subscriptions.",
        ],
        correct="C",
        feedback={
            "A": "Long contracts and high switching costs call for a relationship.",
            "B": "Personal advice over many years is the classic relationship setting.",
            "D": "Subscribers can leave each month: retention is the heart of this business.",
        },
        hint=(
            "Look at the time horizon and the switching costs: where is the next purchase "
            "unlikely to come from the same customer whatever the firm does?"
        ),
        explanation=(
            "Motorway travellers rarely come back to the same station, the purchase is a "
            "one-off at the price of the moment, and there is little to learn about each "
            "customer: the single exchange is the natural unit. The others have long time "
            "horizons, repeated service and switching costs, the marks of relationship markets."
        ),
    ),
    Choice(
        title="What kind of loyalty?",
        prompt=(
            "A customer has renewed her mobile contract with the same operator for six years. "
            "Asked about it, she says she finds the operator no better than its rivals, but "
            "switching would mean a new phone number and a termination fee. In Dick and Basu's "
            "terms ({ref}`ch-relationship-loyalty`), what is her loyalty?"
        ),
        options=["loyalty", "latent loyalty", "spurious loyalty", "no loyalty"],
        correct="C",
        feedback={
            "A": "True loyalty needs a favourable relative attitude as well as repeat buying.",
            "B": "Latent loyalty is a favourable attitude with little repeat buying.",
            "D": "She does buy again, year after year.",
        },
        hint=(
            "Place her on two axes: relative attitude (does she prefer the brand?) and repeat "
            "patronage (does she keep buying?)."
        ),
        explanation=(
            "High repeat patronage with a low relative attitude is **spurious loyalty**: the "
            "switching costs, not a preference, hold her. It disappears when a rival lowers "
            "those costs (number portability, a paid-off fee), so the operator should work on "
            "her attitude, not count on her inertia."
        ),
    ),
    Written(
        title="Move everyone up the ladder?",
        prompt=(
            "Half of CDNOW's customers never bought again after their first day. A manager "
            "proposes to spend the same amount on every first-time customer to turn them all "
            "into clients. In a short paragraph (at least 40 words), advise her: when does "
            "this pay, and what would you do instead?"
        ),
        model_answer=(
            "Moving customers up the ladder pays only when the extra margin over the customer's "
            "lifetime exceeds what the effort costs. Spending the same on every first-time "
            "buyer wastes money on customers who would come back anyway and on those who will "
            "never be profitable (butterflies and one-off buyers). Instead, estimate the "
            "lifetime value or the likelihood of a second purchase from the data (recency, "
            "first spend, product), target the customers with the highest expected gain, and "
            "test the offer against a control group before rolling it out; relationship "
            "marketing is a choice per customer segment, not a rule for all."
        ),
        key_ideas={
            "the gain in margin or lifetime value must exceed the cost": (
                "cost",
                "margin",
                "profit",
                "lifetime value",
                "clv",
                "pays",
            ),
            "not every customer is worth developing (target or segment)": (
                "target",
                "segment",
                "select",
                "not every",
                "not all",
                "butterfl",
                "worth",
            ),
            "use the data to predict who will come back": (
                "data",
                "predict",
                "recency",
                "likel",
                "estimate",
                "rfm",
            ),
            "test the programme against a control group": (
                "test",
                "control",
                "experiment",
                "pilot",
            ),
        },
        min_words=40,
        hint=(
            "Think of the cost per customer saved, of which customers are worth moving up, and "
            "of how you would know that the spending works."
        ),
        explanation="",
    ),
]

CHAPTER = Chapter(
    number=3,
    title="Relationship marketing",
    label="ex-relationship",
    intro=INTRO,
    setup=SETUP,
    questions=QUESTIONS,
)

check = CHAPTER.check
