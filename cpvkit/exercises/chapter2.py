"""Question bank of chapter 2, customer perceived value (the page {ref}`ex-perceived-value`).

The format is described in :mod:`cpvkit.exercises._core`. All numbers are computed with
:mod:`cpvkit.value`, partly on the SIMULATED competitor ratings of :mod:`cpvkit.datasets`.
"""

from __future__ import annotations

from cpvkit.exercises._core import Chapter, Choice, Mistake, Numeric, Written

SETUP = """\
from cpvkit import datasets, value

bikes = datasets.load_competitor_ratings()  # SIMULATED: four city e-bikes, six attributes
bikes.ratings  # panel mean ratings, 1-10, attributes x offerings
"""

INTRO = """\
These exercises practise {ref}`ch-perceived-value`: customer delivered value as the difference
(and the ratio) of total customer value and total customer cost, the weighted customer value
analysis against a competitor, the value map, and the choice of a strategy to close a value gap.
The e-bike ratings are SIMULATED (see `data/README.md`). Run the set-up cell first, then write
each answer in its cell and run the check below it. Numbers may be rounded sensibly.
"""

_BENEFITS = (
    "A customer values a new laptop's product at 600, the service that comes with it at 150, "
    "the seller's staff at 100 and the brand's image at 150. She pays 700 and puts the time "
    "spent choosing and buying at 80, the effort at 40 and the worry of a wrong choice "
    "(psychic cost) at 30 (all in euros)."
)

