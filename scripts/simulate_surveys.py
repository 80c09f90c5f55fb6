"""Write the SIMULATED survey data sets in ``data/``.

Every file written here is invented: the firms, products, respondents and answers are fictional.
They are generated from the simple models below, with one fixed seed
(``numpy.random.default_rng(2026)``), so that running the script again reproduces the files byte
for byte. The models are chosen so that each data set shows the pattern the book teaches, with
realistic noise around it.

Files and generating models
---------------------------
``satisfaction_survey.csv`` - 500 customers of *Fjordnet*, a fictional regional broadband
    provider, in three segments (residential 60 %, small business 25 %, student 15 %).
    Per respondent a latent perceived performance ``q ~ N(mu_seg, 1)`` and a latent expectation
    ``e ~ N(nu_seg, 0.9)`` (correlation 0.3) are drawn; small-business customers expect more and
    get a little less, students expect less. The 1-7 answers are ``round(e)`` and
    ``round(q + N(0, 0.4))``. Latent satisfaction follows the expectancy-disconfirmation model,
    ``s = 0.6 (q - 4.5) + 0.5 (q - e) + N(0, 0.6)``: performance counts on its own and the gap
    between performance and expectation adds to it. The CSAT answer (1-5) cuts ``s`` at
    -1.4, -0.6, 0.1 and 1.0; likelihood to recommend (0-10) is ``round(7.6 + 1.3 s + N(0, 0.9))``;
    repurchase intention (1-5) cuts ``0.9 s + N(0, 0.5)`` at -1.5, -0.7, 0.0 and 0.8. All answers
    are clipped to their scale.

``kano_survey.csv`` - 150 users of *Dishdash*, a fictional food-delivery app, answer the
    functional ("How do you feel if the app has ...?") and dysfunctional ("... does not have
    ...?") Kano questions for 7 features. Each feature has a designed (true) category; each
    respondent's personal category for a feature is drawn from a distribution that puts 45-60 %
    on the designed category and spreads the rest over the other categories, with 2-4 % reverse
    (R) and 2-3 % questionable (Q) answers. An answer pair that the standard Kano evaluation
    table maps to the drawn category is then drawn at random. Designed categories: must-be
    (order arrives complete and correct; secure card payment), one-dimensional (delivery within
    30 minutes; low delivery fee), attractive (live courier tracking on a map; free dessert on
    your birthday), indifferent (dark mode).

``ipa_ratings.csv`` - 250 customers of *Bean & Bench*, a fictional coffee-shop chain, rate
    10 attributes for importance and performance on 1-7 scales (long format, one row per
    respondent and attribute). Each rating is ``round(true mean + respondent effect + N(0, 0.9))``
    clipped to 1-7, with respondent effects ``N(0, 0.5)`` (importance) and ``N(0, 0.6)``
    (performance). The true means put two or three attributes in each of the four
    importance-performance quadrants (Martilla and James 1977).

``servqual_expectations.csv``, ``servqual_perceptions.csv``, ``servqual_items.csv`` -
    300 customers of *Harbour Savings Bank*, a fictional retail bank, answer the 22 SERVQUAL
    items (Parasuraman, Zeithaml and Berry 1988: tangibles 4 items, reliability 5,
    responsiveness 4, assurance 4, empathy 5) twice on 1-7 scales: what an excellent bank would
    do (expectations) and what this bank does (perceptions). Expectation of item ``j`` for
    respondent ``i`` is ``round(mu_j + a_i + N(0, 0.6))`` with ``a_i ~ N(0, 0.4)`` and
    ``mu_j`` between 5.4 and 6.5 (reliability highest, tangibles lowest). Perception is
    ``round(mu_j + g_d + b_i + c_id + N(0, 0.8))``: ``g_d`` is the designed gap of the item's
    dimension (tangibles -0.2, reliability -1.3, responsiveness -1.0, assurance -0.4,
    empathy -0.7), ``b_i ~ N(0, 0.6)`` a general impression and ``c_id ~ N(0, 0.4)`` a
    respondent-by-dimension impression. Both clipped to 1-7. The item wording in
    ``servqual_items.csv`` is short and written for this book, not the original questionnaire.

``competitor_ratings.csv``, ``competitor_prices.csv`` - a customer value analysis of city
    e-bikes: *Voltara* (the firm) and three fictional competitors (*SwiftSpoke*, *Urbanix*,
    *TrailKing*). A panel of 120 customers rates each offering on 6 attributes (1-10 scale);
    the file holds the panel means (true level + respondent noise ``N(0, 1.2)``, rounded to one
    decimal) and the importance weights (summing to 100) from the same panel. Prices are list
    prices in euros with the panel's mean perceived-price rating (1 very cheap - 10 very
    expensive). The true levels put Voltara at better-than-average quality for about the average
    price (a better-value position), SwiftSpoke as the premium brand close to the fair-value
    line, Urbanix as the economy choice with lower quality at a low price, and TrailKing at
    below-average quality for an above-average price (a worse-value position).

Run from the repository root::

    python scripts/simulate_surveys.py            # writes into data/
    python scripts/simulate_surveys.py --out DIR  # writes elsewhere
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 2026
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data"

KANO_ANSWERS = ("like", "must-be", "neutral", "live-with", "dislike")
# rows: functional answer, columns: dysfunctional answer (order of KANO_ANSWERS)
KANO_TABLE = (
    ("Q", "A", "A", "A", "O"),
    ("R", "I", "I", "I", "M"),
    ("R", "I", "I", "I", "M"),
    ("R", "I", "I", "I", "M"),
    ("R", "R", "R", "R", "Q"),
)
KANO_LETTERS = ("A", "O", "M", "I", "R", "Q")


def _cut(values: np.ndarray, cuts: list[float]) -> np.ndarray:
    """Ordinal answer 1..len(cuts)+1 from a latent score and ascending cut points."""
    return np.searchsorted(np.asarray(cuts), values, side="right") + 1


def simulate_satisfaction(rng: np.random.Generator, n: int = 500) -> pd.DataFrame:
    segments = np.array(["residential", "small business", "student"])
    seg = rng.choice(segments, size=n, p=[0.60, 0.25, 0.15])
    mu_q = pd.Series({"residential": 5.0, "small business": 4.7, "student": 5.2})
    nu_e = pd.Series({"residential": 5.1, "small business": 5.8, "student": 4.6})
    z = rng.multivariate_normal([0.0, 0.0], [[1.0, 0.3], [0.3, 1.0]], size=n)
    q = mu_q.loc[seg].to_numpy() + z[:, 0]
    e = nu_e.loc[seg].to_numpy() + 0.9 * z[:, 1]
    expectation = np.clip(np.rint(e), 1, 7).astype(int)
    performance = np.clip(np.rint(q + rng.normal(0, 0.4, n)), 1, 7).astype(int)
    s = 0.6 * (q - 4.5) + 0.5 * (q - e) + rng.normal(0, 0.6, n)
    csat = _cut(s, [-1.4, -0.6, 0.1, 1.0])
    nps = np.clip(np.rint(7.6 + 1.3 * s + rng.normal(0, 0.9, n)), 0, 10).astype(int)
    repurchase = _cut(0.9 * s + rng.normal(0, 0.5, n), [-1.5, -0.7, 0.0, 0.8])
    return pd.DataFrame(
        {
            "respondent_id": np.arange(1, n + 1),
            "segment": seg,
            "expectation": expectation,
            "performance": performance,
            "csat": csat,
            "nps": nps,
            "repurchase_intention": repurchase,
        }
    )


# designed category and the distribution of personal categories (A, O, M, I, R, Q)
KANO_FEATURES = {
    "Order arrives complete and correct": ("M", [0.04, 0.22, 0.58, 0.12, 0.02, 0.02]),
    "Secure card payment": ("M", [0.03, 0.18, 0.52, 0.23, 0.02, 0.02]),
    "Delivery within 30 minutes": ("O", [0.15, 0.50, 0.20, 0.11, 0.02, 0.02]),
    "Low delivery fee": ("O", [0.12, 0.46, 0.17, 0.19, 0.03, 0.03]),
    "Live courier tracking on a map": ("A", [0.52, 0.17, 0.05, 0.22, 0.02, 0.02]),
    "Free dessert on your birthday": ("A", [0.48, 0.06, 0.03, 0.37, 0.04, 0.02]),
    "Dark mode": ("I", [0.20, 0.04, 0.03, 0.66, 0.04, 0.03]),
}


def simulate_kano(rng: np.random.Generator, n: int = 150) -> pd.DataFrame:
    table = np.array(KANO_TABLE)
    answers = np.array(KANO_ANSWERS)
    # the (functional, dysfunctional) cells of the evaluation table that give each letter
    cells = {letter: np.argwhere(table == letter) for letter in KANO_LETTERS}
    frames = []
    for feature, (_, probs) in KANO_FEATURES.items():
        personal = rng.choice(np.array(KANO_LETTERS), size=n, p=probs)
        functional = np.empty(n, dtype=object)
        dysfunctional = np.empty(n, dtype=object)
        for letter in KANO_LETTERS:
            mask = personal == letter
            pick = cells[letter][rng.integers(0, len(cells[letter]), mask.sum())]
            functional[mask] = answers[pick[:, 0]]
            dysfunctional[mask] = answers[pick[:, 1]]
        frames.append(
            pd.DataFrame(
                {
                    "respondent_id": np.arange(1, n + 1),
                    "feature": feature,
                    "functional": functional,
                    "dysfunctional": dysfunctional,
                }
            )
        )
    return pd.concat(frames, ignore_index=True).sort_values(
        ["respondent_id"], kind="stable", ignore_index=True
    )


# attribute: (true mean importance, true mean performance)
IPA_ATTRIBUTES = {
    "Coffee taste": (6.4, 6.0),
    "Friendly staff": (5.8, 5.9),
    "Clean shop": (5.9, 5.6),
    "Speed of service": (6.2, 4.0),
    "Value for money": (6.0, 4.2),
    "Free Wi-Fi": (3.8, 3.7),
    "Loyalty app": (3.3, 3.9),
    "Background music": (2.9, 4.2),
    "Menu variety": (4.0, 5.9),
    "Seating comfort": (4.2, 5.6),
}


def simulate_ipa(rng: np.random.Generator, n: int = 250) -> pd.DataFrame:
    k = len(IPA_ATTRIBUTES)
    means = np.array(list(IPA_ATTRIBUTES.values()))
    imp = means[:, 0] + rng.normal(0, 0.5, (n, 1)) + rng.normal(0, 0.9, (n, k))
    perf = means[:, 1] + rng.normal(0, 0.6, (n, 1)) + rng.normal(0, 0.9, (n, k))
    return pd.DataFrame(
        {
            "respondent_id": np.repeat(np.arange(1, n + 1), k),
            "attribute": np.tile(list(IPA_ATTRIBUTES), n),
            "importance": np.clip(np.rint(imp), 1, 7).astype(int).ravel(),
            "performance": np.clip(np.rint(perf), 1, 7).astype(int).ravel(),
        }
    )


# item wording written for this book; dimension order and item counts as in SERVQUAL (1988)
SERVQUAL_ITEMS = [
    ("tangibles", "Modern cash machines, terminals and online banking", 5.5),
    ("tangibles", "Pleasant, inviting branches", 5.4),
    ("tangibles", "Staff who look smart and professional", 5.6),
    ("tangibles", "Clear, well-designed letters and statements", 5.5),
    ("reliability", "Keeps to the deadlines it agrees with customers", 6.5),
    ("reliability", "Takes a real interest in fixing customers' problems", 6.3),
    ("reliability", "Gets things right the first time", 6.4),
    ("reliability", "Processes transfers and requests on schedule", 6.3),
    ("reliability", "Keeps statements and records free of mistakes", 6.5),
    ("responsiveness", "Says clearly when a request will be completed", 6.0),
    ("responsiveness", "Serves customers quickly", 6.1),
    ("responsiveness", "Staff are keen to help", 6.0),
    ("responsiveness", "Staff find time for requests even when busy", 5.9),
    ("assurance", "Staff inspire trust", 6.1),
    ("assurance", "Customers feel their money and data are safe", 6.4),
    ("assurance", "Staff are courteous every time", 6.0),
    ("assurance", "Staff can answer customers' questions competently", 6.2),
    ("empathy", "Treats each customer as an individual", 5.7),
    ("empathy", "Opening hours that fit customers' lives", 5.8),
    ("empathy", "A named adviser who knows the customer", 5.6),
    ("empathy", "Puts the customer's interests first", 6.0),
    ("empathy", "Knows what each customer actually needs", 5.9),
]
SERVQUAL_GAPS = {
    "tangibles": -0.2,
    "reliability": -1.3,
    "responsiveness": -1.0,
    "assurance": -0.4,
    "empathy": -0.7,
}


def simulate_servqual(
    rng: np.random.Generator, n: int = 300
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    items = pd.DataFrame(SERVQUAL_ITEMS, columns=["dimension", "wording", "mu"])
    items.insert(0, "item", [f"q{j:02d}" for j in range(1, len(items) + 1)])
    dims = list(SERVQUAL_GAPS)
    dim_index = items["dimension"].map({d: i for i, d in enumerate(dims)}).to_numpy()
    mu = items["mu"].to_numpy()
    gap = items["dimension"].map(SERVQUAL_GAPS).to_numpy()
    k = len(items)
    e = mu + rng.normal(0, 0.4, (n, 1)) + rng.normal(0, 0.6, (n, k))
    c = rng.normal(0, 0.4, (n, len(dims)))[:, dim_index]
    p = mu + gap + rng.normal(0, 0.6, (n, 1)) + c + rng.normal(0, 0.8, (n, k))
    ids = pd.Index(np.arange(1, n + 1), name="respondent_id")
    cols = items["item"].tolist()
    expectations = pd.DataFrame(np.clip(np.rint(e), 1, 7).astype(int), index=ids, columns=cols)
    perceptions = pd.DataFrame(np.clip(np.rint(p), 1, 7).astype(int), index=ids, columns=cols)
    return (
        expectations.reset_index(),
        perceptions.reset_index(),
        items[["item", "dimension", "wording"]],
    )


OFFERINGS = ["Voltara", "SwiftSpoke", "Urbanix", "TrailKing"]
# attribute: (importance weight, true ratings of the offerings in OFFERINGS order)
CVA_ATTRIBUTES = {
    "Battery range": (25, [7.8, 8.6, 6.2, 6.8]),
    "Ride comfort": (20, [7.6, 8.2, 6.5, 7.0]),
    "Build quality": (20, [7.4, 8.8, 5.9, 7.2]),
    "Design": (10, [7.0, 8.4, 6.4, 6.0]),
    "Dealer service": (15, [7.9, 7.5, 5.6, 6.2]),
    "Warranty": (10, [7.2, 8.0, 6.0, 5.8]),
}
# list price in euros and the true mean perceived-price rating (1 = very cheap, 10 = very dear)
CVA_PRICES = {
    "Voltara": (2490, 6.4),
    "SwiftSpoke": (2990, 8.1),
    "Urbanix": (1990, 4.5),
    "TrailKing": (2690, 7.2),
}


def simulate_competitors(
    rng: np.random.Generator, panel: int = 120
) -> tuple[pd.DataFrame, pd.DataFrame]:
    truth = np.array([v[1] for v in CVA_ATTRIBUTES.values()])
    answers = truth + rng.normal(0, 1.2, (panel, *truth.shape))
    means = np.clip(answers, 1, 10).mean(axis=0).round(1)
    ratings = pd.DataFrame(means, columns=OFFERINGS)
    ratings.insert(0, "weight", [v[0] for v in CVA_ATTRIBUTES.values()])
    ratings.insert(0, "attribute", list(CVA_ATTRIBUTES))
    price_truth = np.array([v[1] for v in CVA_PRICES.values()])
    price_rating = np.clip(price_truth + rng.normal(0, 1.2, (panel, len(OFFERINGS))), 1, 10)
    prices = pd.DataFrame(
        {
            "offering": OFFERINGS,
            "role": ["firm"] + ["competitor"] * (len(OFFERINGS) - 1),
            "price": [float(v[0]) for v in CVA_PRICES.values()],
            "price_rating": price_rating.mean(axis=0).round(1),
        }
    )
    return ratings, prices


def main(out: Path = DEFAULT_OUT) -> dict[str, pd.DataFrame]:
    """Simulate every survey and write the CSV files into ``out``; return the frames."""
    rng = np.random.default_rng(SEED)
    frames: dict[str, pd.DataFrame] = {}
    frames["satisfaction_survey.csv"] = simulate_satisfaction(rng)
    frames["kano_survey.csv"] = simulate_kano(rng)
    frames["ipa_ratings.csv"] = simulate_ipa(rng)
    exp, per, items = simulate_servqual(rng)
    frames["servqual_expectations.csv"] = exp
    frames["servqual_perceptions.csv"] = per
    frames["servqual_items.csv"] = items
    ratings, prices = simulate_competitors(rng)
    frames["competitor_ratings.csv"] = ratings
    frames["competitor_prices.csv"] = prices
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        frame.to_csv(out / name, index=False, lineterminator="\n")
    return frames


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args()
    written = main(args.out)
    for name, frame in written.items():
        print(f"{args.out / name}: {frame.shape[0]} rows x {frame.shape[1]} columns (SIMULATED)")