QUESTIONS = [
    Numeric(
        title="Customer delivered value",
        prompt=(
            _BENEFITS + " Use `value.delivered_value` to compute the **customer delivered "
            "value** as the difference between total customer value and total customer cost."
        ),
        solution=(
            "dv = value.delivered_value(\n"
            "    product=600, service=150, personnel=100, image=150,\n"
            "    monetary=700, time=80, energy=40, psychic=30,\n"
            ")\n"
            "answer = dv.value\n"
        ),
        explanation=(
            "Total customer value is 600 + 150 + 100 + 150 = 1,000; total customer cost is "
            "700 + 80 + 40 + 30 = 850. Delivered value = 1,000 - 850 = 150 "
            "{cite:p}`kotler2016marketing`. The price is only part of the cost: the "
            "non-monetary costs (time, energy, psychic) count too."
        ),
        hint=(
            "Add the four value components, add the four cost components (not only the "
            "price), then subtract the costs from the value."
        ),
        mistakes=[
            Mistake(
                "dv.total_value - 700",
                "You subtracted only the price: add time, energy and psychic costs to the cost.",
            ),
            Mistake("dv.total_value", "That is total customer value, before subtracting costs."),
        ],
    ),
    Numeric(
        title="Value as a ratio",
        prompt=(
            "Same customer as in the previous question. Delivered value can also be stated as "
            "a **ratio** of total customer value to total customer cost. Compute it (two "
            "decimals)."
        ),
        solution=(
            "dv = value.delivered_value(\n"
            "    product=600, service=150, personnel=100, image=150,\n"
            "    monetary=700, time=80, energy=40, psychic=30,\n"
            ")\n"
            "answer = dv.ratio\n"
        ),
        explanation=(
            "1,000 / 850 = 1.18: every euro of total cost brings 1.18 euros of value. A ratio "
            "above 1 means the same as a positive difference; the ratio helps to compare offers "
            "of very different size."
        ),
        hint="Divide total customer value by total customer cost (value over cost, not the "
        "reverse).",
        mistakes=[
            Mistake("1 / answer", "You divided cost by value: the ratio is value over cost."),
            Mistake("dv.total_value / 700", "The cost includes time, energy and psychic costs."),
        ],
        abs_tol=0.005,
    ),
    Numeric(
        title="Weighted quality score",
        prompt=(
            "`bikes.ratings` holds the panel's mean ratings of four e-bikes on six attributes "
            "and `bikes.weights` the importance of each attribute (points summing to 100). "
            "Run `value.customer_value_analysis(bikes.ratings, bikes.weights, "
            'firm="Voltara", competitor="SwiftSpoke")` and give Voltara\'s **weighted '
            "quality score** (on the 1-10 rating scale)."
        ),
        solution=(
            "cva = value.customer_value_analysis(\n"
            '    bikes.ratings, bikes.weights, firm="Voltara", competitor="SwiftSpoke"\n'
            ")\n"
            "answer = cva.firm_score\n"
        ),
        explanation=(
            "Each rating is multiplied by its attribute's weight (as a fraction of 100) and the "
            "products are added: $0.25 \\times 7.8 + 0.20 \\times 7.5 + 0.20 \\times 7.7 + "
            "0.10 \\times 7.1 + 0.15 \\times 8.0 + 0.10 \\times 7.1 = 7.61$. The weights make "
            "battery range count two and a half times as much as design "
            "{cite:p}`gale1994managing`."
        ),
        hint="Multiply each rating by its weight / 100 and add the six products.",
        mistakes=[
            Mistake(
                'bikes.ratings["Voltara"].mean()',
                "That is the unweighted mean: weight each attribute by its importance.",
            ),
            Mistake(
                '(bikes.ratings["Voltara"] * bikes.weights).sum()',
                "Divide the weights by their sum (100) to stay on the 1-10 scale.",
            ),
        ],
        abs_tol=0.005,
    ),
    Numeric(
        title="Relative value against the leader",
        prompt=(
            "With the same analysis, what is Voltara's **relative value** (relative quality "
            "score) against SwiftSpoke, its weighted score divided by SwiftSpoke's? Give three "
            "decimals."
        ),
        solution=(
            "cva = value.customer_value_analysis(\n"
            '    bikes.ratings, bikes.weights, firm="Voltara", competitor="SwiftSpoke"\n'
            ")\n"
            "answer = cva.relative_value\n"
        ),
        explanation=(
            "7.61 / 8.20 = 0.928: on the attributes that customers weigh, Voltara delivers "
            "about 93 % of SwiftSpoke's perceived quality. The difference, 7.61 - 8.20 = "
            "-0.59 points, says the same thing as a gap."
        ),
        hint="Divide the firm's weighted score by the competitor's (firm over competitor).",
        mistakes=[
            Mistake("1 / answer", "You divided the competitor's score by the firm's."),
            Mistake("cva.advantage", "That is the difference of the scores, not their ratio."),
        ],
        abs_tol=0.0015,
    ),
    Choice(
        title="Driver of the quality gap",
        prompt=(
            "Voltara trails SwiftSpoke on weighted quality. Using `cva.drivers()` (the "
            "weighted differences attribute by attribute), which attribute accounts for the "
            "**largest part** of the gap?"
        ),
        options=["Battery range", "Build quality", "Dealer service", "Design"],
        correct="B",
        feedback={
            "A": (
                "Battery range has the largest weight, but the rating difference on it is "
                "small (7.8 against 8.4): weight times difference is what counts."
            ),
            "C": "Voltara is rated better than SwiftSpoke on dealer service: it narrows the gap.",
            "D": "Design has a weight of only 10: its part of the gap is small.",
        },
        hint="Multiply each attribute's weight by the rating difference (Voltara - SwiftSpoke).",
        explanation=(
            "Build quality: $0.20 \\times (7.7 - 8.7) = -0.20$, the largest weighted shortfall "
            "(battery range: $0.25 \\times (7.8 - 8.4) = -0.15$). Dealer service is Voltara's "
            "one advantage. Improving build quality would close the gap fastest."
        ),
        solution=(
            "cva = value.customer_value_analysis(\n"
            '    bikes.ratings, bikes.weights, firm="Voltara", competitor="SwiftSpoke"\n'
            ")\n"
            "top = cva.drivers().index[0]\n"
            'answer = {"Battery range": "A", "Build quality": "B", "Dealer service": "C", '
            '"Design": "D"}[top]\n'
            "cva.drivers()\n"
        ),
    ),
    Numeric(
        title="Relative price on the value map",
        prompt=(
            "For the value map, relate each bike's weighted quality score "
            '(`cva.scores`) and its list price (`bikes.prices["price"]`) to the mean over '
            "the four bikes with `value.value_map_data`. What is Voltara's **relative price**?"
        ),
        solution=(
            "cva = value.customer_value_analysis(\n"
            '    bikes.ratings, bikes.weights, firm="Voltara", competitor="SwiftSpoke"\n'
            ")\n"
            'vmap = value.value_map_data(cva.scores, bikes.prices["price"])\n'
            'answer = vmap.set_index("offering").loc["Voltara", "relative_price"]\n'
        ),
        explanation=(
            "The mean list price is 2,540 euros; Voltara's 2,490 is 0.98 of it. Its relative "
            "quality is about 1.07, so it sits above the fair-value line: better value than "
            "the average bike at about the average price."
        ),
        hint="Divide Voltara's price by the mean price of the four bikes.",
        mistakes=[
            Mistake(
                'vmap.set_index("offering").loc["Voltara", "relative_quality"]',
                "That is the relative quality; the question asks for the relative price.",
            ),
            Mistake(
                'bikes.prices.loc["Voltara", "price"] / bikes.prices.loc["SwiftSpoke", "price"]',
                "The reference is the mean price of all four bikes, not SwiftSpoke's.",
            ),
        ],
        abs_tol=0.005,
    ),
    Choice(
        title="Position on the value map",
        prompt=(
            "On the same value map (tolerance 0.05 around the fair-value line), where does "
            "**TrailKing** stand?"
        ),
        options=["Better value", "Fair value", "Worse value"],
        correct="C",
        feedback={
            "A": "TrailKing's relative quality (about 0.93) is below its relative price (1.06).",
            "B": "The gap between relative quality and relative price exceeds the tolerance.",
        },
        hint="Compare relative quality with relative price: which one is higher, and by how much?",
        explanation=(
            "TrailKing's relative quality is about 0.93 and its relative price about 1.06: "
            "below-average quality at an above-average price, below the fair-value line by "
            "about 0.13. Unless it improves quality or cuts its price, customers who compare "
            "will move to bikes that offer more value {cite:p}`gale1994managing`."
        ),
        solution=(
            "cva = value.customer_value_analysis(\n"
            '    bikes.ratings, bikes.weights, firm="Voltara", competitor="SwiftSpoke"\n'
            ")\n"
            'vmap = value.value_map_data(cva.scores, bikes.prices["price"])\n'
            'position = vmap.set_index("offering").loc["TrailKing", "value_position"]\n'
            'answer = {"better value": "A", "fair value": "B", "worse value": "C"}[position]\n'
            "vmap\n"
        ),
    ),
    Choice(
        title="Closing a value gap",
        prompt=(
            "A firm learns that its customers perceive a lower delivered value than a "
            "competitor's. Following Kotler's customer delivered value, which course of action "
            "is sound?"
        ),
        options=[
            "Cut the price: price is the only cost customers weigh.",
            "Raise total customer value (product, service, personnel or image benefits) or "
            "reduce total customer cost, including the time, energy and psychic costs, "
            "choosing the cheaper route for the firm.",
            "Advertise more, so that customers expect more of the product.",
        ],
        correct="B",
        feedback={
            "A": (
                "Price is only the monetary part of total customer cost; cutting it can also "
                "hurt margins when raising a benefit or lowering a non-monetary cost is cheaper."
            ),
            "C": (
                "Raising expectations without raising performance invites negative "
                "disconfirmation: it does not add value."
            ),
        },
        hint="Delivered value is total customer value minus total customer cost: what can move?",
        explanation=(
            "Delivered value rises when total customer value rises or total customer cost "
            "falls {cite:p}`kotler2016marketing`. The firm can strengthen a benefit (for "
            "example service or personnel), cut the price, or cut the time, energy and psychic "
            "costs of buying and using the product; it should pick the route that closes the "
            "gap at the lowest cost to itself."
        ),
    ),
    Written(
        title="Why value is relative",
        prompt=(
            "Voltara's weighted quality score is below SwiftSpoke's, yet on the value map "
            "Voltara is *better value* and SwiftSpoke only *fair value*. Explain how both can be "
            "true, and why a firm should judge its value against competitors rather than "
            "alone (about 60-120 words)."
        ),
        hint=(
            "Value is a trade-off of what customers get against what they give up, and "
            "customers judge it by comparing offers."
        ),
        explanation="",
        model_answer=(
            "Perceived value is the customer's trade-off between what is received and what is "
            "given up {cite:p}`zeithaml1988consumer`, not quality alone. SwiftSpoke has the "
            "highest quality but also the highest price, so its relative quality and relative "
            "price are about equal: fair value. Voltara's quality is somewhat lower but above "
            "the average bike, at about the average price, so its relative quality exceeds its "
            "relative price: better value. Customers choose among alternatives, so value is "
            "relative to competitors; a firm that looks only at its own quality or its own "
            "price cannot see whether customers who compare offers will prefer it."
        ),
        key_ideas={
            "trade-off of benefits and price": ("trade-off", "price", "give up", "given up"),
            "relative quality against relative price": ("relative quality", "relative price"),
            "fair-value line / value map": ("fair value", "value map", "fair-value"),
            "customers compare competitors": ("compet", "compar", "alternative"),
        },
        min_words=40,
    ),
]

CHAPTER = Chapter(
    number=2,
    title="Customer perceived value",
    label="ex-perceived-value",
    intro=INTRO,
    setup=SETUP,
    questions=QUESTIONS,
)

check = CHAPTER.check
